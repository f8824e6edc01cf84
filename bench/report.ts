// Results -> rows with budgets (issue 14) -> a text table or JSON. Every latency figure is compared with
// "direct" from the same run, and every budget is a ratio against the bare node:http pass-through proxy
// measured in the same run (the floor for any Node gateway), so "vs floor" says how much of Switchboard's
// cost is ours rather than Node's. The few absolute budgets (memory, event-loop delay, translated added
// latency) are the issue's own.
import type { CpuSnapshot } from './cpu-meter';
import type { SamplesByTarget } from './latency';
import type { MemoryFigures, PhaseResults } from './phases';
import type { EldFigures } from './probe-protocol';
import type { ReplayResult, StageResult } from './stages';
import type { EventArrivals } from './streaming';
import { mean, median, p95 } from './stats';

export interface BenchResults extends PhaseResults {
  /** VmHWM after all the load */
  rssMb: { bare: number | null; switchboard: number | null };
  /** 1-minute load average when the run began and ended */
  load: { before: number; after: number };
  /** Switchboard after start-up, before any request */
  idle: MemoryFigures | null;
  idleSettleMs: number;
  /** start-up with the seeded request log: ms to listening, event-loop delay meanwhile */
  start: { ms: number; records: number; eld: EldFigures | null } | null;
  stages: StageResult[] | null;
  /** the start-up replay of the request log, in-process */
  replay: ReplayResult | null;
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
  /** Switchboard against the floor: added / bare added (latency), switchboard / bare (throughput, CPU) */
  vsFloor: number | null;
  budget: string | null;
  pass: boolean | null;
  /** shown in the budget column of a row without a budget */
  note?: string;
}

const LATENCY_VS_FLOOR = 1.3;
const CPU_VS_FLOOR = 1.5;
const THROUGHPUT_SHARE = 0.75;
const FIRST_EVENT_SLACK_MS = 0.3;
const RSS_BUDGET_MB = 150;
const IDLE_RSS_BUDGET_MB = 70;
const ELD_P99_BUDGET_MS = 20;
const TRANSLATED_ADDED_MS = 1;

function row(partial: Partial<MetricRow> & Pick<MetricRow, 'id' | 'label' | 'unit'>): MetricRow {
  return { direct: null, bare: null, switchboard: null, bareAdded: null, added: null, vsFloor: null, budget: null, pass: null, ...partial };
}

function latencyRow(id: string, label: string, values: [number | null, number | null, number | null], budgeted: boolean): MetricRow {
  const [direct, bare, switchboard] = values;
  const diff = (v: number | null) => (v === null || direct === null ? null : v - direct);
  const bareAdded = diff(bare);
  const added = diff(switchboard);
  const vsFloor = added !== null && bareAdded !== null && bareAdded > 0 ? added / bareAdded : null;
  return row({
    id, label, unit: 'ms', direct, bare, switchboard, bareAdded, added, vsFloor,
    budget: budgeted ? `added ≤ ${LATENCY_VS_FLOOR}× floor's` : null,
    pass: budgeted ? (vsFloor === null ? null : vsFloor <= LATENCY_VS_FLOOR) : null,
  });
}

const pick = (samples: SamplesByTarget, f: (s: number[]) => number) =>
  [samples.direct ? f(samples.direct) : null, samples.bare ? f(samples.bare) : null, samples.switchboard ? f(samples.switchboard) : null] as [number | null, number | null, number | null];

function latencyRows(size: string, samples: SamplesByTarget): MetricRow[] {
  const slug = size.replace(/\s+/g, '').toLowerCase();
  return [
    latencyRow(`latency_${slug}_median`, `${size} added p50`, pick(samples, median), true),
    latencyRow(`latency_${slug}_p95`, `${size} added p95`, pick(samples, p95), false),
  ];
}

/** translated and binary-mode 1 KB requests, against direct from their own stretch */
function extraLatencyRows(samples: SamplesByTarget): MetricRow[] {
  const direct = samples.direct ? median(samples.direct) : null;
  const rows: MetricRow[] = [];
  if (samples.translated && direct !== null) {
    const value = median(samples.translated);
    rows.push(row({
      id: 'latency_translated_1kb_median', label: 'translated 1 KB added p50 (OpenAI → Anthropic)', unit: 'ms',
      direct, switchboard: value, added: value - direct, budget: `added ≤ ${TRANSLATED_ADDED_MS} ms`, pass: value - direct <= TRANSLATED_ADDED_MS,
    }));
  }
  if (samples.binary && direct !== null) {
    const value = median(samples.binary);
    rows.push(row({ id: 'latency_binary_1kb_median', label: 'binary mode 1 KB added p50 (fake LiteLLM)', unit: 'ms', direct, switchboard: value, added: value - direct }));
  }
  return rows;
}

function streamRows(arrivals: EventArrivals): MetricRow[] {
  const later = (times: number[]) => mean(times.slice(1));
  const first = latencyRow('stream_first_event', 'stream, first event delay', [arrivals.direct[0]!, arrivals.bare[0]!, arrivals.switchboard[0]!], false);
  first.budget = `≤ floor + ${FIRST_EVENT_SLACK_MS} ms`;
  first.pass = first.added === null || first.bareAdded === null ? null : first.added <= first.bareAdded + FIRST_EVENT_SLACK_MS;
  const mid = latencyRow('stream_later_events', 'stream, later events (mean)', [later(arrivals.direct), later(arrivals.bare), later(arrivals.switchboard)], false);
  // the one later event that fared worst, as added over direct: a single stalled write shows here
  const worstAdded = (times: number[]) => Math.max(...times.slice(1).map((t, i) => t - arrivals.direct[i + 1]!));
  const worstRow = row({ id: 'stream_later_worst', label: 'stream, worst later event', unit: 'ms', bareAdded: worstAdded(arrivals.bare), added: worstAdded(arrivals.switchboard) });
  return [first, mid, worstRow];
}

function cpuRow(id: string, label: string, cpu: CpuSnapshot, budgeted: boolean): MetricRow {
  const bare = cpu.bare ?? null;
  const switchboard = cpu.switchboard ?? null;
  const vsFloor = bare && switchboard !== null ? switchboard / bare : null;
  return row({
    id, label, unit: 'µs', bare, switchboard, vsFloor,
    budget: budgeted ? `≤ ${CPU_VS_FLOOR}× floor` : null,
    pass: budgeted && vsFloor !== null ? vsFloor <= CPU_VS_FLOOR : null,
  });
}

function memoryRows(id: string, when: string, memory: MemoryFigures, budgetMb: number | null): MetricRow[] {
  return [
    row({
      id: `rss_${id}`, label: `RSS, ${when}`, unit: 'MB', switchboard: memory.rssMb,
      budget: budgetMb === null ? null : `≤ ${budgetMb} MB`, pass: budgetMb === null ? null : memory.rssMb <= budgetMb,
    }),
    row({ id: `heap_${id}`, label: `heap used, ${when}`, unit: 'MB', switchboard: memory.heapUsedMb, note: `heap total ${memory.heapTotalMb.toFixed(0)} MB, external ${memory.externalMb.toFixed(0)} MB` }),
  ];
}

function eldRow(id: string, label: string, eld: EldFigures | null, budgetMs: number | null): MetricRow {
  const value = eld?.p99 ?? null;
  return row({
    id, label, unit: 'ms', switchboard: value,
    budget: budgetMs === null ? null : `≤ ${budgetMs} ms`,
    ...(eld ? { note: `max ${eld.max.toFixed(1)} ms` } : {}),
    pass: budgetMs === null || value === null ? null : value <= budgetMs,
  });
}

export function buildRows(results: BenchResults, concurrency: number): MetricRow[] {
  const rows: MetricRow[] = [];
  if (results.latency) {
    rows.push(...latencyRows('1 KB', results.latency.small), ...latencyRows('100 KB', results.latency.large));
    if (results.latency.extra) rows.push(...extraLatencyRows(results.latency.extra));
  }
  if (results.throughput) {
    const [direct, bare, switchboard] = pick(results.throughput, median);
    const share = switchboard !== null && bare ? switchboard / bare : null;
    rows.push(row({
      id: `throughput_c${concurrency}`, label: `throughput @${concurrency} concurrent, 0 errors`, unit: 'req/s',
      direct, bare, switchboard, vsFloor: share,
      budget: `≥ ${THROUGHPUT_SHARE * 100}% of floor`, pass: share === null ? null : share >= THROUGHPUT_SHARE,
    }));
  }
  const extraRps = results.throughputExtra;
  if (extraRps?.translated) rows.push(row({ id: `throughput_translated_c${concurrency}`, label: `translated throughput @${concurrency}`, unit: 'req/s', switchboard: median(extraRps.translated) }));
  if (extraRps?.binary) rows.push(row({ id: `throughput_binary_c${concurrency}`, label: `binary mode throughput @${concurrency}`, unit: 'req/s', switchboard: median(extraRps.binary) }));
  if (results.stream) rows.push(...streamRows(results.stream));
  const { small, large, throughput, extra } = results.cpuUs;
  if (small) rows.push(cpuRow('cpu_1kb', 'CPU per 1 KB request', small, true));
  if (large) rows.push(cpuRow('cpu_100kb', 'CPU per 100 KB request', large, true));
  if (throughput) rows.push(cpuRow(`cpu_c${concurrency}`, `CPU per request @${concurrency}`, throughput, true));
  if (extra?.switchboard != null) rows.push(row({ id: 'cpu_translated', label: 'CPU per translated 1 KB request', unit: 'µs', switchboard: extra.switchboard }));
  if (extra?.binary != null) rows.push(row({ id: 'cpu_binary', label: 'CPU per binary-mode request (gateway only)', unit: 'µs', switchboard: extra.binary }));
  if (results.eld.concurrent) rows.push(eldRow('eld_p99_concurrent', `event-loop delay p99 @${concurrency}`, results.eld.concurrent, ELD_P99_BUDGET_MS));
  if (results.start) {
    rows.push(eldRow('eld_p99_start', `event-loop delay p99, process start (modules, ${results.start.records}-record log)`, results.start.eld, null));
    rows.push(row({ id: 'start_ms', label: 'start to listening', unit: 'ms', switchboard: results.start.ms }));
  }
  if (results.replay) {
    const r = results.replay;
    rows.push(row({
      id: 'eld_p99_replay', label: `event-loop delay p99, replaying ${r.records} logged`, unit: 'ms', switchboard: r.eldP99Ms,
      note: `max ${r.eldMaxMs.toFixed(1)} ms; replay took ${r.ms.toFixed(0)} ms`,
    }));
  }
  if (results.eld.soak) rows.push(eldRow('eld_p99_soak', 'event-loop delay p99, soak', results.eld.soak, null));
  if (results.idle) rows.push(...memoryRows('idle', `idle, ${Math.round(results.idleSettleMs / 1000)} s after start`, results.idle, IDLE_RSS_BUDGET_MB));
  if (results.memory.end) rows.push(...memoryRows('end', 'end of bench', results.memory.end, RSS_BUDGET_MB));
  if (results.memory.soak && results.soak) rows.push(...memoryRows('soak', `after ${results.soak.requests} soak`, results.memory.soak, RSS_BUDGET_MB));
  const { bare, switchboard } = results.rssMb;
  rows.push(row({ id: 'peak_rss', label: 'peak RSS (VmHWM)', unit: 'MB', bare, switchboard, vsFloor: bare && switchboard ? switchboard / bare : null }));
  return rows;
}

const fixed = (value: number | null, digits: number) => (value === null || Number.isNaN(value) ? '—' : value.toFixed(digits));
const signed = (value: number | null, digits: number) => (value === null ? '—' : `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`);

function cells(r: MetricRow): string[] {
  const digits = r.unit === 'ms' ? 3 : r.unit === 'MB' ? 1 : 0;
  const unit = ` ${r.unit}`;
  const value = (v: number | null) => (v === null ? '—' : `${fixed(v, digits)}${unit}`);
  const bare = r.bare === null ? (r.bareAdded === null ? '—' : `${signed(r.bareAdded, digits)}${unit}`)
    : r.bareAdded === null ? value(r.bare) : `${value(r.bare)} (${signed(r.bareAdded, digits)})`;
  let vsFloor = '—';
  if (r.vsFloor !== null) vsFloor = r.unit === 'req/s' ? `${(r.vsFloor * 100).toFixed(0)}% of floor` : `${r.vsFloor.toFixed(2)}× floor`;
  const result = r.pass === null ? '' : r.pass ? 'pass' : 'FAIL';
  const budget = r.budget ?? (r.note ? `(${r.note})` : '—');
  return [r.label, value(r.direct), bare, value(r.switchboard), r.added === null ? '—' : `${signed(r.added, digits)}${unit}`, vsFloor, budget, result];
}

export function renderTable(rows: MetricRow[]): string {
  const header = ['metric', 'direct', 'bare floor (added)', 'Switchboard', 'added vs direct', 'vs floor', 'budget', 'result'];
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function renderStages(stages: StageResult[]): string {
  const width = Math.max(...stages.map((s) => s.label.length));
  return stages.map((s) => `  ${s.label.padEnd(width)}  ${s.us.toFixed(2).padStart(8)} µs${s.note ? `   ${s.note}` : ''}`).join('\n');
}

export function verdict(rows: MetricRow[]): { missed: string[]; ok: boolean } {
  const missed = rows.filter((r) => r.pass === false).map((r) => r.label);
  return { missed, ok: missed.length === 0 };
}
