// The login shell's environment for an app started from the Dock or a desktop menu: asked only outside a
// terminal (never on Windows), parsed between markers whatever the rc files print, merged so the app's
// own values win and PATH gains the shell's entries. A fake shell script plays the user's shell.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureShellEnv, mergeShellEnv, needsShellEnv, type ShellRunResult } from '../../../main/electron/shell-env';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-shell-env-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A real child process, as main.ts runs it. */
function run(file: string, args: readonly string[], timeoutMs: number): Promise<ShellRunResult> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) => {
      const killed = error !== null && (error as { killed?: boolean }).killed === true;
      resolve({ stdout, code: killed ? null : error ? 1 : 0 });
    });
  });
}

async function fakeShell(name: string, body: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('the login shell’s environment', () => {
  it('outside a terminal: keys the rc files export and the shell’s PATH reach the app, banners ignored', async () => {
    // like a ~/.zshrc: prints a banner, exports a key, puts Homebrew and pipx first on PATH
    const shell = await fakeShell(
      'zsh',
      'echo "Welcome back!"\nexport ANTHROPIC_API_KEY="sk-ant-from-zshrc"\nexport MULTI_LINE="a\nb"\nexport PATH="/opt/homebrew/bin:/Users/me/.local/bin:/usr/bin"\nexec /bin/sh -c "$4"',
    );
    const appEnv = { SHELL: shell, HOME: '/Users/me', PATH: '/usr/bin:/bin', OPENAI_API_KEY: 'sk-app-own' };
    const result = await captureShellEnv({ platform: 'darwin', env: appEnv, run });
    expect(result.problem).toBeNull();
    expect(result.env.ANTHROPIC_API_KEY).toBe('sk-ant-from-zshrc');
    expect(result.env.MULTI_LINE).toBe('a\nb');
    expect(result.env.OPENAI_API_KEY).toBe('sk-app-own');
    expect(result.env.PATH).toBe('/opt/homebrew/bin:/Users/me/.local/bin:/usr/bin:/bin');
    expect(result.pathFromShell).toBe(true);
    expect(result.added).toContain('ANTHROPIC_API_KEY');
    expect(result.added).not.toContain('OPENAI_API_KEY');
    expect(result.added).not.toContain('PWD');
    expect(appEnv).not.toHaveProperty('ANTHROPIC_API_KEY');
  });

  it('from a terminal, or on Windows, the environment is already right: no shell is run', async () => {
    let ran = 0;
    const counting = async (): Promise<ShellRunResult> => {
      ran += 1;
      return { stdout: '', code: 0 };
    };
    const fromTerminal = await captureShellEnv({ platform: 'linux', env: { TERM: 'xterm-256color', PATH: '/usr/bin' }, run: counting });
    const windows = await captureShellEnv({ platform: 'win32', env: { PATH: 'C:\\Windows' }, run: counting });
    expect(ran).toBe(0);
    expect(fromTerminal).toEqual({ env: { TERM: 'xterm-256color', PATH: '/usr/bin' }, added: [], pathFromShell: false, problem: null });
    expect(windows.problem).toBeNull();
    expect(needsShellEnv('darwin', {})).toBe(true);
    expect(needsShellEnv('linux', { TERM_PROGRAM: 'vscode' })).toBe(false);
  });

  it('a shell that hangs (a prompt waiting for input) is given up after the timeout; the app keeps its own env and says why', async () => {
    const shell = await fakeShell('slow', 'sleep 5');
    const started = Date.now();
    const result = await captureShellEnv({ platform: 'linux', env: { SHELL: shell, PATH: '/usr/bin' }, run, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(result.env).toEqual({ SHELL: shell, PATH: '/usr/bin' });
    expect(result.problem).toBe(`${shell} did not answer within 0.3 s`);
  });

  it('a shell that fails prints no environment: reported, nothing taken', async () => {
    const shell = await fakeShell('broken', 'echo "rc error" >&2\nexit 3');
    const result = await captureShellEnv({ platform: 'linux', env: { SHELL: shell }, run });
    expect(result.added).toEqual([]);
    expect(result.problem).toBe(`${shell} printed no environment (exit 1)`);
  });

  it('never takes variables that change how the app itself runs', () => {
    const merged = mergeShellEnv({ PATH: '/usr/bin' }, { NODE_OPTIONS: '--require /tmp/x.js', ELECTRON_RUN_AS_NODE: '1', SHLVL: '2', GEMINI_API_KEY: 'g' });
    expect(merged.added).toEqual(['GEMINI_API_KEY']);
    expect(merged.env).not.toHaveProperty('NODE_OPTIONS');
    expect(merged.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
  });
});
