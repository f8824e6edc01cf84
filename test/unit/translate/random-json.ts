// Seeded random JSON for property and fuzz tests.

const ALPHABET = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\t', '/', '{', '}', '[', ']', ':', ',', 'é', '世', '👋', '\u2028', '\u0000'];

export function randomString(random: () => number, max = 12): string {
  const length = Math.floor(random() * max);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return out;
}

export function randomJson(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0: return null;
    case 1: return random() < 0.5;
    case 2: return random() < 0.3 ? Math.floor(random() * 2_000_000) - 1_000_000 : random() * 10;
    case 3: return randomString(random);
    case 4: return random() < 0.5 ? '' : -1;
    case 5: return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
    default: {
      const obj: Record<string, unknown> = {};
      const keys = ['type', 'text', 'content', 'role', 'id', 'name', 'input', 'arguments', randomString(random, 6)];
      for (let i = Math.floor(random() * 4); i > 0; i--) obj[keys[Math.floor(random() * keys.length)]!] = randomJson(random, depth + 1);
      return obj;
    }
  }
}

/** A JSON object text with awkward content: escapes, unicode, nesting. */
export function randomArguments(random: () => number): string {
  const obj: Record<string, unknown> = {};
  const n = 1 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) obj[`k${i}${randomString(random, 4)}`] = randomJson(random, 1);
  obj.code = 'const s = "quote \\" and \\\\ backslash";\n\tline2 → ✓ 🎉';
  return random() < 0.5 ? JSON.stringify(obj) : JSON.stringify(obj, null, 1);
}

/** Cut a string into fragments at random places (empty fragments included, surrogate pairs may split). */
export function fragment(text: string, random: () => number): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    const size = random() < 0.1 ? 0 : 1 + Math.floor(random() * 8);
    parts.push(text.slice(i, i + size));
    i += size;
  }
  return parts;
}
