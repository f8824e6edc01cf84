// Streaming: the arrival time of every SSE event, per target, over many interleaved requests. For each
// event index the median arrival is taken per target, so "added to event i" compares like with like
// (the fake upstream's timer jitter falls on every path alike).
import type { Target, TargetName } from './http-client';
import { timedStream } from './http-client';
import { median, rotated } from './stats';

export interface StreamPlan {
  requests: number;
  warmup: number;
  roundSize: number;
  events: number;
}

/** per target: median arrival (ms after the request left) of each event index */
export type EventArrivals = Record<'direct' | 'bare' | 'switchboard', number[]>;

export async function measureStreams(targets: Target[], body: Buffer, plan: StreamPlan): Promise<EventArrivals> {
  for (const target of targets) {
    for (let i = 0; i < plan.warmup; i++) await timedStream(target, body, plan.events);
  }
  globalThis.gc?.();
  const runs: Partial<Record<TargetName, number[][]>> = { direct: [], bare: [], switchboard: [] };
  const rounds = Math.ceil(plan.requests / plan.roundSize);
  for (let round = 0; round < rounds; round++) {
    const size = Math.min(plan.roundSize, plan.requests - round * plan.roundSize);
    for (const target of rotated(targets, round)) {
      for (let i = 0; i < size; i++) runs[target.name]!.push(await timedStream(target, body, plan.events));
    }
  }
  const arrivals = (name: TargetName) =>
    Array.from({ length: plan.events }, (_, index) => median(runs[name]!.map((times) => times[index]!)));
  return { direct: arrivals('direct'), bare: arrivals('bare'), switchboard: arrivals('switchboard') };
}
