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

/** Hue in degrees [0, 360), quantised to 20 steps of 18° so two identities differ visibly or not at all. */
export function identityHue(identity: string): number {
  return (mix(fnv1a(identity)) % HUE_STEPS) * (360 / HUE_STEPS);
}
