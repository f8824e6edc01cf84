// `npm run bench`: the performance budgets of issue 14, measured in one run. Starts a fake upstream, a
// bare node:http pass-through proxy, Switchboard (SDK mode, with a request log to replay at start) and a
// second Switchboard in binary mode (over the test fixtures' fake LiteLLM) as child processes; measures
// direct calls, calls through the proxy and through Switchboard from here (same dialect, translated,
// binary mode), reads event-loop delay and memory from a probe inside Switchboard, times each stage of
// the request path in-process, and prints one table.
// The same script is also each helper child: `bench.js --role upstream|bare ...`.
import { mkdtemp, readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBareProxy } from './bare-proxy';
import { cleanupOnSignals, createChildRegistry, peakRssMb, startRole } from './children';
import type { ChildRegistry } from './children';
import { runFakeUpstream } from './fake-upstream';
import { createCpuMeter } from './cpu-meter';
import { closeTargets, createTarget, requestFor, waitUntilServing } from './http-client';
import { seedHistory } from './history-seed';
import { BENCH_ANTHROPIC_MODEL, COMPLETION } from './payloads';
import { memoryFigures, runPhases } from './phases';
import type { PhaseResults, PhaseTargets } from './phases';
import { measureReplay, runStages } from './stages';
import type { ReplayResult, StageResult } from './stages';
import { BENCH_USAGE, parseBenchArgs } from './plan';
import type { BenchOptions } from './plan';
import { printResults } from './output';
import { buildRows } from './report';
import type { BenchResults } from './report';
import { exitWithParent } from './role-ipc';
import { runWatchdog } from './watchdog';
import { defaultCliPath, defaultLitellmPath, startSwitchboard } from './switchboard-process';

const say = (line: string) => process.stderr.write(`${line}\n`);

function runRole(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      role: { type: 'string' },
      events: { type: 'string' },
      'gap-ms': { type: 'string' },
      'upstream-port': { type: 'string' },
      pid: { type: 'string' },
      dir: { type: 'string' },
    },
  });
  if (values.role === 'watchdog') {
    runWatchdog({ pid: Number(values.pid), dir: values.dir ?? null });
    return;
  }
  exitWithParent();
  if (values.role === 'upstream') runFakeUpstream({ events: Number(values.events), gapMs: Number(values['gap-ms']) });
  else if (values.role === 'bare') runBareProxy({ upstreamPort: Number(values['upstream-port']) });
  else throw new Error(`unknown bench role ${values.role}`);
}

const BINARY_READY_MS = 30_000;

async function measure(options: BenchOptions, registry: ChildRegistry): Promise<BenchResults> {
  const { plan } = options;
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const upstream = await startRole(registry, 'upstream', ['--events', String(plan.streamEvents), '--gap-ms', String(plan.streamGapMs)]);
  const bare = await startRole(registry, 'bare', ['--upstream-port', String(upstream.port)]);
  const script = process.argv[1]!;
  const cliPath = options.cliPath ?? defaultCliPath(script);
  const probePath = join(dirname(resolve(script)), 'probe.js');
  const launch = async (mode: 'sdk' | 'binary', historyRecords: number) => {
    const dataDir = await mkdtemp(join(tmpdir(), `switchboard-bench-${mode}-`));
    registry.addDir(dataDir);
    // a full request log to replay at start: the event-loop delay while it loads is one of the figures
    if (historyRecords > 0) await seedHistory(dataDir, historyRecords, Date.now());
    const sb = await startSwitchboard(registry, {
      cliPath, probePath, mode, litellmCommand: mode === 'binary' ? defaultLitellmPath(script) : null,
      upstreamPort: upstream.port, dataDir, nodeArgs: mode === 'sdk' ? options.nodeArgs : [], env: process.env, say,
    });
    // stops Switchboard and removes its data dir even if this process is killed outright
    await startRole(registry, 'watchdog', ['--pid', String(sb.child.pid), '--dir', dataDir]);
    return sb;
  };
  const switchboard = await launch('sdk', plan.historyRecords);
  const startEld = (await switchboard.probe.ask('stop')).eld;
  await new Promise((r) => setTimeout(r, plan.idleSettleMs));
  const idle = memoryFigures(await switchboard.probe.ask());
  const binary = options.phases.has('binary') ? await launch('binary', 0) : null;
  say(`bench: upstream :${upstream.port}, bare proxy :${bare.port}, Switchboard ${switchboard.url} (pid ${switchboard.child.pid})${binary ? `, binary mode ${binary.url} (pid ${binary.child.pid})` : ''}`);

  const expected = COMPLETION.length;
  const targets: PhaseTargets = {
    direct: createTarget('direct', `http://127.0.0.1:${upstream.port}`, switchboard.key, plan.concurrency, { expectedBytes: expected }),
    bare: createTarget('bare', `http://127.0.0.1:${bare.port}`, switchboard.key, plan.concurrency, { expectedBytes: expected }),
    switchboard: createTarget('switchboard', switchboard.url, switchboard.key, plan.concurrency, { expectedBytes: expected }),
    translated: createTarget('translated', switchboard.url, switchboard.key, plan.concurrency, { model: BENCH_ANTHROPIC_MODEL, expectedBytes: null }),
    binary: binary ? createTarget('binary', binary.url, binary.key, plan.concurrency, { expectedBytes: null }) : null,
  };
  const all = [targets.direct, targets.bare, targets.switchboard, targets.translated, ...(targets.binary ? [targets.binary] : [])];
  if (targets.binary) await waitUntilServing(targets.binary, requestFor(targets.binary, plan.smallBytes, false), BINARY_READY_MS);
  const readText = (file: string) => readFile(file, 'utf8');
  const cpu = createCpuMeter({ bare: bare.child.pid, switchboard: switchboard.child.pid, binary: binary?.child.pid }, readText);
  let phases: PhaseResults;
  try {
    phases = await runPhases(targets, plan, options.phases, cpu, switchboard.probe, say);
  } finally {
    await closeTargets(all);
  }
  const rssMb = { bare: await peakRssMb(bare.child.pid, readText), switchboard: await peakRssMb(switchboard.child.pid, readText) };
  let stages: StageResult[] | null = null;
  let replay: ReplayResult | null = null;
  if (options.phases.has('stages')) {
    say(`bench: per-stage profile, ${plan.stageIterations} iterations per stage; replay of a ${plan.historyRecords}-record log…`);
    stages = await runStages(plan.stageIterations, upstream.port);
    replay = await measureReplay(plan.historyRecords);
  }
  say(`bench: measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    ...phases, rssMb, load: { before: loadBefore, after: loadavg()[0] ?? 0 }, idle, idleSettleMs: plan.idleSettleMs,
    start: { ms: switchboard.startMs, records: plan.historyRecords, eld: startEld }, stages, replay,
  };
}

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    say(`bench: ${(error as Error).message}\n${BENCH_USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const registry = createChildRegistry();
  cleanupOnSignals(registry, say);
  let results: BenchResults;
  try {
    results = await measure(options, registry);
  } finally {
    await registry.cleanup();
  }
  const rows = buildRows(results, options.plan.concurrency);
  const context = { node: process.version, platform: `${process.platform}/${process.arch}`, cpus: cpus().length, quick: options.quick };
  const ok = printResults(rows, results, context, options.plan, options.json);
  return options.strict && !ok ? 1 : 0;
}

if (process.argv.includes('--role')) {
  runRole(process.argv.slice(2));
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      say(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
