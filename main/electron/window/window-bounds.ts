// Restoring the window where the user left it, unless that place no longer exists (a monitor unplugged,
// a resolution changed): then the saved size is kept and the window is centred by the OS.
import type { Bounds } from '../facade-types';
import { WINDOW_DEFAULT_SIZE, WINDOW_MIN_SIZE } from './window-security';

export interface SavedBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** At least this much of the title bar must be on a screen for a saved position to be reused. */
const VISIBLE_MARGIN = 48;

export function restoreBounds(saved: SavedBounds | null, workAreas: readonly Bounds[]): SavedBounds {
  if (!saved) return { ...WINDOW_DEFAULT_SIZE };
  const largest = workAreas.reduce<Bounds | null>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    null,
  );
  const width = clamp(saved.width, WINDOW_MIN_SIZE.width, largest?.width ?? saved.width);
  const height = clamp(saved.height, WINDOW_MIN_SIZE.height, largest?.height ?? saved.height);
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const candidate: Bounds = { x: saved.x, y: saved.y, width, height };
  return workAreas.some((area) => titleBarVisible(candidate, area)) ? candidate : { width, height };
}

function titleBarVisible(window: Bounds, area: Bounds): boolean {
  const overlapX = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const titleTop = window.y;
  const insideY = titleTop >= area.y && titleTop + VISIBLE_MARGIN / 2 <= area.y + area.height;
  return overlapX >= VISIBLE_MARGIN && insideY;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(Math.max(min, max), Math.round(value)));
}
