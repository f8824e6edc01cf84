// Sequential latency: one request at a time, targets interleaved in small rounds (order rotating each
// round) so a burst of machine noise lands on all three alike rather than on whoever ran at that moment.
import type { Target, TargetName } from './http-client';
import { timedChat } from './http-client';
import { rotated } from './stats';

export interface LatencyPlan {
  requests: number;
  roundSize: number;
}

export type SamplesByTarget = Record<TargetName, number[]>;

export function emptySamples(): SamplesByTarget {
  return { direct: [], bare: [], switchboard: [] };
}

/** JIT, sockets and caches warm in every process before anything counts */
export async function warmUp(targets: Target[], body: Buffer, expectedBytes: number, requests: number): Promise<void> {
  for (const target of targets) {
    for (let i = 0; i < requests; i++) await timedChat(target, body, expectedBytes);
  }
  globalThis.gc?.();
}

export async function measureLatency(
  targets: Target[],
  body: Buffer,
  expectedBytes: number,
  plan: LatencyPlan,
): Promise<SamplesByTarget> {
  const samples = emptySamples();
  const rounds = Math.ceil(plan.requests / plan.roundSize);
  for (let round = 0; round < rounds; round++) {
    const size = Math.min(plan.roundSize, plan.requests - round * plan.roundSize);
    for (const target of rotated(targets, round)) {
      const into = samples[target.name];
      for (let i = 0; i < size; i++) into.push(await timedChat(target, body, expectedBytes));
    }
  }
  return samples;
}
