import { describe, expect, it } from 'vitest';
import { COMPACT_SIZE, compactBoundsNear } from '../../../main/electron/window/compact-bounds';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('compact window near the tray icon', () => {
  it('opens above an icon in a bottom taskbar, centred on it, inside the work area', () => {
    const bounds = compactBoundsNear({ x: 1700, y: 1045, width: 24, height: 24 }, [screen]);
    // 8 px above the icon
    expect(bounds).toEqual({ x: 1500, y: 1045 - 8 - COMPACT_SIZE.height, width: 420, height: 640 });
  });

  it('opens below an icon in a top menu bar, kept on screen at the right edge', () => {
    const bounds = compactBoundsNear({ x: 1900, y: 0, width: 22, height: 22 }, [{ x: 0, y: 25, width: 1920, height: 1055 }]);
    expect(bounds).toEqual({ x: 1500, y: 30, width: 420, height: 640 });
  });

  it('uses the screen holding the icon and shrinks to a small one', () => {
    const small = { x: 1920, y: 0, width: 400, height: 600 };
    const bounds = compactBoundsNear({ x: 2000, y: 580, width: 20, height: 20 }, [screen, small]);
    expect(bounds).toEqual({ x: 1920, y: 0, width: 400, height: 600 });
  });
});
