// How much to measure, and the command line. The full plan takes about three minutes on a 2-core
// machine; --quick is a ~40 s smoke run with the same shape and wider error bars.
import { parseArgs } from 'node:util';

export interface Plan {
  /** sequential requests per target for each request size (warm-up not included) */
  latencyRequests: { small: number; large: number };
  latencyWarmup: number;
  /** requests per target in one interleaving round */
  latencyRoundSize: number;
  concurrency: number;
  throughputRounds: number;
  throughputRoundMs: number;
  throughputWarmupMs: number;
  streamRequests: number;
  streamWarmup: number;
  streamRoundSize: number;
  streamEvents: number;
  streamGapMs: number;
  smallBytes: number;
  largeBytes: number;
  /** switchboard-only windows at `concurrency` with the event-loop delay monitor on */
  eldRounds: number;
  eldRoundMs: number;
  /** requests in the soak (RSS and heap after it) */
  soakRequests: number;
  /** finished requests in the log Switchboard replays at start */
  historyRecords: number;
  /** timed iterations per stage in the per-stage profile */
  stageIterations: number;
  /** how long Switchboard sits idle after start before its idle memory is read */
  idleSettleMs: number;
}

const FULL: Plan = {
  latencyRequests: { small: 2000, large: 2000 },
  latencyWarmup: 300,
  latencyRoundSize: 25,
  concurrency: 50,
  throughputRounds: 4,
  throughputRoundMs: 2000,
  throughputWarmupMs: 700,
  streamRequests: 120,
  streamWarmup: 10,
  streamRoundSize: 5,
  streamEvents: 20,
  streamGapMs: 2,
  smallBytes: 1024,
  largeBytes: 100 * 1024,
  eldRounds: 2,
  eldRoundMs: 2000,
  soakRequests: 20_000,
  historyRecords: 5_000,
  stageIterations: 20_000,
  // V8's memory reducer gives start-up garbage back about 8-10 s after the last allocation burst; an
  // app that idles is read after it, not in the middle of its start
  idleSettleMs: 12_000,
};

const QUICK: Plan = {
  ...FULL,
  latencyRequests: { small: 400, large: 250 },
  latencyWarmup: 100,
  throughputRounds: 2,
  throughputRoundMs: 700,
  throughputWarmupMs: 300,
  streamRequests: 25,
  streamWarmup: 3,
  eldRounds: 1,
  eldRoundMs: 1000,
  soakRequests: 5_000,
  stageIterations: 3_000,
  idleSettleMs: 3_000,
};

export const PHASES = ['latency', 'throughput', 'stream', 'soak', 'stages', 'binary'] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  plan: Plan;
  quick: boolean;
  json: boolean;
  strict: boolean;
  phases: Set<Phase>;
  /** the Switchboard CLI to run (default: the build next to the bench) */
  cliPath: string | null;
  /** extra node flags for the Switchboard process (profiling) */
  nodeArgs: string[];
}

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--json] [--strict] [--phases latency,throughput,stream,soak,stages,binary]
                          [--cli dist/node/cli.js] [--node-arg=--cpu-prof ...]
  --quick     ~40 s run with fewer samples
  --json      print the results as JSON on stdout (progress stays on stderr)
  --strict    exit 1 when a budget is missed (default: always 0, the bench is a report)
  --phases    run only some phases (profiling); binary = the binary-mode target in latency and throughput
  --cli       Switchboard CLI to measure, e.g. a scratch build outside the repo
  --node-arg  a node flag for the Switchboard process, repeatable (--node-arg=--cpu-prof)`;

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      phases: { type: 'string' },
      cli: { type: 'string' },
      'node-arg': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const phases = new Set<Phase>();
  for (const name of (values.phases ?? PHASES.join(',')).split(',').map((p) => p.trim()).filter(Boolean)) {
    const phase = PHASES.find((p) => p === name);
    if (!phase) throw new Error(`unknown phase "${name}"; phases are ${PHASES.join(', ')}`);
    phases.add(phase);
  }
  return {
    plan: values.quick ? QUICK : FULL,
    quick: values.quick,
    json: values.json,
    strict: values.strict,
    phases,
    cliPath: values.cli ?? null,
    nodeArgs: values['node-arg'] ?? [],
  };
}
