// The event-loop delay in the app log: measured each interval, a warning when a menu would stutter,
// and a real blocked loop shows up in perf_hooks' histogram as this module reads it.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { eventLoopReport, watchEventLoop, type DelayHistogram } from '../../../main/electron/event-loop-watch';

function fakeHistogram(p50Ms: number, p99Ms: number, maxMs: number): DelayHistogram & { resets: number; max: number } {
  const h = {
    resets: 0,
    percentile: (p: number) => (p >= 99 ? p99Ms : p50Ms) * 1e6,
    max: maxMs * 1e6,
    reset: () => void (h.resets += 1),
  };
  return h;
}

describe('event-loop delay in the app log', () => {
  it('logs each interval, warns when the worst delay is felt, and starts each interval afresh', () => {
    const lines: Array<[string, string, unknown]> = [];
    const logger = { info: (o: unknown, m: string) => void lines.push(['info', m, o]), warn: (o: unknown, m: string) => void lines.push(['warn', m, o]) };
    let tick: () => void = () => undefined;
    const histogram = fakeHistogram(10.4, 20, 30);
    watchEventLoop({ histogram, logger: logger as never, every: (_ms, fn) => ((tick = fn), () => undefined) });
    tick();
    expect(lines.at(-1)).toEqual(['info', 'event loop delay', { p50Ms: 10.4, p99Ms: 20, maxMs: 30 }]);
    histogram.max = 250e6;
    tick();
    expect(lines.at(-1)).toEqual(['warn', 'event loop delayed: menus and requests waited', { p50Ms: 10.4, p99Ms: 20, maxMs: 250 }]);
    expect(histogram.resets).toBe(2);
  });

  it('a synchronous step that blocks the loop shows in the histogram read the same way', async () => {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    await new Promise((r) => setTimeout(r, 50));
    const until = Date.now() + 120;
    while (Date.now() < until) {
      // a synchronous step on the loop, like a large JSON parse or writeSync
    }
    await new Promise((r) => setTimeout(r, 30));
    histogram.disable();
    expect(eventLoopReport(histogram).maxMs).toBeGreaterThanOrEqual(100);
  });
});
