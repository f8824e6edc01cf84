// `npm run bench`: the performance budget of issue 2 (item 10), measured in one run. Starts a fake
// upstream, a bare node:http pass-through proxy and Switchboard as child processes, measures direct
// calls, calls through the proxy and calls through Switchboard from here, and prints one table.
// The same script is also each helper child: `bench.js --role upstream|bare ...`.
import { mkdtemp, readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBareProxy } from './bare-proxy';
import { cleanupOnSignals, createChildRegistry, peakRssMb, startRole } from './children';
import type { ChildRegistry } from './children';
import { runFakeUpstream } from './fake-upstream';
import { createCpuMeter } from './cpu-meter';
import { closeTargets, createTarget } from './http-client';
import type { Target } from './http-client';
import { runPhases } from './phases';
import type { PhaseResults } from './phases';
import { BENCH_USAGE, parseBenchArgs } from './plan';
import type { BenchOptions } from './plan';
import { printResults } from './output';
import { buildRows } from './report';
import type { BenchResults } from './report';
import { exitWithParent } from './role-ipc';
import { runWatchdog } from './watchdog';
import { defaultCliPath, startSwitchboard } from './switchboard-process';

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

async function measure(options: BenchOptions, registry: ChildRegistry): Promise<BenchResults> {
  const { plan } = options;
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const upstream = await startRole(registry, 'upstream', ['--events', String(plan.streamEvents), '--gap-ms', String(plan.streamGapMs)]);
  const bare = await startRole(registry, 'bare', ['--upstream-port', String(upstream.port)]);
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  registry.addDir(dataDir);
  const script = process.argv[1]!;
  const switchboard = await startSwitchboard(registry, {
    cliPath: options.cliPath ?? defaultCliPath(script),
    upstreamPort: upstream.port,
    dataDir,
    nodeArgs: options.nodeArgs,
    env: process.env,
    say,
  });
  // stops Switchboard and removes its data dir even if this process is killed outright
  await startRole(registry, 'watchdog', ['--pid', String(switchboard.child.pid), '--dir', dataDir]);
  say(`bench: upstream :${upstream.port}, bare proxy :${bare.port}, Switchboard ${switchboard.url} (pid ${switchboard.child.pid})`);

  const targets: Target[] = [
    createTarget('direct', `http://127.0.0.1:${upstream.port}`, switchboard.key, plan.concurrency),
    createTarget('bare', `http://127.0.0.1:${bare.port}`, switchboard.key, plan.concurrency),
    createTarget('switchboard', switchboard.url, switchboard.key, plan.concurrency),
  ];
  const readText = (file: string) => readFile(file, 'utf8');
  const cpu = createCpuMeter({ bare: bare.child.pid, switchboard: switchboard.child.pid }, readText);
  let phases: PhaseResults;
  try {
    phases = await runPhases(targets, plan, options.phases, cpu, say);
  } finally {
    await closeTargets(targets);
  }
  const rssMb = { bare: await peakRssMb(bare.child.pid, readText), switchboard: await peakRssMb(switchboard.child.pid, readText) };
  say(`bench: measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...phases, rssMb, load: { before: loadBefore, after: loadavg()[0] ?? 0 } };
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
