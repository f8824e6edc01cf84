// Sequential latency: one request at a time, targets interleaved in small rounds (order rotating each
// round) so a burst of machine noise lands on all of them alike rather than on whoever ran at that moment.
import type { Target, TargetName } from './http-client';
import { timedChat } from './http-client';
import { rotated } from './stats';

export interface LatencyPlan {
  requests: number;
  roundSize: number;
}

/** samples per target measured in that phase (a target not in the phase has none) */
export type SamplesByTarget = Partial<Record<TargetName, number[]>>;

/** the request body each target gets in a phase (same size; the model differs for the translated target) */
export type BodyOf = (target: Target) => Buffer;

/** JIT, sockets and caches warm in every process before anything counts */
export async function warmUp(targets: Target[], bodyOf: BodyOf, requests: number): Promise<void> {
  for (const target of targets) {
    for (let i = 0; i < requests; i++) await timedChat(target, bodyOf(target));
  }
  globalThis.gc?.();
}

export async function measureLatency(targets: Target[], bodyOf: BodyOf, plan: LatencyPlan): Promise<SamplesByTarget> {
  const samples: SamplesByTarget = {};
  for (const target of targets) samples[target.name] = [];
  const rounds = Math.ceil(plan.requests / plan.roundSize);
  for (let round = 0; round < rounds; round++) {
    const size = Math.min(plan.roundSize, plan.requests - round * plan.roundSize);
    for (const target of rotated(targets, round)) {
      const into = samples[target.name]!;
      const body = bodyOf(target);
      for (let i = 0; i < size; i++) into.push(await timedChat(target, body));
    }
  }
  return samples;
}
