// What the bench prints on stdout: the table with a header and verdict, or (--json) everything as JSON.
// Progress and warnings go to stderr elsewhere, so `--json` output stays parseable.
import type { Plan } from './plan';
import type { BenchResults, MetricRow } from './report';
import { renderTable, verdict } from './report';

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
    const raw = { throughputRps: results.throughput, streamArrivalsMs: results.stream, cpuUsPerRequest: results.cpuUs };
    const report = { ...context, load: results.load, plan, ok, missed, metrics: rows, raw };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return ok;
  }
  const runKind = context.quick ? 'quick run' : 'full run';
  const load = `load ${results.load.before.toFixed(1)} at start`;
  const lines = [
    '',
    `Switchboard bench (${runKind}; node ${context.node}, ${context.cpus} CPUs, ${load}; medians of interleaved rounds)`,
    '',
    renderTable(rows),
    '',
  ];
  // the bench itself keeps about two processes busy, so only the load it found on arrival says something
  if (results.load.before >= context.cpus) {
    lines.push(`Note: the machine was already busy (1-min load ${results.load.before.toFixed(1)} on ${context.cpus} CPUs): latency and throughput suffer most; "vs floor" and CPU per request less so.`);
  }
  lines.push(ok ? 'All budgets met.' : `Budgets missed: ${missed.join('; ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return ok;
}
