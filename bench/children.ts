// Every process the bench starts, and the one way to stop them all: on the normal path, on an error,
// on Ctrl-C / SIGTERM, and (synchronously, as a last resort) when the parent exits.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { isReadyMessage } from './role-ipc';

const STOP_GRACE_MS = 5_000;

export interface ChildRegistry {
  /** tracks a child so cleanup stops it */
  add(name: string, child: ChildProcess): void;
  /** tracks a temp dir so cleanup deletes it */
  addDir(dir: string): void;
  /** SIGTERM to every child still running, SIGKILL after a grace period; then the temp dirs go */
  cleanup(): Promise<void>;
}

export function createChildRegistry(): ChildRegistry {
  const children = new Map<string, ChildProcess>();
  const dirs: string[] = [];
  let cleaning: Promise<void> | null = null;

  const removeDirs = () => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  };
  // 'exit' handlers must be synchronous: kill what is left without waiting, and drop the temp dirs
  process.on('exit', () => {
    for (const child of children.values()) if (isRunning(child)) child.kill('SIGKILL');
    removeDirs();
  });

  return {
    add(name, child) {
      children.set(name, child);
    },
    addDir(dir) {
      dirs.push(dir);
    },
    cleanup() {
      cleaning ??= (async () => {
        await Promise.all([...children.values()].map(stopChild));
        removeDirs();
      })();
      return cleaning;
    },
  };
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Node flags of the parent worth passing on (tsx's loader when run from sources), minus profilers and gc. */
export function childExecArgv(): string[] {
  return process.execArgv.filter((arg) => !/^--(cpu-prof|heap-prof|prof|expose-gc|inspect)/.test(arg));
}

/** Forks this same script in a child role and waits for the port it announces. */
export function startRole(registry: ChildRegistry, role: string, args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell which script is running');
  const child = fork(script, ['--role', role, ...args], { execArgv: childExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  registry.add(role, child);
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`bench child "${role}" exited before it was ready (code ${code}, signal ${signal})`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      child.off('exit', onExit);
      resolve({ child, port: message.port });
    });
  });
}

/** Ctrl-C and SIGTERM: clean up, then exit with the conventional code. */
export function cleanupOnSignals(registry: ChildRegistry, say: (line: string) => void): void {
  const onSignal = (signal: NodeJS.Signals) => {
    say(`bench: ${signal}, stopping child processes…`);
    registry.cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** VmHWM (peak resident set) of a live process in MB, from /proc; null where there is no /proc. */
export async function peakRssMb(pid: number | undefined, readText: (file: string) => Promise<string>): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const status = await readText(`/proc/${pid}/status`);
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
