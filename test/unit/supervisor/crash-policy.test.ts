import { describe, it, expect } from 'vitest';
import { createCrashPolicy } from '../../../main/core/backends/supervisor/crash-policy';

function policy() {
  let clock = 1_000_000;
  const p = createCrashPolicy({ now: () => clock, backoffMs: [500, 2000, 5000], maxCrashes: 3, windowMs: 60_000 });
  return { p, advance: (ms: number) => (clock += ms) };
}

describe('crash policy', () => {
  it('backs off per crash and gives up at the third crash within a minute', () => {
    const { p, advance } = policy();
    expect(p.record()).toEqual({ count: 1, giveUp: false, delayMs: 500 });
    advance(10_000);
    expect(p.record()).toEqual({ count: 2, giveUp: false, delayMs: 2000 });
    advance(10_000);
    expect(p.record()).toMatchObject({ count: 3, giveUp: true });
  });

  it('forgets crashes older than the window', () => {
    const { p, advance } = policy();
    p.record();
    advance(30_000);
    p.record();
    advance(30_001);
    expect(p.record()).toEqual({ count: 2, giveUp: false, delayMs: 2000 });
  });

  it('keeps the last backoff step and starts over after reset', () => {
    const p = createCrashPolicy({ now: () => 0, backoffMs: [7], maxCrashes: 10, windowMs: 60_000 });
    p.record();
    expect(p.record().delayMs).toBe(7);
    p.reset();
    expect(p.record().count).toBe(1);
  });
});
