// Bounded latency samples and lazy percentiles. Recording is O(1) on the request path; sorting happens
// only when a snapshot is taken (every couple of seconds at most).

/** Samples kept per bucket; beyond it the newest overwrite the oldest (percentiles lean to recent traffic). */
export const MAX_SAMPLES = 512;

export interface LatencySamples {
  add(ms: number): void;
  /** the kept samples, unordered */
  values(): readonly number[];
}

export function createLatencySamples(max: number = MAX_SAMPLES): LatencySamples {
  const kept: number[] = [];
  let next = 0;
  return {
    add(ms) {
      if (!Number.isFinite(ms)) return;
      if (kept.length < max) {
        kept.push(ms);
        return;
      }
      kept[next] = ms;
      next = (next + 1) % max;
    },
    values: () => kept,
  };
}

/** Nearest-rank percentiles of the union of several sample sets; null when there is no sample. */
export function percentiles(sets: Iterable<LatencySamples>, ps: readonly number[]): Array<number | null> {
  const all: number[] = [];
  for (const set of sets) for (const value of set.values()) all.push(value);
  if (all.length === 0) return ps.map(() => null);
  const sorted = Float64Array.from(all).sort();
  return ps.map((p) => {
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
    return round(sorted[rank - 1] ?? 0);
  });
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
