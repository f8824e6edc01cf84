// The measuring itself, phase by phase, against three ready targets. CPU snapshots of the two proxy
// processes bracket each measured (not warm-up) stretch, so CPU per request counts only counted work.
import type { CpuMeter, CpuSnapshot } from './cpu-meter';
import { perRequestUs } from './cpu-meter';
import type { Target } from './http-client';
import type { SamplesByTarget } from './latency';
import { measureLatency, warmUp } from './latency';
import { COMPLETION, chatRequest } from './payloads';
import type { Phase, Plan } from './plan';
import type { EventArrivals } from './streaming';
import { measureStreams } from './streaming';
import { measureThroughput, warmUpConcurrent } from './throughput';

export interface PhaseResults {
  latency: { small: SamplesByTarget; large: SamplesByTarget } | null;
  throughput: SamplesByTarget | null;
  stream: EventArrivals | null;
  /** µs of CPU per request in the bare proxy and in Switchboard */
  cpuUs: { small: CpuSnapshot | null; large: CpuSnapshot | null; throughput: CpuSnapshot | null };
}

export async function runPhases(
  targets: Target[],
  plan: Plan,
  phases: Set<Phase>,
  cpu: CpuMeter,
  say: (line: string) => void,
): Promise<PhaseResults> {
  const results: PhaseResults = { latency: null, throughput: null, stream: null, cpuUs: { small: null, large: null, throughput: null } };
  const small = chatRequest(plan.smallBytes, false);
  const expected = COMPLETION.length;

  if (phases.has('latency')) {
    const { latencyRequests: n, latencyRoundSize: roundSize } = plan;
    const large = chatRequest(plan.largeBytes, false);
    say(`bench: sequential latency, ${n.small} × 1 KB and ${n.large} × 100 KB requests per target…`);
    await warmUp(targets, small, expected, plan.latencyWarmup);
    let before = await cpu.snapshot();
    const smallSamples = await measureLatency(targets, small, expected, { requests: n.small, roundSize });
    results.cpuUs.small = perRequestUs(before, await cpu.snapshot(), { bare: n.small, switchboard: n.small });
    await warmUp(targets, large, expected, plan.latencyWarmup);
    before = await cpu.snapshot();
    const largeSamples = await measureLatency(targets, large, expected, { requests: n.large, roundSize });
    results.cpuUs.large = perRequestUs(before, await cpu.snapshot(), { bare: n.large, switchboard: n.large });
    results.latency = { small: smallSamples, large: largeSamples };
  }

  if (phases.has('throughput')) {
    say(`bench: throughput, ${plan.concurrency} concurrent, ${plan.throughputRounds} rounds × ${plan.throughputRoundMs} ms per target…`);
    await warmUpConcurrent(targets, small, expected, plan.concurrency, plan.throughputWarmupMs);
    const before = await cpu.snapshot();
    const measured = await measureThroughput(targets, small, expected, {
      concurrency: plan.concurrency, rounds: plan.throughputRounds, roundMs: plan.throughputRoundMs,
    });
    results.cpuUs.throughput = perRequestUs(before, await cpu.snapshot(), measured.completed);
    results.throughput = measured.rps;
  }

  if (phases.has('stream')) {
    say(`bench: streaming, ${plan.streamRequests} streams of ${plan.streamEvents} events ${plan.streamGapMs} ms apart per target…`);
    results.stream = await measureStreams(targets, chatRequest(plan.smallBytes, true), {
      requests: plan.streamRequests, warmup: plan.streamWarmup, roundSize: plan.streamRoundSize, events: plan.streamEvents,
    });
  }
  return results;
}
