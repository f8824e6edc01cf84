// Throughput: `concurrency` requests in flight at all times for a fixed time per target, targets taking
// turns round by round (order rotating). One figure per round; the report uses their median.
import { performance } from 'node:perf_hooks';
import type { Target, TargetName } from './http-client';
import { timedChat } from './http-client';
import type { BodyOf, SamplesByTarget } from './latency';
import { rotated } from './stats';

export interface ThroughputPlan {
  concurrency: number;
  rounds: number;
  roundMs: number;
}

export interface ThroughputResult {
  /** req/s of each round */
  rps: SamplesByTarget;
  /** requests completed over all rounds (for CPU per request) */
  completed: Partial<Record<TargetName, number>>;
}

/**
 * `concurrency` workers each sending back-to-back until `durationMs` passed or `limit` requests were
 * sent: how many completed, at what rate. Any wrong answer rejects (so a finished run had 0 errors).
 */
export async function saturate(
  target: Target,
  body: Buffer,
  concurrency: number,
  durationMs: number,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ completed: number; rps: number }> {
  let completed = 0;
  let sent = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  const worker = async () => {
    while (performance.now() < deadline && sent < limit) {
      sent++;
      await timedChat(target, body);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { completed, rps: (completed * 1000) / (performance.now() - start) };
}

export async function warmUpConcurrent(targets: Target[], bodyOf: BodyOf, concurrency: number, durationMs: number): Promise<void> {
  for (const target of targets) await saturate(target, bodyOf(target), concurrency, durationMs);
}

export async function measureThroughput(targets: Target[], bodyOf: BodyOf, plan: ThroughputPlan): Promise<ThroughputResult> {
  const rps: SamplesByTarget = {};
  const completed: Partial<Record<TargetName, number>> = {};
  for (const target of targets) {
    rps[target.name] = [];
    completed[target.name] = 0;
  }
  for (let round = 0; round < plan.rounds; round++) {
    for (const target of rotated(targets, round)) {
      globalThis.gc?.();
      const result = await saturate(target, bodyOf(target), plan.concurrency, plan.roundMs);
      rps[target.name]!.push(result.rps);
      completed[target.name]! += result.completed;
    }
  }
  return { rps, completed };
}
