// Traffic numbers for the dashboard and the tray: per-minute buckets over the last 15 minutes, the same
// window as totals and per identity (percentiles cannot be summed, so the window's p50/p95 are computed
// here from the kept samples), and a count of today's requests. The clock is injected: tests move it.
import type { IdentityMetrics, MetricsBucket, MetricsSnapshot, RequestRecord } from '../../../shared/protocol/records';
import { createLatencySamples, percentiles, type LatencySamples } from './latency-samples';

export const WINDOW_MINUTES = 15;
const MINUTE_MS = 60_000;
const PS = [0.5, 0.95] as const;

export interface Metrics {
  /** counts one finished or failed request at the current time */
  record(record: RequestRecord): void;
  snapshot(): MetricsSnapshot;
}

interface Counter {
  requests: number;
  errors: number;
  samples: LatencySamples;
}

interface Bucket extends Counter {
  minute: number;
  byIdentity: Map<string, Counter>;
}

function newCounter(): Counter {
  return { requests: 0, errors: 0, samples: createLatencySamples() };
}

function count(counter: Counter, record: RequestRecord, isError: boolean): void {
  counter.requests += 1;
  if (isError) counter.errors += 1;
  if (record.durationMs !== null) counter.samples.add(record.durationMs);
}

export function isErrorRecord(record: RequestRecord): boolean {
  return record.phase === 'error' || (record.status !== null && record.status >= 400);
}

/** [start, end) of the local calendar day holding `t` (DST days are 23 or 25 hours long). */
function localDay(t: number): [number, number] {
  const start = new Date(t);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return [start.getTime(), end.getTime()];
}

export function createMetrics(now: () => number): Metrics {
  const buckets = new Map<number, Bucket>();
  let day = localDay(now());
  let today = 0;

  function prune(currentMinute: number): void {
    const oldest = currentMinute - (WINDOW_MINUTES - 1) * MINUTE_MS;
    for (const minute of buckets.keys()) if (minute < oldest || minute > currentMinute) buckets.delete(minute);
  }

  function rollDay(t: number): void {
    if (t >= day[0] && t < day[1]) return;
    day = localDay(t);
    today = 0;
  }

  return {
    record(record) {
      const t = now();
      const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
      let bucket = buckets.get(minute);
      if (!bucket) {
        prune(minute);
        bucket = { minute, byIdentity: new Map(), ...newCounter() };
        buckets.set(minute, bucket);
      }
      const isError = isErrorRecord(record);
      count(bucket, record, isError);
      let perIdentity = bucket.byIdentity.get(record.identity);
      if (!perIdentity) {
        perIdentity = newCounter();
        bucket.byIdentity.set(record.identity, perIdentity);
      }
      count(perIdentity, record, isError);
      rollDay(t);
      today += 1;
    },

    snapshot() {
      const t = now();
      const current = Math.floor(t / MINUTE_MS) * MINUTE_MS;
      prune(current);
      rollDay(t);
      const series: MetricsBucket[] = [];
      const identities = new Map<string, { requests: number; errors: number; samples: LatencySamples[] }>();
      let requests = 0;
      let errors = 0;
      for (let i = WINDOW_MINUTES - 1; i >= 0; i -= 1) {
        const minute = current - i * MINUTE_MS;
        const bucket = buckets.get(minute);
        if (!bucket) {
          series.push({ minute, requests: 0, errors: 0, p50Ms: null, p95Ms: null });
          continue;
        }
        const [p50Ms = null, p95Ms = null] = percentiles([bucket.samples], PS);
        series.push({ minute, requests: bucket.requests, errors: bucket.errors, p50Ms, p95Ms });
        requests += bucket.requests;
        errors += bucket.errors;
        for (const [identity, counter] of bucket.byIdentity) {
          const acc = identities.get(identity) ?? { requests: 0, errors: 0, samples: [] };
          acc.requests += counter.requests;
          acc.errors += counter.errors;
          acc.samples.push(counter.samples);
          identities.set(identity, acc);
        }
      }
      const [p50Ms = null, p95Ms = null] = percentiles(
        Array.from(buckets.values(), (bucket) => bucket.samples),
        PS,
      );
      const byIdentity: IdentityMetrics[] = Array.from(identities, ([identity, acc]) => {
        const [ip50 = null, ip95 = null] = percentiles(acc.samples, PS);
        return { identity, requests: acc.requests, errors: acc.errors, p50Ms: ip50, p95Ms: ip95 };
      }).sort((a, b) => b.requests - a.requests || a.identity.localeCompare(b.identity));
      return {
        windowMinutes: WINDOW_MINUTES,
        buckets: series,
        totals: { requests, errors, p50Ms, p95Ms },
        byIdentity,
        today,
      };
    },
  };
}
