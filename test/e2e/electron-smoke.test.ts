// The desktop app end to end. With the Electron binary and Xvfb: launch, tray created, the window loads
// the dashboard, quit leaves no process; then, driven through Playwright's Electron support, what only a
// real Electron can prove: the dashboard's Copy buttons can write the clipboard, no menu bar, the
// desktop file name, an uncaught error keeps the gateway serving, a second launch brings the window
// back. Without the binary (our build machines: its download is blocked) those tests skip, saying so,
// and `npm start` is checked to fall back to the headless gateway in one line, also when an Electron
// binary exists but dies at launch. Processes are found afterwards by the unique data dir in their
// environment.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** The page's globals this test uses (the root tsconfig has no DOM library). */
interface PageGlobals {
  navigator: { clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> } };
}
const SLOW_MS = 300_000;

function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const binary = electronBinary();
const xvfb = process.platform === 'linux' ? onPath('Xvfb') : false;
const canLaunch = binary !== null && (process.platform !== 'linux' || xvfb);
const skipReason = binary === null ? 'Electron binary not available (download blocked)' : 'Xvfb not installed';
if (!canLaunch) console.log(`electron smoke: skipped, ${skipReason}`);

/** pids of live processes whose environment carries `marker` (our per-test data dir). Linux only. */
function processesWith(marker: string): number[] {
  if (process.platform !== 'linux') return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').includes(marker)) found.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

/** Resolves when `test` passes on the file's content; driven by the child's progress, bounded by the test timeout. */
async function waitForFile(file: string, test: (text: string) => boolean, child: ChildProcess): Promise<string> {
  for (;;) {
    const text = existsSync(file) ? await readFile(file, 'utf8') : '';
    if (test(text)) return text;
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before ${file} matched:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForPath(path: string, child: ChildProcess): Promise<void> {
  while (!existsSync(path)) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before ${path} appeared`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'switchboard-e2e-electron-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('Electron app', () => {
  it.skipIf(!canLaunch)(`launches under Xvfb: tray, dashboard window, clean quit (skips when: ${skipReason})`, async () => {
    const dataDir = join(work, 'electron-data');
    await rm(dataDir, { recursive: true, force: true });
    spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    spawnSync(process.execPath, ['scripts/icons.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    await writeFile(join(work, 'config.yaml'), 'model_list: []\nswitchboard:\n  port: 0\n');

    let display: ChildProcess | null = null;
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: work, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_CONFIG: join(work, 'config.yaml') };
    delete env.ELECTRON_RUN_AS_NODE;
    if (process.platform === 'linux') {
      const number = 90 + (process.pid % 500);
      display = spawn('Xvfb', [`:${number}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
      await waitForPath(`/tmp/.X11-unix/X${number}`, display);
      env.DISPLAY = `:${number}`;
    }
    const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', `--user-data-dir=${join(work, 'user-data')}`, root];
    const app = spawn(binary as string, args, { cwd: root, env, stdio: 'ignore', detached: true });
    try {
      const log = join(dataDir, 'switchboard.log');
      const text = await waitForFile(log, (t) => t.includes('"tray created"') && t.includes('"dashboard loaded"'), app);
      const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/ui\/)"/.exec(text)?.[1];
      expect(url).toBeDefined();
      expect((await fetch(url as string)).status).toBe(200);

      app.kill('SIGTERM');
      expect(await exited(app)).toBe(0);
      expect(await readFile(log, 'utf8')).toContain('"gateway stopped"');
      await expect(fetch(url as string)).rejects.toThrow();
      expect(processesWith(`SWITCHBOARD_DATA_DIR=${dataDir}`)).toEqual([]);
    } finally {
      if (app.exitCode === null) process.kill(-(app.pid as number), 'SIGKILL');
      display?.kill('SIGTERM');
    }
  }, SLOW_MS);

  it.skipIf(!canLaunch)(`in real Electron: clipboard from the dashboard, no menu bar, desktop name, uncaught errors, second launch (skips when: ${skipReason})`, async () => {
    const dataDir = join(work, 'electron-real-data');
    await rm(dataDir, { recursive: true, force: true });
    spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    spawnSync(process.execPath, ['scripts/icons.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    await writeFile(join(work, 'config.yaml'), 'model_list: []\nswitchboard:\n  port: 0\n');
    let display: ChildProcess | null = null;
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
    Object.assign(env, { HOME: work, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_CONFIG: join(work, 'config.yaml') });
    if (process.platform === 'linux') {
      const number = 600 + (process.pid % 300);
      display = spawn('Xvfb', [`:${number}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
      await waitForPath(`/tmp/.X11-unix/X${number}`, display);
      env.DISPLAY = `:${number}`;
    }
    const userData = join(work, 'user-data-real');
    const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', `--user-data-dir=${userData}`, root];
    const app = await _electron.launch({ executablePath: binary as string, args, env, cwd: root });
    try {
      const page = await app.firstWindow();
      await page.waitForURL(/\/ui\//);
      const baseUrl = new URL(page.url()).origin;

      // The dashboard's Copy buttons: navigator.clipboard.writeText needs 'clipboard-sanitized-write'
      // (and a focused document).
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.focus());
      await page.bringToFront();
      const copied = await page.evaluate(async () => {
        try {
          await (globalThis as unknown as PageGlobals).navigator.clipboard.writeText('copied from the dashboard');
          return 'ok';
        } catch (error) {
          return String(error);
        }
      });
      expect(copied).toBe('ok');
      expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe('copied from the dashboard');
      // …and nothing else: reading the clipboard stays denied
      const read = await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText().then(() => 'read', () => 'denied'));
      expect(read).toBe('denied');

      const shell = await app.evaluate(({ app: electronApp, Menu }) => ({
        menu: Menu.getApplicationMenu() === null,
        desktop: process.env.CHROME_DESKTOP ?? null,
        packaged: electronApp.isPackaged,
      }));
      if (process.platform !== 'darwin') expect(shell.menu).toBe(true);
      if (process.platform === 'linux') expect(shell.desktop).toBe('switchboard.desktop');
      expect(shell.packaged).toBe(false);

      // An error nobody catches in the main process: logged, and the gateway keeps serving.
      await app.evaluate(() => {
        setImmediate(() => {
          throw new Error('stray socket error from the smoke test');
        });
      });
      const log = join(dataDir, 'switchboard.log');
      await waitForFile(log, (t) => t.includes('stray socket error from the smoke test'), app.process());
      expect((await fetch(`${baseUrl}/health`)).status).toBe(200);

      // Closing hides to the tray; a second launch shows the window again and then quits itself.
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible())).toBe(false);
      const second = spawn(binary as string, args, { cwd: root, env, stdio: 'ignore' });
      expect(await exited(second)).toBe(0);
      for (;;) {
        if (await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await app.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined);
      await exited(app.process());
      display?.kill('SIGTERM');
    }
    expect(processesWith(`SWITCHBOARD_DATA_DIR=${dataDir}`)).toEqual([]);
  }, SLOW_MS);

  it.skipIf(process.platform !== 'linux')('npm start with an Electron that dies at launch: retried without the sandbox, then the headless gateway, saying why', async () => {
    const dataDir = join(work, 'dying-data');
    const fakeDist = join(work, 'fake-electron-dist');
    await mkdir(fakeDist, { recursive: true });
    // Aborts like Chromium without a usable sandbox; with --no-sandbox, fails on a missing library.
    const fake = join(fakeDist, 'electron');
    await writeFile(
      fake,
      '#!/bin/sh\ncase " $* " in *" --no-sandbox "*) echo "electron: error while loading shared libraries: libfake.so.1: cannot open shared object file" >&2; exit 127;; esac\n' +
        'echo "[1:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly." >&2\nkill -TRAP $$\n',
    );
    await chmod(fake, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: work, SWITCHBOARD_DATA_DIR: dataDir, ELECTRON_OVERRIDE_DIST_PATH: fakeDist, DISPLAY: ':99' };
    delete env.WAYLAND_DISPLAY;
    const start = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    start.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    start.stderr?.resume();
    try {
      await new Promise<void>((resolveReady, reject) => {
        start.stdout?.on('data', () => (/Dashboard: +\S+/.test(stdout) ? resolveReady() : undefined));
        start.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${stdout}`)));
      });
      const lines = stdout.split('\n');
      const fallback = lines.findIndex((line) => line.endsWith('running the headless gateway instead'));
      expect(lines[fallback]).toBe('Electron did not start (a system library Electron needs is missing (libfake.so.1)); running the headless gateway instead');
      // As root (or with namespaces restricted) --no-sandbox is there from the start; otherwise the
      // sandbox abort is retried once without it.
      const retried = lines.findIndex((line) => line.endsWith('; retrying with --no-sandbox'));
      if (retried >= 0) expect(retried).toBeLessThan(fallback);
      expect(lines.filter((line) => line.includes('running the headless gateway'))).toHaveLength(1);
      start.kill('SIGTERM');
      expect(await exited(start)).toBe(0);
      expect(processesWith(`SWITCHBOARD_DATA_DIR=${dataDir}`)).toEqual([]);
    } finally {
      if (start.exitCode === null) start.kill('SIGKILL');
    }
  }, SLOW_MS);

  it('npm start without a usable Electron prints one line and runs the headless gateway', async () => {
    const dataDir = join(work, 'headless-data');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: work, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_NO_ELECTRON_DOWNLOAD: '1' };
    delete env.WAYLAND_DISPLAY;
    // With the binary missing, a display makes start.mjs look for it; with it present, no display is the reason.
    if (binary === null) env.DISPLAY = ':99';
    else delete env.DISPLAY;
    const expected =
      binary === null
        ? 'Electron binary not available (download skipped: SWITCHBOARD_NO_ELECTRON_DOWNLOAD=1); running the headless gateway instead'
        : 'no display available (DISPLAY and WAYLAND_DISPLAY are unset); running the headless gateway instead';

    const start = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    start.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    start.stderr?.resume();
    try {
      await new Promise<void>((resolveReady, reject) => {
        const check = () => (/Dashboard: +\S+/.test(stdout) ? resolveReady() : undefined);
        start.stdout?.on('data', check);
        start.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${stdout}`)));
      });
      const lines = stdout.split('\n');
      expect(lines[0]).toBe(expected);
      expect(lines.filter((line) => line.includes('running the headless gateway'))).toHaveLength(1);
      const dashboard = /Dashboard: +(http:\/\/127\.0\.0\.1:\d+\/ui\/)#token=\S+/.exec(stdout)?.[1];
      expect(dashboard).toBeDefined();
      const page = await fetch(dashboard as string);
      expect([200, 503]).toContain(page.status); // 503: a hint page when the dashboard build is absent

      start.kill('SIGTERM');
      expect(await exited(start)).toBe(0);
      await expect(fetch(dashboard as string)).rejects.toThrow();
      expect(processesWith(`SWITCHBOARD_DATA_DIR=${dataDir}`)).toEqual([]);
    } finally {
      if (start.exitCode === null) start.kill('SIGKILL');
    }
  }, SLOW_MS);
});
