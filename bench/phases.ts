// The measuring itself, phase by phase, against ready targets. CPU snapshots of the proxy processes
// bracket each measured (not warm-up) stretch, so CPU per request counts only counted work; the probe
// inside Switchboard opens an event-loop delay window around the stretches the budgets are about.
import type { CpuMeter, CpuSnapshot } from './cpu-meter';
import { perRequestUs } from './cpu-meter';
import type { Target, TargetName } from './http-client';
import { requestFor } from './http-client';
import type { SamplesByTarget } from './latency';
import { measureLatency, warmUp } from './latency';
import type { Phase, Plan } from './plan';
import type { Probe } from './probe-client';
import { mb } from './probe-client';
import type { EldFigures, ProbeAnswer } from './probe-protocol';
import type { EventArrivals } from './streaming';
import { measureStreams } from './streaming';
import { measureThroughput, saturate, warmUpConcurrent } from './throughput';

export interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** MB reserved per v8 heap space (new, old, code, large objects…) */
  spacesMb: Record<string, number>;
  /** file-backed part of the RSS (node binary, libraries); null where /proc is missing */
  rssFileMb: number | null;
}

export interface PhaseResults {
  latency: { small: SamplesByTarget; large: SamplesByTarget; extra: SamplesByTarget | null } | null;
  throughput: SamplesByTarget | null;
  /** translated and binary at the same concurrency (no budget) */
  throughputExtra: SamplesByTarget | null;
  stream: EventArrivals | null;
  /** µs of CPU per request in the bare proxy and in Switchboard */
  cpuUs: { small: CpuSnapshot | null; large: CpuSnapshot | null; throughput: CpuSnapshot | null; extra: CpuSnapshot | null };
  eld: { concurrent: EldFigures | null; soak: EldFigures | null };
  memory: { end: MemoryFigures | null; soak: MemoryFigures | null };
  soak: { requests: number; seconds: number } | null;
}

export interface PhaseTargets {
  direct: Target;
  bare: Target;
  switchboard: Target;
  translated: Target;
  /** null when the binary phase is off */
  binary: Target | null;
}

export function memoryFigures(answer: Pick<ProbeAnswer, 'memory' | 'spaces' | 'rssFile'>): MemoryFigures {
  const { memory, spaces } = answer;
  return {
    rssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed), heapTotalMb: mb(memory.heapTotal),
    externalMb: mb(memory.external), arrayBuffersMb: mb(memory.arrayBuffers),
    spacesMb: Object.fromEntries(Object.entries(spaces).map(([name, space]) => [name.replace(/_space$/, ''), mb(space.size)])),
    rssFileMb: answer.rssFile === null ? null : mb(answer.rssFile),
  };
}

const counts = (targets: Target[], n: number): Partial<Record<TargetName, number>> =>
  Object.fromEntries(targets.map((t) => [t.name, n]));

export async function runPhases(
  t: PhaseTargets,
  plan: Plan,
  phases: Set<Phase>,
  cpu: CpuMeter,
  probe: Probe,
  say: (line: string) => void,
): Promise<PhaseResults> {
  const results: PhaseResults = {
    latency: null, throughput: null, throughputExtra: null, stream: null,
    cpuUs: { small: null, large: null, throughput: null, extra: null },
    eld: { concurrent: null, soak: null }, memory: { end: null, soak: null }, soak: null,
  };
  const main = [t.direct, t.bare, t.switchboard];
  // translated and binary are compared with direct in a stretch of their own, so Switchboard's CPU in
  // the main stretch counts same-dialect requests only
  const extra = [t.direct, t.translated, ...(t.binary ? [t.binary] : [])];
  const small = (target: Target) => requestFor(target, plan.smallBytes, false);
  const large = (target: Target) => requestFor(target, plan.largeBytes, false);
  const cpuCounts = (n: Partial<Record<TargetName, number>>) => ({
    bare: n.bare ?? 0, switchboard: (n.switchboard ?? 0) + (n.translated ?? 0), binary: n.binary ?? 0,
  });

  if (phases.has('latency')) {
    const { latencyRequests: n, latencyRoundSize: roundSize } = plan;
    say(`bench: sequential latency, ${n.small} × 1 KB and ${n.large} × 100 KB requests per target…`);
    await warmUp(main, small, plan.latencyWarmup);
    let before = await cpu.snapshot();
    const smallSamples = await measureLatency(main, small, { requests: n.small, roundSize });
    results.cpuUs.small = perRequestUs(before, await cpu.snapshot(), cpuCounts(counts(main, n.small)));
    await warmUp(main, large, plan.latencyWarmup);
    before = await cpu.snapshot();
    const largeSamples = await measureLatency(main, large, { requests: n.large, roundSize });
    results.cpuUs.large = perRequestUs(before, await cpu.snapshot(), cpuCounts(counts(main, n.large)));
    say(`bench: sequential latency of translated${t.binary ? ' and binary-mode' : ''} 1 KB requests, ${n.small} per target…`);
    await warmUp(extra, small, plan.latencyWarmup);
    before = await cpu.snapshot();
    const extraSamples = await measureLatency(extra, small, { requests: n.small, roundSize });
    results.cpuUs.extra = perRequestUs(before, await cpu.snapshot(), cpuCounts(counts(extra.slice(1), n.small)));
    results.latency = { small: smallSamples, large: largeSamples, extra: extraSamples };
  }

  if (phases.has('throughput')) {
    say(`bench: throughput, ${plan.concurrency} concurrent, ${plan.throughputRounds} rounds × ${plan.throughputRoundMs} ms per target…`);
    await warmUpConcurrent(main, small, plan.concurrency, plan.throughputWarmupMs);
    const before = await cpu.snapshot();
    const measured = await measureThroughput(main, small, {
      concurrency: plan.concurrency, rounds: plan.throughputRounds, roundMs: plan.throughputRoundMs,
    });
    results.cpuUs.throughput = perRequestUs(before, await cpu.snapshot(), cpuCounts(measured.completed));
    results.throughput = measured.rps;
    const others = extra.slice(1);
    await warmUpConcurrent(others, small, plan.concurrency, plan.throughputWarmupMs);
    results.throughputExtra = (await measureThroughput(others, small, {
      concurrency: plan.concurrency, rounds: Math.max(1, plan.throughputRounds / 2), roundMs: plan.throughputRoundMs,
    })).rps;

    say(`bench: event-loop delay at ${plan.concurrency} concurrent, ${plan.eldRounds} × ${plan.eldRoundMs} ms…`);
    await probe.ask('start');
    for (let i = 0; i < plan.eldRounds; i++) await saturate(t.switchboard, small(t.switchboard), plan.concurrency, plan.eldRoundMs);
    results.eld.concurrent = (await probe.ask('stop')).eld;
  }

  if (phases.has('stream')) {
    say(`bench: streaming, ${plan.streamRequests} streams of ${plan.streamEvents} events ${plan.streamGapMs} ms apart per target…`);
    results.stream = await measureStreams(main, requestFor(t.switchboard, plan.smallBytes, true), {
      requests: plan.streamRequests, warmup: plan.streamWarmup, roundSize: plan.streamRoundSize, events: plan.streamEvents,
    });
  }

  results.memory.end = memoryFigures(await probe.ask());

  if (phases.has('soak')) {
    say(`bench: soak, ${plan.soakRequests} × 1 KB requests at ${plan.concurrency} concurrent…`);
    await probe.ask('start');
    const soak = await saturate(t.switchboard, small(t.switchboard), plan.concurrency, Number.POSITIVE_INFINITY, plan.soakRequests);
    const answer = await probe.ask('stop');
    results.eld.soak = answer.eld;
    results.memory.soak = memoryFigures(answer);
    results.soak = { requests: soak.completed, seconds: soak.completed / soak.rps };
  }
  return results;
}
