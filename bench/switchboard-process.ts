// Switchboard as users run it: the built CLI (`dist/node/cli.js serve`) in its own process, SDK mode,
// a LiteLLM-format config whose one model points at the fake upstream, log level warn, its own data dir.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { BENCH_MODEL } from './payloads';
import type { ChildRegistry } from './children';

const READY_TIMEOUT_MS = 30_000;

export interface SwitchboardProcess {
  child: ChildProcess;
  url: string;
  /** the master key clients send */
  key: string;
}

export interface SwitchboardStart {
  cliPath: string;
  upstreamPort: number;
  dataDir: string;
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

export function benchConfigYaml(upstreamPort: number): string {
  return `# written by npm run bench
model_list:
  - model_name: ${BENCH_MODEL}
    litellm_params:
      model: openai/${BENCH_MODEL}
      api_base: http://127.0.0.1:${upstreamPort}/v1
      api_key: sk-bench-provider-key-not-secret
switchboard:
  mode: sdk
  shutdown_grace_ms: 2000
  log:
    level: warn
`;
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
  const configFile = join(options.dataDir, 'bench-config.yaml');
  await writeFile(configFile, benchConfigYaml(options.upstreamPort));
  const key = `sk-sb-bench-${randomBytes(16).toString('hex')}`;
  const args = [
    ...options.nodeArgs, options.cliPath, 'serve',
    '--config', configFile, '--data-dir', options.dataDir, '--port', '0', '--host', '127.0.0.1', '--mode', 'sdk',
  ];
  const child = spawn(process.execPath, args, { env: childEnv(options.env, key), stdio: ['ignore', 'pipe', 'pipe'] });
  registry.add('switchboard', child);
  const url = await waitForListening(child, options.say);
  return { child, url, key };
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
