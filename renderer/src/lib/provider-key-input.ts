// What the "Provider keys" form checks before it calls the bridge, and the names it offers. The app checks
// again (the bridge is its trust boundary); checking here first saves a round trip and, for the value, a
// gateway restart that would only end in a refusal. Messages never repeat what was typed: a key pasted
// into the name field is still a key.
import { KNOWN_PROVIDER_KEYS, PROVIDER_KEY_NAME, type ProviderKeyInfo } from '../../../shared/protocol/ipc';

/** The app refuses longer values (main/electron/secrets/key-input.ts). */
export const KEY_VALUE_MAX_CHARS = 4096;

/**
 * The bridge takes names of 2–64 characters (key-input.ts) while PROVIDER_KEY_NAME alone lets up to 71
 * through; the form holds to the stricter of the two so a name it accepts is never refused by the app.
 */
export const KEY_NAME_MAX_CHARS = 64;

// Printable ASCII: the value ends up in an HTTP header, where a line break or non-ASCII has no place.
const PRINTABLE = /^[\x20-\x7E]+$/;

/** The problem with a key name, or null when the app will take it. */
export function keyNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a variable name, such as ANTHROPIC_API_KEY.';
  if (!PROVIDER_KEY_NAME.test(name) || name.length > KEY_NAME_MAX_CHARS) {
    return 'Use an environment variable name in capital letters, digits and _, ending in _API_KEY, _KEY or _TOKEN, at most 64 characters (such as ANTHROPIC_API_KEY).';
  }
  return null;
}

/** The problem with a key value (already trimmed), or null. */
export function keyValueProblem(value: string): string | null {
  if (value.length === 0) return 'Paste the key into the Value field.';
  if (value.length > KEY_VALUE_MAX_CHARS) return `That is longer than a key can be (${KEY_VALUE_MAX_CHARS} characters at most).`;
  if (!PRINTABLE.test(value)) {
    return 'That contains characters a key cannot have (line breaks, tabs or non-ASCII). Paste the key again.';
  }
  return null;
}

export interface KeyNameChoice {
  name: string;
  /** already stored: saving replaces it */
  stored: boolean;
}

/**
 * The names the form offers: the well-known ones first (in their usual order), then custom names already
 * stored, so replacing one does not mean typing it again.
 */
export function keyNameChoices(stored: readonly ProviderKeyInfo[]): KeyNameChoice[] {
  const storedNames = new Set(stored.map((k) => k.name));
  const known: readonly string[] = KNOWN_PROVIDER_KEYS;
  const custom = [...storedNames].filter((name) => !known.includes(name)).sort();
  return [...known, ...custom].map((name) => ({ name, stored: storedNames.has(name) }));
}

/** A stored key that can no longer be decrypted, else the first well-known name not stored yet: what the form preselects. */
export function suggestedKeyName(stored: readonly ProviderKeyInfo[]): string {
  const unreadable = stored.find((k) => k.unreadable);
  if (unreadable) return unreadable.name;
  const storedNames = new Set(stored.map((k) => k.name));
  return KNOWN_PROVIDER_KEYS.find((name) => !storedNames.has(name)) ?? KNOWN_PROVIDER_KEYS[0];
}
