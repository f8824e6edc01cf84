import { describe, expect, it } from 'vitest';
import { barRects, isolatedPoints, linePath } from '../../../renderer/src/lib/chart-geometry';
import { minuteSeries, niceMax, requestsPerMinute } from '../../../renderer/src/lib/metrics-series';
import { fakeMetrics } from '../../fixtures/fake-admin/fake-records';

const box = { width: 100, height: 50, pad: 5 };

describe('chart geometry', () => {
  it('draws a line and breaks it at missing values', () => {
    expect(linePath([0, 10, null, 5, 10], 10, box)).toBe('M5,45 L27.5,5 M72.5,25 L95,5');
    expect(linePath([], 10, box)).toBe('');
  });

  it('marks isolated points so a lone minute stays visible', () => {
    expect(isolatedPoints([null, 4, null, 1, 2], 4, box)).toEqual([{ x: 27.5, y: 5 }]);
  });

  it('lays out bars on a shared baseline; zero stays flat, small values stay visible', () => {
    const bars = barRects([0, 1, 100], 100, box);
    expect(bars).toHaveLength(3);
    expect(bars[0]!.height).toBe(0);
    expect(bars[1]!.height).toBeGreaterThanOrEqual(1.5);
    expect(bars[2]).toMatchObject({ y: 5, height: 40 });
    for (const bar of bars) expect(bar.y + bar.height).toBe(45);
  });
});

describe('metrics series', () => {
  const minute = 60_000;
  const now = 1_700_000_000_000 - (1_700_000_000_000 % minute) + 30_000;
  const last = now - 30_000;

  it('fills the window with explicit zero minutes, oldest first', () => {
    const metrics = fakeMetrics({
      windowMinutes: 15,
      buckets: [
        { minute: last - 14 * minute, requests: 3, errors: 1, p50Ms: 100, p95Ms: 300 },
        { minute: last - minute, requests: 10, errors: 0, p50Ms: 50, p95Ms: 90 },
        { minute: last - 20 * minute, requests: 99, errors: 0, p50Ms: 1, p95Ms: 1 },
      ],
    });
    const points = minuteSeries(metrics, now);
    expect(points).toHaveLength(15);
    expect(points[0]).toMatchObject({ minute: last - 14 * minute, requests: 3, errorRate: 1 / 3, p95Ms: 300 });
    expect(points[1]).toMatchObject({ requests: 0, errorRate: null, p50Ms: null });
    expect(points.at(-1)!.minute).toBe(last);
    expect(requestsPerMinute(points)).toBe(10);
  });

  it('rounds axis maxima up to 1, 2 or 5 times a power of ten', () => {
    expect([niceMax([]), niceMax([3]), niceMax([null, 7]), niceMax([12]), niceMax([1_234])]).toEqual([1, 5, 10, 20, 2_000]);
  });
});
