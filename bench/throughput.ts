// Throughput: `concurrency` requests in flight at all times for a fixed time per target, targets taking
// turns round by round (order rotating). One figure per round; the report uses their median.
import { performance } from 'node:perf_hooks';
import type { Target, TargetName } from './http-client';
import { timedChat } from './http-client';
import type { SamplesByTarget } from './latency';
import { emptySamples } from './latency';
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
  completed: Record<TargetName, number>;
}

/** `concurrency` workers each sending back-to-back for `durationMs`: how many completed, at what rate */
export async function saturate(
  target: Target,
  body: Buffer,
  expectedBytes: number,
  concurrency: number,
  durationMs: number,
): Promise<{ completed: number; rps: number }> {
  let completed = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      await timedChat(target, body, expectedBytes);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { completed, rps: (completed * 1000) / (performance.now() - start) };
}

export async function warmUpConcurrent(targets: Target[], body: Buffer, expectedBytes: number, concurrency: number, durationMs: number): Promise<void> {
  for (const target of targets) await saturate(target, body, expectedBytes, concurrency, durationMs);
}

export async function measureThroughput(targets: Target[], body: Buffer, expectedBytes: number, plan: ThroughputPlan): Promise<ThroughputResult> {
  const rps = emptySamples();
  const completed: Record<TargetName, number> = { direct: 0, bare: 0, switchboard: 0 };
  for (let round = 0; round < plan.rounds; round++) {
    for (const target of rotated(targets, round)) {
      globalThis.gc?.();
      const result = await saturate(target, body, expectedBytes, plan.concurrency, plan.roundMs);
      rps[target.name].push(result.rps);
      completed[target.name] += result.completed;
    }
  }
  return { rps, completed };
}
