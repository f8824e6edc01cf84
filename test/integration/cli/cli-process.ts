// Runs the real CLI (from sources, through tsx) as a child process.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const root = join(import.meta.dirname, '..', '..', '..');

let bundle: string | null = null;

/**
 * The CLI from the current sources, bundled once per test file (tsx would compile it again in every
 * child, seconds each on a busy machine). Kept under node_modules so its bare imports resolve.
 */
function cliBundle(): string {
  if (bundle) return bundle;
  const out = join(root, 'node_modules', '.cache', 'switchboard-tests', `cli-${process.pid}.mjs`);
  buildSync({
    entryPoints: [join(root, 'main', 'node', 'cli.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  bundle = out;
  process.once('exit', () => rmSync(out, { force: true }));
  return out;
}

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** resolves with the text once stdout contains `pattern` */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** resolves with the text once stderr contains `pattern` */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function runCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [cliBundle(), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: env.HOME ?? '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waitForText = (text: () => string, pattern: RegExp, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        if (pattern.test(text())) return resolve(text());
        if (child.exitCode !== null || child.signalCode !== null) {
          return reject(new Error(`CLI exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${out}\n${err}`));
        }
        if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${pattern}:\n${out}\n${err}`));
        setTimeout(tick, 25);
      };
      tick();
    });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStdout: (pattern, timeoutMs = 20_000) => waitForText(() => out, pattern, timeoutMs),
    waitForStderr: (pattern, timeoutMs = 20_000) => waitForText(() => err, pattern, timeoutMs),
  };
}
