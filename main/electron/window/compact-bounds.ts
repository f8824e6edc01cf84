// Where the window opens when the tray icon asks for it: tray-popover sized (the dashboard's compact
// layout: mode toggle, clients, last requests) next to the icon, on the screen that holds it, above a
// bottom taskbar and below a top menu bar. The user can still resize it up to the full layout.
import type { Bounds } from '../facade-types';

export const COMPACT_SIZE = { width: 420, height: 640 } as const;
/** gap between the icon and the window */
const GAP = 8;

export function compactBoundsNear(anchor: Bounds, workAreas: readonly Bounds[]): Bounds {
  const cx = anchor.x + anchor.width / 2;
  const cy = anchor.y + anchor.height / 2;
  const area =
    workAreas.find((a) => cx >= a.x && cx < a.x + a.width && cy >= a.y - 64 && cy < a.y + a.height + 64) ??
    workAreas[0] ??
    { x: 0, y: 0, width: COMPACT_SIZE.width, height: COMPACT_SIZE.height };
  const width = Math.min(COMPACT_SIZE.width, area.width);
  const height = Math.min(COMPACT_SIZE.height, area.height);
  const x = clamp(Math.round(cx - width / 2), area.x, area.x + area.width - width);
  // an icon in the lower half sits in a bottom taskbar: open above it; else (macOS menu bar) below it
  const below = cy < area.y + area.height / 2;
  const y = clamp(below ? anchor.y + anchor.height + GAP : anchor.y - height - GAP, area.y, area.y + area.height - height);
  return { x, y, width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(Math.max(min, max), value));
}
