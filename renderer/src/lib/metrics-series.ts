// Turns the gateway's per-minute metrics into fixed-length series for the Overview charts. Minutes with
// no traffic are absent from the snapshot; the charts need them as explicit zeros (or gaps for latency).
import type { MetricsBucket, MetricsSnapshot } from '../../../shared/protocol/records';

export const MINUTE_MS = 60_000;

export interface MinutePoint {
  minute: number;
  requests: number;
  errors: number;
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** One point per minute for the last `windowMinutes` minutes ending with the minute that holds `now`. */
export function minuteSeries(metrics: MetricsSnapshot, now: number): MinutePoint[] {
  const window = Math.max(1, metrics.windowMinutes);
  const lastMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const byMinute = new Map<number, MetricsBucket>();
  for (const bucket of metrics.buckets) byMinute.set(bucket.minute, bucket);
  const points: MinutePoint[] = [];
  for (let i = window - 1; i >= 0; i--) {
    const minute = lastMinute - i * MINUTE_MS;
    const b = byMinute.get(minute);
    const requests = b?.requests ?? 0;
    const errors = b?.errors ?? 0;
    points.push({
      minute,
      requests,
      errors,
      errorRate: requests > 0 ? errors / requests : null,
      p50Ms: b?.p50Ms ?? null,
      p95Ms: b?.p95Ms ?? null,
    });
  }
  return points;
}

/** Requests per minute over the last full minute, falling back to the current one when the window is new. */
export function requestsPerMinute(points: readonly MinutePoint[]): number {
  const previous = points.at(-2);
  const current = points.at(-1);
  return previous?.requests || current?.requests || 0;
}

/** A "nice" axis maximum (1, 2, 5 × 10^n) at or above the largest value, so labels read cleanly. */
export function niceMax(values: readonly (number | null)[], floor = 1): number {
  const max = Math.max(floor, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const exponent = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * exponent >= max) return step * exponent;
  return 10 * exponent;
}
