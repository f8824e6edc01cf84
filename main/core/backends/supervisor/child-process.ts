// One spawned child: its end (exit or spawn error), its output drained into the log sink, and signals to
// its process group. The child is detached into its own process group so a signal reaches the workers
// LiteLLM/uvicorn may fork, not only the process we started.
import type { ChildProcess } from 'node:child_process';
import type { SpawnFn } from './spawn-types';
import type { LogSink } from './log-sink';

export type ChildEnd =
  | { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'spawn-error'; error: NodeJS.ErrnoException };

export interface ChildHandle {
  /** undefined only when the spawn itself failed */
  readonly pid: number | undefined;
  readonly port: number;
  /** resolves once, on exit or spawn failure */
  readonly ended: Promise<ChildEnd>;
  /** resolves when stdout and stderr are closed (a forked grandchild can hold them open; race it) */
  readonly drained: Promise<void>;
  endInfo(): ChildEnd | null;
}

export interface SpawnChildOptions {
  spawn: SpawnFn;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  port: number;
  log: LogSink;
}

export function spawnChild(options: SpawnChildOptions): ChildHandle {
  let end: ChildEnd | null = null;
  let child: ChildProcess;
  let settle!: (value: ChildEnd) => void;
  const ended = new Promise<ChildEnd>((resolve) => {
    settle = (value) => {
      if (end !== null) return;
      end = value;
      resolve(value);
    };
  });
  try {
    child = options.spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      // stdin stays an open pipe we never write: it closes when the gateway dies, which a child (or a
      // wrapper) can watch; LiteLLM itself does not (see README "Orphans").
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
  } catch (error) {
    // Some platforms throw synchronously (EACCES, EINVAL) instead of emitting 'error'.
    settle({ kind: 'spawn-error', error: error as NodeJS.ErrnoException });
    return { pid: undefined, port: options.port, ended, drained: Promise.resolve(), endInfo: () => end };
  }
  child.on('error', (error: NodeJS.ErrnoException) => {
    // After a successful spawn, 'error' means a failed kill(): the exit handler still reports the end.
    if (child.pid === undefined) settle({ kind: 'spawn-error', error });
  });
  child.on('exit', (code, signal) => settle({ kind: 'exit', code, signal }));
  child.stdin?.on('error', () => {
    // EPIPE when the child exits first; nothing is ever written, so nothing is lost.
  });
  const drained = Promise.all([drain(child, 'stdout', options.log), drain(child, 'stderr', options.log)]).then(() => undefined);
  return { pid: child.pid, port: options.port, ended, drained, endInfo: () => end };
}

function drain(child: ChildProcess, source: 'stdout' | 'stderr', log: LogSink): Promise<void> {
  const stream = child[source];
  if (!stream) return Promise.resolve();
  return new Promise((resolve) => {
    stream.on('data', (chunk: Buffer) => log.write(source, chunk));
    stream.on('error', () => undefined);
    stream.on('close', () => {
      log.end(source);
      resolve();
    });
  });
}

/** Sends `signal` to the child's process group (the child alone on Windows). False if nothing was there. */
export function signalGroup(pid: number, signal: NodeJS.Signals, platform: NodeJS.Platform): boolean {
  try {
    process.kill(platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while any process of the group is alive (or the pid, on Windows). */
export function groupAlive(pid: number, platform: NodeJS.Platform): boolean {
  try {
    process.kill(platform === 'win32' ? pid : -pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else (pid reused); it is not ours to wait for.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while the single process `pid` exists. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function describeEnd(end: ChildEnd): string {
  if (end.kind === 'spawn-error') return `could not be started (${end.error.code ?? end.error.message})`;
  if (end.signal) return `was killed by ${end.signal}`;
  return `exited with code ${end.code ?? 'unknown'}`;
}
