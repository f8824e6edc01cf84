// A stable colour per identity: the same name gets the same hue in every window and every session.
// Only the hue comes from the hash; lightness and saturation come from the theme's CSS, so a colour
// stays readable in light and dark mode.

/** FNV-1a, 32 bit: tiny, fast, and spreads short similar names (pycharm-ai, pycharm-ai-2) well enough. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: FNV alone leaves similar names (openai-sdk, anthropic-sdk) on similar hues. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const HUE_STEPS = 20;

/**
 * The built-in identities (the known clients' rules, the default, the health check) get fixed hues chosen
 * on the 18° grid at least two steps apart, so the ones a user sees most are never two shades of one purple.
 */
export const FIXED_HUES: Readonly<Record<string, number>> = {
  'claude-cli': 18,
  'anthropic-sdk': 72,
  'anthropic-js': 108,
  'openai-sdk': 144,
  'switchboard-health': 180,
  'default-dev': 216,
  'default-user': 216,
  'pycharm-ai': 270,
  'anthropic-python': 324,
};

const TAKEN = new Set(Object.values(FIXED_HUES));
/** The 18° steps no built-in identity uses: a user's own identity never wears a built-in's colour. */
const FREE_HUES = Array.from({ length: HUE_STEPS }, (_, i) => i * (360 / HUE_STEPS)).filter((hue) => !TAKEN.has(hue));

/** Hue in degrees [0, 360): fixed for built-in identities, else one of the free 18° steps from a hash. */
export function identityHue(identity: string): number {
  const fixed = FIXED_HUES[identity];
  if (fixed !== undefined) return fixed;
  return FREE_HUES[mix(fnv1a(identity)) % FREE_HUES.length]!;
}
