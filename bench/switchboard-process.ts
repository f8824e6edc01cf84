// Switchboard as users run it: the built CLI (`dist/node/cli.js serve`) in its own process, SDK mode (or
// binary mode with the project's fake LiteLLM as the child), a LiteLLM-format config whose models point
// at the fake upstream (one OpenAI, one Anthropic for translated requests), log level warn, its own data
// dir. The bench's probe is preloaded (`--import probe.js`) and talks over an IPC channel.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BENCH_ANTHROPIC_MODEL, BENCH_MODEL } from './payloads';
import { createProbe } from './probe-client';
import type { Probe } from './probe-client';
import type { ChildRegistry } from './children';

const READY_TIMEOUT_MS = 30_000;

export interface SwitchboardProcess {
  child: ChildProcess;
  url: string;
  /** the master key clients send */
  key: string;
  probe: Probe;
  /** ms from spawn to the "listening" line */
  startMs: number;
}

export interface SwitchboardStart {
  cliPath: string;
  upstreamPort: number;
  dataDir: string;
  /** the bench's preload (dist/bench/probe.js) */
  probePath: string;
  mode: 'sdk' | 'binary';
  /** binary mode: the fake LiteLLM executable */
  litellmCommand: string | null;
  /** extra node flags for the Switchboard process, e.g. --cpu-prof */
  nodeArgs: string[];
  /** the parent's environment; SWITCHBOARD_* and provider keys in it are dropped */
  env: NodeJS.ProcessEnv;
  /** progress and warnings (stderr of the bench) */
  say: (line: string) => void;
}

/** dist/node/cli.js next to the bundled bench (dist/bench/bench.js), or under the repo when run from sources. */
export function defaultCliPath(script: string): string {
  const here = dirname(resolve(script));
  const candidates = [join(here, '..', 'node', 'cli.js'), join(here, '..', 'dist', 'node', 'cli.js')];
  return candidates.find((file) => existsSync(file)) ?? candidates[0]!;
}

/** The fake LiteLLM of the test fixtures, from dist/bench/ (or bench/ when run from sources). */
export function defaultLitellmPath(script: string): string {
  const here = dirname(resolve(script));
  const candidates = [join(here, '..', '..', 'test', 'fixtures', 'fake-litellm', 'fake-litellm.mjs'), join(here, '..', 'test', 'fixtures', 'fake-litellm', 'fake-litellm.mjs')];
  return candidates.find((file) => existsSync(file)) ?? candidates[0]!;
}

export function benchConfigYaml(upstreamPort: number, mode: 'sdk' | 'binary', litellmCommand: string | null): string {
  const binary = mode === 'binary' && litellmCommand
    ? `  binary:\n    command: ${JSON.stringify(litellmCommand)}\n    ready_timeout_ms: 30000\n`
    : '';
  return `# written by npm run bench
model_list:
  - model_name: ${BENCH_MODEL}
    litellm_params:
      model: openai/${BENCH_MODEL}
      api_base: http://127.0.0.1:${upstreamPort}/v1
      api_key: sk-bench-provider-key-not-secret
  - model_name: ${BENCH_ANTHROPIC_MODEL}
    litellm_params:
      model: anthropic/${BENCH_ANTHROPIC_MODEL}
      api_base: http://127.0.0.1:${upstreamPort}
      api_key: sk-ant-bench-provider-key-not-secret
switchboard:
  mode: ${mode}
  shutdown_grace_ms: 2000
  log:
    level: warn
${binary}`;
}

function childEnv(env: NodeJS.ProcessEnv, key: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    // a developer's own Switchboard settings must not leak into the measured instance
    if (name.startsWith('SWITCHBOARD_') || name === 'SUPERMEMORY_API_KEY') continue;
    out[name] = value;
  }
  out.SWITCHBOARD_MASTER_KEY = key;
  out.SWITCHBOARD_ADMIN_TOKEN = `sb-bench-admin-${randomBytes(12).toString('hex')}`;
  return out;
}

export async function startSwitchboard(registry: ChildRegistry, options: SwitchboardStart): Promise<SwitchboardProcess> {
  if (!existsSync(options.cliPath)) {
    throw new Error(`Switchboard CLI not found at ${options.cliPath}; build it first (npm run bench does)`);
  }
  if (!existsSync(options.probePath)) throw new Error(`bench probe not found at ${options.probePath}; build first (npm run bench does)`);
  const configFile = join(options.dataDir, 'bench-config.yaml');
  await writeFile(configFile, benchConfigYaml(options.upstreamPort, options.mode, options.litellmCommand));
  const key = `sk-sb-bench-${randomBytes(16).toString('hex')}`;
  const args = [
    '--import', pathToFileURL(options.probePath).href,
    ...options.nodeArgs, options.cliPath, 'serve',
    '--config', configFile, '--data-dir', options.dataDir, '--port', '0', '--host', '127.0.0.1', '--mode', options.mode,
  ];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { env: childEnv(options.env, key), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  registry.add(options.mode === 'sdk' ? 'switchboard' : 'switchboard-binary', child);
  const url = await waitForListening(child, options.say);
  return { child, url, key, probe: createProbe(child), startMs: performance.now() - spawnedAt };
}

/** Its own shutdown chatter; anything else it prints on stderr during the run is worth showing. */
const SHUTDOWN_LINE = /^switchboard: (SIG\w+|stopped)/;

/**
 * Resolves with the base URL from the "listening on http://…" banner line; rejects with the output.
 * Afterwards stderr lines (warnings, errors) are passed on to `say`, prefixed.
 */
function waitForListening(child: ChildProcess, say: (line: string) => void): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    let done = false;
    const finish = (error: Error | null, url?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolveUrl(url!);
    };
    const timer = setTimeout(() => finish(new Error(`Switchboard did not start within ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (done) return;
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) finish(null, match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (!done) {
        output += text;
        return;
      }
      for (const line of text.split('\n')) if (line.trim() && !SHUTDOWN_LINE.test(line)) say(`  [switchboard] ${line}`);
    });
    child.once('exit', (code, signal) => finish(new Error(`Switchboard exited during start (code ${code}, signal ${signal}):\n${output}`)));
  });
}
