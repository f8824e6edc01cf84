// What the bench prints on stdout: the table with a header and verdict, or (--json) everything as JSON.
// Progress and warnings go to stderr elsewhere, so `--json` output stays parseable.
import type { Plan } from './plan';
import type { MemoryFigures } from './phases';
import type { BenchResults, MetricRow } from './report';
import { renderStages, renderTable, verdict } from './report';

export interface RunContext {
  node: string;
  platform: string;
  cpus: number;
  quick: boolean;
}

/** the report as text or JSON; returns whether every budget was met */
export function printResults(rows: MetricRow[], results: BenchResults, context: RunContext, plan: Plan, json: boolean): boolean {
  const { missed, ok } = verdict(rows);
  if (json) {
    // raw: per-round throughput, per-event median arrivals and CPU per request, to look closer than the table
    const raw = {
      throughputRps: results.throughput, throughputExtraRps: results.throughputExtra, streamArrivalsMs: results.stream,
      cpuUsPerRequest: results.cpuUs, eventLoopDelayMs: { ...results.eld, start: results.start?.eld ?? null },
      memoryMb: { idle: results.idle, end: results.memory.end, soak: results.memory.soak }, stagesUs: results.stages,
    };
    const report = { ...context, load: results.load, plan, ok, missed, metrics: rows, raw };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return ok;
  }
  const runKind = context.quick ? 'quick run' : 'full run';
  const load = `load ${results.load.before.toFixed(1)} at start`;
  const lines = [
    '',
    `Switchboard bench (${runKind}; node ${context.node}, ${context.cpus} CPUs, ${load}; medians of interleaved rounds; budgets of issue 14)`,
    '',
    renderTable(rows),
    '',
  ];
  lines.push(...memoryBreakdown(results));
  if (results.stages) lines.push('Per-stage profile (µs per request, in-process; see bench/README.md):', renderStages(results.stages), '');
  // the bench itself keeps about two processes busy, so only the load it found on arrival says something
  if (results.load.before >= context.cpus) {
    lines.push(`Note: the machine was already busy (1-min load ${results.load.before.toFixed(1)} on ${context.cpus} CPUs): latency and throughput suffer most; "vs floor" and CPU per request less so.`);
  }
  lines.push(ok ? 'All budgets met.' : `Budgets missed: ${missed.join('; ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return ok;
}

/** What the resident set is made of at each memory reading: v8's spaces, external memory, and the rest. */
function memoryBreakdown(results: BenchResults): string[] {
  const readings: Array<[string, MemoryFigures | null]> = [['idle', results.idle], ['end of bench', results.memory.end], ['after soak', results.memory.soak]];
  const out: string[] = [];
  for (const [when, m] of readings) {
    if (!m) continue;
    const spaces = Object.entries(m.spacesMb).filter(([, size]) => size >= 0.5).map(([name, size]) => `${name} ${size.toFixed(1)}`).join(', ');
    const rest = m.rssMb - m.heapTotalMb - m.externalMb;
    const split = m.rssFileMb === null ? '(node binary and libraries, malloc, stacks)'
      : `(${m.rssFileMb.toFixed(1)} file-backed: node binary and libraries; ${(rest - m.rssFileMb).toFixed(1)} anonymous: malloc, thread stacks, JIT and v8 internals)`;
    out.push(`RSS ${when}: ${m.rssMb.toFixed(1)} MB = v8 heap ${m.heapTotalMb.toFixed(1)} (${spaces}) + external ${m.externalMb.toFixed(1)} + the rest ${rest.toFixed(1)} ${split}`);
  }
  if (out.length > 0) out.push('');
  return out;
}
