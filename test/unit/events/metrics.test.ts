import { describe, expect, it } from 'vitest';
import { MAX_SAMPLES, createLatencySamples, percentiles } from '../../../main/core/events/latency-samples';
import { WINDOW_MINUTES, createMetrics } from '../../../main/core/events/metrics';
import { record } from './fixtures';

const MINUTE = 60_000;

function clockAt(start: number) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v), advance: (ms: number) => (t += ms) };
}

describe('latency samples', () => {
  it('computes nearest-rank p50/p95', () => {
    const samples = createLatencySamples();
    for (let ms = 100; ms >= 1; ms -= 1) samples.add(ms);
    expect(percentiles([samples], [0.5, 0.95])).toEqual([50, 95]);
  });

  it('answers null without samples and ignores non-finite values', () => {
    const samples = createLatencySamples();
    samples.add(Number.NaN);
    expect(percentiles([samples], [0.5])).toEqual([null]);
  });

  it('keeps a bounded number of samples, newest overwriting oldest', () => {
    const samples = createLatencySamples();
    for (let i = 0; i < MAX_SAMPLES; i += 1) samples.add(1);
    for (let i = 0; i < MAX_SAMPLES; i += 1) samples.add(1000);
    expect(samples.values()).toHaveLength(MAX_SAMPLES);
    expect(percentiles([samples], [0.5])).toEqual([1000]);
  });
});

describe('metrics', () => {
  // 12:00:30 local time on a fixed day, so the minute and day boundaries are known
  const base = new Date(2025, 5, 10, 12, 0, 30).getTime();
  const minuteStart = Math.floor(base / MINUTE) * MINUTE;

  it('returns 15 minute buckets, oldest first, zero-filled, aligned to minutes', () => {
    const clock = clockAt(base);
    const snap = createMetrics(clock.now).snapshot();
    expect(snap.windowMinutes).toBe(WINDOW_MINUTES);
    expect(snap.buckets).toHaveLength(15);
    expect(snap.buckets[14]).toEqual({ minute: minuteStart, requests: 0, errors: 0, p50Ms: null, p95Ms: null });
    expect(snap.buckets[0]?.minute).toBe(minuteStart - 14 * MINUTE);
    expect(snap.totals).toEqual({ requests: 0, errors: 0, p50Ms: null, p95Ms: null });
    expect(snap.byIdentity).toEqual([]);
    expect(snap.today).toBe(0);
  });

  it('counts requests and errors (status >= 400 or failed) per minute with percentiles', () => {
    const clock = clockAt(base);
    const metrics = createMetrics(clock.now);
    for (let ms = 1; ms <= 20; ms += 1) metrics.record(record({ durationMs: ms }));
    metrics.record(record({ status: 429, phase: 'error', durationMs: 100 }));
    metrics.record(record({ status: 200, phase: 'error', errorCode: 'STREAM_INTERRUPTED', durationMs: 100 }));
    clock.advance(MINUTE);
    metrics.record(record({ status: 500, phase: 'error', durationMs: null }));
    const snap = metrics.snapshot();
    expect(snap.buckets[13]).toEqual({ minute: minuteStart, requests: 22, errors: 2, p50Ms: 11, p95Ms: 100 });
    expect(snap.buckets[14]).toEqual({ minute: minuteStart + MINUTE, requests: 1, errors: 1, p50Ms: null, p95Ms: null });
    expect(snap.totals).toEqual({ requests: 23, errors: 3, p50Ms: 11, p95Ms: 100 });
  });

  it('forgets minutes older than the window', () => {
    const clock = clockAt(base);
    const metrics = createMetrics(clock.now);
    metrics.record(record({ durationMs: 5 }));
    clock.advance(14 * MINUTE);
    expect(metrics.snapshot().totals.requests).toBe(1);
    clock.advance(MINUTE);
    const snap = metrics.snapshot();
    expect(snap.totals.requests).toBe(0);
    expect(snap.buckets.every((b) => b.requests === 0)).toBe(true);
  });

  it('reports per identity over the window, busiest first', () => {
    const clock = clockAt(base);
    const metrics = createMetrics(clock.now);
    metrics.record(record({ identity: 'claude-cli', durationMs: 10 }));
    metrics.record(record({ identity: 'claude-cli', durationMs: 30, status: 529, phase: 'error' }));
    clock.advance(MINUTE);
    metrics.record(record({ identity: 'claude-cli', durationMs: 20 }));
    metrics.record(record({ identity: 'pycharm-ai', durationMs: 7 }));
    expect(metrics.snapshot().byIdentity).toEqual([
      { identity: 'claude-cli', requests: 3, errors: 1, p50Ms: 20, p95Ms: 30 },
      { identity: 'pycharm-ai', requests: 1, errors: 0, p50Ms: 7, p95Ms: 7 },
    ]);
  });

  it('counts today since local midnight and starts over on the next day', () => {
    const clock = clockAt(new Date(2025, 5, 10, 23, 59, 0).getTime());
    const metrics = createMetrics(clock.now);
    metrics.record(record());
    metrics.record(record());
    expect(metrics.snapshot().today).toBe(2);
    clock.set(new Date(2025, 5, 11, 0, 0, 1).getTime());
    expect(metrics.snapshot().today).toBe(0);
    metrics.record(record());
    expect(metrics.snapshot().today).toBe(1);
    // the window still holds yesterday's last minute
    expect(metrics.snapshot().totals.requests).toBe(3);
  });
});
