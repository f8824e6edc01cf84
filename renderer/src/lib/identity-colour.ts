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

/** Hue in degrees [0, 360), quantised to 24 steps of 15° so neighbours differ visibly. */
export function identityHue(identity: string): number {
  return (fnv1a(identity) % 24) * 15;
}
