// Results -> rows with budgets (issue 2, item 10) -> a text table or JSON. Every latency figure is
// compared with "direct" from the same run; the bare pass-through proxy is the floor for any Node
// gateway, so "vs floor" says how much of Switchboard's cost is ours rather than Node's.
import type { CpuSnapshot } from './cpu-meter';
import type { SamplesByTarget } from './latency';
import type { PhaseResults } from './phases';
import type { EventArrivals } from './streaming';
import { mean, median, p95 } from './stats';

export interface BenchResults extends PhaseResults {
  rssMb: { bare: number | null; switchboard: number | null };
  /** 1-minute load average when the run began and ended */
  load: { before: number; after: number };
}

export interface MetricRow {
  id: string;
  label: string;
  unit: 'ms' | 'req/s' | 'MB' | 'µs';
  direct: number | null;
  bare: number | null;
  switchboard: number | null;
  /** bare - direct */
  bareAdded: number | null;
  /** switchboard - direct: what the budgets are about */
  added: number | null;
  /** Switchboard against the floor: added / bare added (latency), switchboard / bare (throughput, RSS) */
  vsFloor: number | null;
  budget: string | null;
  pass: boolean | null;
}

interface Budget {
  text: string;
  pass: (row: MetricRow) => boolean | null;
}

const addedUnder = (ms: number): Budget => ({
  text: `added < ${ms} ms`,
  pass: (row) => (row.added === null ? null : row.added < ms),
});

function latencyRow(id: string, label: string, values: [number | null, number | null, number | null], budget: Budget | null): MetricRow {
  const [direct, bare, switchboard] = values;
  const diff = (v: number | null) => (v === null || direct === null ? null : v - direct);
  const bareAdded = diff(bare);
  const added = diff(switchboard);
  const row: MetricRow = {
    id, label, unit: 'ms', direct, bare, switchboard, bareAdded, added,
    vsFloor: added !== null && bareAdded !== null && bareAdded > 0 ? added / bareAdded : null,
    budget: budget?.text ?? null,
    pass: null,
  };
  row.pass = budget ? budget.pass(row) : null;
  return row;
}

function latencyRows(size: string, samples: SamplesByTarget, budgetMs: number): MetricRow[] {
  const of = (f: (s: number[]) => number) => [f(samples.direct), f(samples.bare), f(samples.switchboard)] as [number, number, number];
  const slug = size.replace(/\s+/g, '').toLowerCase();
  return [
    latencyRow(`latency_${slug}_median`, `${size} chat, median`, of(median), addedUnder(budgetMs)),
    latencyRow(`latency_${slug}_p95`, `${size} chat, p95`, of(p95), null),
  ];
}

function streamRows(arrivals: EventArrivals): MetricRow[] {
  const later = (times: number[]) => mean(times.slice(1));
  const first = latencyRow('stream_first_event', 'stream, first event', [arrivals.direct[0]!, arrivals.bare[0]!, arrivals.switchboard[0]!], addedUnder(1));
  const mid = latencyRow('stream_later_events', 'stream, later events (mean)', [later(arrivals.direct), later(arrivals.bare), later(arrivals.switchboard)], addedUnder(1));
  // the one later event that fared worst, as added over direct: a single stalled write shows here
  const worstAdded = (times: number[]) => Math.max(...times.slice(1).map((t, i) => t - arrivals.direct[i + 1]!));
  const worstRow: MetricRow = {
    id: 'stream_later_worst', label: 'stream, worst later event', unit: 'ms', direct: null, bare: null, switchboard: null,
    bareAdded: worstAdded(arrivals.bare), added: worstAdded(arrivals.switchboard), vsFloor: null, budget: null, pass: null,
  };
  return [first, mid, worstRow];
}

export function buildRows(results: BenchResults, concurrency: number): MetricRow[] {
  const rows: MetricRow[] = [];
  if (results.latency) {
    rows.push(...latencyRows('1 KB', results.latency.small, 0.5), ...latencyRows('100 KB', results.latency.large, 1.5));
  }
  if (results.throughput) {
    const [direct, bare, switchboard] = [median(results.throughput.direct), median(results.throughput.bare), median(results.throughput.switchboard)];
    const share = switchboard / bare;
    rows.push({
      id: `throughput_c${concurrency}`, label: `throughput @${concurrency} concurrent`, unit: 'req/s',
      direct, bare, switchboard, bareAdded: null, added: null, vsFloor: share,
      budget: '>= 75% of bare', pass: share >= 0.75,
    });
  }
  if (results.stream) rows.push(...streamRows(results.stream));
  const { small, large, throughput } = results.cpuUs;
  if (small) rows.push(cpuRow('cpu_1kb', 'CPU per 1 KB request', small));
  if (large) rows.push(cpuRow('cpu_100kb', 'CPU per 100 KB request', large));
  if (throughput) rows.push(cpuRow(`cpu_c${concurrency}`, `CPU per request @${concurrency}`, throughput));
  const { bare, switchboard } = results.rssMb;
  rows.push({
    id: 'peak_rss', label: 'peak RSS after load', unit: 'MB', direct: null, bare, switchboard, bareAdded: null, added: null,
    vsFloor: bare && switchboard ? switchboard / bare : null,
    budget: '< 150 MB', pass: switchboard === null ? null : switchboard < 150,
  });
  return rows;
}

/** Not budgeted: where latency and throughput go, in a figure that moves less with machine load. */
function cpuRow(id: string, label: string, cpu: CpuSnapshot): MetricRow {
  return {
    id, label, unit: 'µs', direct: null, bare: cpu.bare, switchboard: cpu.switchboard, bareAdded: null, added: null,
    vsFloor: cpu.bare && cpu.switchboard !== null ? cpu.switchboard / cpu.bare : null, budget: null, pass: null,
  };
}

const fixed = (value: number | null, digits: number) => (value === null || Number.isNaN(value) ? '—' : value.toFixed(digits));
const signed = (value: number | null, digits: number) => (value === null ? '—' : `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`);

function cells(row: MetricRow): string[] {
  const digits = row.unit === 'ms' ? 3 : 0;
  const unit = ` ${row.unit}`;
  const value = (v: number | null) => (v === null ? '—' : `${fixed(v, digits)}${unit}`);
  const bare = row.bare === null ? (row.bareAdded === null ? '—' : `${signed(row.bareAdded, digits)}${unit}`)
    : row.bareAdded === null ? value(row.bare) : `${value(row.bare)} (${signed(row.bareAdded, digits)})`;
  let vsFloor = '—';
  if (row.vsFloor !== null) vsFloor = row.unit === 'req/s' ? `${(row.vsFloor * 100).toFixed(0)}% of bare` : `${row.vsFloor.toFixed(2)}× bare`;
  const result = row.pass === null ? '' : row.pass ? 'pass' : 'FAIL';
  return [row.label, value(row.direct), bare, value(row.switchboard), row.added === null ? '—' : `${signed(row.added, digits)}${unit}`, vsFloor, row.budget ?? '—', result];
}

export function renderTable(rows: MetricRow[]): string {
  const header = ['metric', 'direct', 'bare floor (added)', 'Switchboard', 'added vs direct', 'vs floor', 'budget', 'result'];
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function verdict(rows: MetricRow[]): { missed: string[]; ok: boolean } {
  const missed = rows.filter((r) => r.pass === false).map((r) => r.label);
  return { missed, ok: missed.length === 0 };
}
