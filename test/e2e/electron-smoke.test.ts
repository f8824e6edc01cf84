// The desktop app end to end. With the Electron binary and Xvfb: launch, tray created, the window loads
// the dashboard, quit leaves no process. Without the binary (our build machines: its download is
// blocked) that test skips, saying so, and `npm start` is checked to fall back to the headless gateway
// in one line. Processes are found afterwards by the unique data dir in their environment.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
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

  it('npm start without a usable Electron prints one line and runs the headless gateway', async () => {
    const dataDir = join(work, 'headless-data');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: work, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_NO_ELECTRON_DOWNLOAD: '1' };
    delete env.WAYLAND_DISPLAY;
    // With the binary missing, a display makes start.mjs look for it; with it present, no display is the reason.
    if (binary === null) env.DISPLAY = ':99';
    else delete env.DISPLAY;
    const expected =
      binary === null
        ? 'Electron binary not available (download blocked); running the headless gateway instead'
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
