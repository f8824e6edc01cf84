// Shared set-up for the supervisor tests: a temp data dir, the fake LiteLLM as the command, a recording
// spawn, and state waiters driven by onState events (no sleeps, no timed assertions).
import { spawn as realSpawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { BackendState, BackendStatus } from '../../../shared/protocol/records';
import { createSupervisor } from '../../../main/core/backends/supervisor';
import type { Supervisor, SupervisorOptions, SpawnFn } from '../../../main/core/backends/supervisor';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';

export const MODEL_DOC = {
  model_list: [
    { model_name: 'claude-sonnet', litellm_params: { model: 'anthropic/claude-sonnet-4', api_key: 'os.environ/ANTHROPIC_API_KEY' } },
    { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' } },
  ],
};

export interface SpawnCall {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv | undefined;
}

export interface Harness {
  supervisor: Supervisor;
  dataDir: string;
  states: BackendState[];
  /** the LiteLLM processes started (not the `--version` probes) */
  spawns: SpawnCall[];
  versionProbes: SpawnCall[];
  /** resolves with the first state (already seen or future) matching the predicate */
  until(predicate: (state: BackendState) => boolean): Promise<BackendState>;
  statuses(): BackendStatus[];
}

export interface HarnessOptions extends Partial<SupervisorOptions> {
  childEnv?: Record<string, string>;
  /** wraps the real spawn, e.g. to occupy the port the child is about to get */
  wrapSpawn?: (spawn: SpawnFn) => SpawnFn;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sb-sup-')));
  const states: BackendState[] = [];
  const spawns: SpawnCall[] = [];
  const waiters: { predicate: (s: BackendState) => boolean; resolve: (s: BackendState) => void }[] = [];
  const versionProbes: SpawnCall[] = [];
  const recording: SpawnFn = (command, args, spawnOptions) => {
    // `<command> --version` before a start is recorded apart: `spawns` are the LiteLLM processes started
    (args.at(-1) === '--version' ? versionProbes : spawns).push({ command, args, env: spawnOptions.env });
    return realSpawn(command, args, spawnOptions);
  };
  const { childEnv, wrapSpawn, ...overrides } = options;
  const supervisor = createSupervisor({
    command: FAKE_LITELLM_PATH,
    args: [],
    spawn: wrapSpawn ? wrapSpawn(recording) : recording,
    dataDir,
    litellmDocument: MODEL_DOC,
    preferredPort: 0,
    readyTimeoutMs: 10_000,
    stopGraceMs: 2_000,
    pinnedVersion: '1.77.5',
    env: { PATH: process.env.PATH, ...childEnv },
    logger: pino({ level: 'silent' }),
    secrets: () => [],
    restartBackoffMs: [50, 100, 150],
    pollIntervalMs: 50,
    ...overrides,
    onState: (state) => {
      states.push(state);
      overrides.onState?.(state);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(state)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(state);
        }
      }
    },
  });
  return {
    supervisor,
    dataDir,
    states,
    spawns,
    versionProbes,
    until(predicate) {
      const seen = states.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    statuses: () => states.map((s) => s.status),
  };
}

/** True while a process with this pid exists (EPERM counts: it exists). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An orphan that was killed stays a zombie until init reaps it, and some containers' init never does:
  // a zombie has exited.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) is all there is
  }
}

/** Waits (bounded by the test timeout) until the pid is gone. */
export async function waitGone(pid: number): Promise<void> {
  while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 25));
}

export async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}
