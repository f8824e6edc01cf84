// The real composition root, bundled the way scripts/build.mjs bundles it (dist/electron/main.cjs), run
// in plain Node against a stand-in `electron` module (fixtures/fake-electron.ts). It proves what unit
// tests cannot: the bundle loads (electron-store and conf bundled to CommonJS), the real gateway starts
// from the app's deps, the tray and window are built, the bridge hands out the token, a provider key
// stored through the bridge reaches the provider after the restart, and quitting stops the gateway and
// exits. The real binary is exercised by test/e2e/electron-smoke.test.ts where it exists.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT } from '../../../main/core/heap-growth';
import { startFakeAnthropic, type FakeUpstream } from '../../fixtures/fake-upstreams';

const root = resolve(__dirname, '../../..');

interface TraceLine {
  kind: string;
  [key: string]: unknown;
}

let app: string;
let child: ChildProcess | null = null;
let exitCode: Promise<number | null>;
let anthropic: FakeUpstream;
const PROVIDER_KEY = 'sk-ant-api03-entered-in-the-app-0123456789abcdef';

const traceFile = () => join(app, 'trace.jsonl');
const dataDir = () => join(app, 'data');

async function traceLines(): Promise<TraceLine[]> {
  const text = existsSync(traceFile()) ? await readFile(traceFile(), 'utf8') : '';
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as TraceLine);
}

/** Waits (event-driven on the child's output, not on a clock) until the trace has a matching line. */
async function waitForTrace(match: (line: TraceLine) => boolean): Promise<TraceLine> {
  for (;;) {
    const found = (await traceLines()).find(match);
    if (found) return found;
    if (child?.exitCode !== null) throw new Error(`app exited (${child?.exitCode}) before: ${await readFile(traceFile(), 'utf8').catch(() => '')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function send(command: Record<string, unknown>): void {
  child?.stdin?.write(`${JSON.stringify(command)}\n`);
}

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'switchboard-main-bundle-'));
  const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', logLevel: 'silent' as const };
  await build({ ...common, entryPoints: [join(root, 'main', 'electron', 'main.ts')], outfile: join(app, 'dist', 'electron', 'main.cjs'), external: ['electron'] });
  await build({ ...common, entryPoints: [join(__dirname, 'fixtures', 'fake-electron.ts')], outfile: join(app, 'node_modules', 'electron', 'fake.js') });
  // The real module is a plain CommonJS object; esbuild's output is flagged __esModule, which would
  // change how electron-store's default import of it resolves. Copy the exports over.
  await writeFile(join(app, 'node_modules', 'electron', 'index.js'), "module.exports = { ...require('./fake.js') };\n");
  await writeFile(join(app, 'node_modules', 'electron', 'package.json'), '{ "name": "electron", "main": "index.js" }\n');
  await mkdir(join(app, 'dist', 'electron', 'tray'), { recursive: true });
  // a tray picture where scripts/icons.mjs puts them, rendered from the same source drawing
  const icon = new Resvg(await readFile(join(root, 'assets', 'icon.svg'), 'utf8'), { fitTo: { mode: 'width', value: 24 } });
  await writeFile(join(app, 'dist', 'electron', 'tray', 'sdk-24.png'), icon.render().asPng());
  await mkdir(dataDir(), { recursive: true });
  // The user's login shell: launched outside a terminal, the app takes what it exports (and its PATH).
  await writeFile(join(app, 'fake-shell'), `#!/bin/sh\nexport FROM_LOGIN_SHELL=yes\nexport PATH="/opt/from-shell/bin:$PATH"\nexec /bin/sh -c "$4"\n`, { mode: 0o755 });
  anthropic = await startFakeAnthropic();
  await writeFile(
    join(dataDir(), 'config.yaml'),
    `model_list:
  - model_name: claude-*
    litellm_params:
      model: anthropic/claude-*
      api_base: ${anthropic.url}
      api_key: os.environ/ANTHROPIC_API_KEY
switchboard:
  port: 0
`,
  );

  // the preload records the V8 flags the app sets at run time (heap growth, issue 14)
  child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'test', 'fixtures', 'module-probe', 'v8-flags.mjs')).href, join(app, 'dist', 'electron', 'main.cjs')], {
    cwd: app,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      SHELL: join(app, 'fake-shell'),
      HOME: app,
      SWITCHBOARD_DATA_DIR: dataDir(),
      FAKE_ELECTRON_TRACE: traceFile(),
      V8_FLAGS_TRACE: join(app, 'v8-flags.txt'),
      FAKE_USER_DATA: join(app, 'userData'),
      FAKE_KEYCHAIN: '1',
    },
  });
  exitCode = new Promise((resolveExit) => child?.on('exit', (code) => resolveExit(code)));
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await anthropic?.close();
  await rm(app, { recursive: true, force: true });
});

describe('main bundle under a stand-in Electron', () => {
  let baseUrl = '';

  it('starts the gateway, builds the tray, loads the dashboard in a locked-down window', async () => {
    const load = await waitForTrace((line) => line.kind === 'window-load');
    baseUrl = String(load.url).replace(/\/ui\/$/, '');
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(load.status).toBe(503); // no dashboard build in this temp app: the gateway's hint page
    expect(load.csp).toContain("script-src 'self'");

    const lines = await traceLines();
    expect(lines.find((line) => line.kind === 'tray-created')).toBeDefined();
    const icons = lines.filter((line) => line.kind === 'tray-icon').map((line) => (line.image as { path: string }).path);
    // Linux panels get the 24 px picture; no File/Edit/View bar over the dashboard
    expect(icons.at(-1)).toBe(join(app, 'dist', 'electron', 'tray', 'sdk-24.png'));
    expect(lines.find((line) => line.kind === 'application-menu')).toEqual({ kind: 'application-menu', menu: null });
    expect(lines.filter((line) => line.kind === 'tray-tooltip').at(-1)?.text).toMatch(/^Switchboard · SDK mode · port \d+ · 0 requests today$/);
    expect(lines.find((line) => line.kind === 'window-created')?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join(app, 'dist', 'electron', 'preload.cjs'),
    });
    expect(lines.some((line) => line.kind === 'csp-installed')).toBe(true);

    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(200);
    const instance = JSON.parse(await readFile(join(dataDir(), 'instance.json'), 'utf8')) as { baseUrl: string };
    expect(instance.baseUrl).toBe(baseUrl);
  });

  it('limits the old generation’s growth: the gateway shares this heap with the tray and the window', async () => {
    await waitForTrace((line) => line.kind === 'tray-created');
    expect((await readFile(join(app, 'v8-flags.txt'), 'utf8')).split('\n')).toContain(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it('gives the dashboard clipboard writes (its Copy buttons) and nothing else; other origins get nothing', async () => {
    send({ cmd: 'permission', id: 'own-clipboard', permission: 'clipboard-sanitized-write', url: `${baseUrl}/ui/` });
    send({ cmd: 'permission', id: 'own-read', permission: 'clipboard-read', url: `${baseUrl}/ui/` });
    send({ cmd: 'permission', id: 'own-camera', permission: 'media', url: `${baseUrl}/ui/` });
    send({ cmd: 'permission', id: 'other-clipboard', permission: 'clipboard-sanitized-write', url: 'https://evil.example/' });
    const answer = async (id: string) => {
      const line = await waitForTrace((l) => l.kind === 'permission' && l.id === id);
      return { granted: line.granted, checked: line.checked };
    };
    expect(await answer('own-clipboard')).toEqual({ granted: true, checked: true });
    expect(await answer('own-read')).toEqual({ granted: false, checked: false });
    expect(await answer('own-camera')).toEqual({ granted: false, checked: false });
    expect(await answer('other-clipboard')).toEqual({ granted: false, checked: false });
  });

  it('takes the login shell’s environment when not started from a terminal (keys and PATH from ~/.zshrc)', async () => {
    const log = await readFile(join(dataDir(), 'switchboard.log'), 'utf8');
    const line = log.split('\n').find((l) => l.includes('"environment from the login shell"'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line as string) as { added: string[]; pathFromShell: boolean; problem: string | null };
    expect(entry.added).toContain('FROM_LOGIN_SHELL');
    expect(entry.pathFromShell).toBe(true);
    expect(entry.problem).toBeNull();
  });

  it('an error nobody caught is logged and notified, and the gateway keeps serving', async () => {
    send({ cmd: 'throw' });
    const notice = await waitForTrace((line) => line.kind === 'notification' && String(line.title).includes('unexpected error'));
    expect(String(notice.body)).toContain('stray socket error');
    send({ cmd: 'reject' });
    for (;;) {
      const log = await readFile(join(dataDir(), 'switchboard.log'), 'utf8');
      if (log.includes('a promise nobody awaited')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const log = await readFile(join(dataDir(), 'switchboard.log'), 'utf8');
    expect(log).toMatch(/"kind":"exception".*"uncaught error in the main process"/);
    expect(log).toMatch(/"kind":"rejection".*"uncaught error in the main process"/);
    expect(child?.exitCode).toBeNull();
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  });

  it('hands the admin token to the dashboard origin only', async () => {
    const token = (await readFile(join(dataDir(), 'admin-token'), 'utf8')).trim();
    send({ cmd: 'ipc-sync', channel: 'switchboard:get-bootstrap', senderUrl: `${baseUrl}/ui/` });
    send({ cmd: 'ipc-sync', channel: 'switchboard:get-bootstrap', senderUrl: 'https://evil.example/' });
    const own = await waitForTrace((line) => line.kind === 'ipc-sync-result' && line.senderUrl === `${baseUrl}/ui/`);
    const other = await waitForTrace((line) => line.kind === 'ipc-sync-result' && line.senderUrl === 'https://evil.example/');
    expect(own.value).toEqual({ adminUrl: baseUrl, adminToken: token, platform: process.platform });
    expect(other.value).toBeNull();
  });

  it('runs tray actions', async () => {
    send({ cmd: 'click', id: 'copy-base-url' });
    expect((await waitForTrace((line) => line.kind === 'clipboard')).text).toBe(baseUrl);
    send({ cmd: 'click', id: 'open-logs' });
    expect((await waitForTrace((line) => line.kind === 'open-path')).path).toBe(dataDir());
  });

  it('stores a provider key from the dashboard: encrypted on disk, in effect after the restart, never in the log', async () => {
    send({
      cmd: 'ipc-invoke',
      id: 'set-key',
      channel: 'switchboard:set-provider-key',
      senderUrl: `${baseUrl}/ui/`,
      args: ['ANTHROPIC_API_KEY', `${PROVIDER_KEY}\n`],
    });
    const answer = await waitForTrace((line) => line.id === 'set-key');
    expect(answer).toMatchObject({
      kind: 'ipc-invoke-result',
      value: { name: 'ANTHROPIC_API_KEY', fingerprint: createHash('sha256').update(PROVIDER_KEY).digest('hex').slice(0, 8) },
    });

    // The answer comes once the restart is done. The config says port 0, so the new gateway may listen
    // on another port: instance.json says where, and the window follows it.
    baseUrl = (JSON.parse(await readFile(join(dataDir(), 'instance.json'), 'utf8')) as { baseUrl: string }).baseUrl;
    const windowAt = (await traceLines()).filter((line) => line.kind === 'window-load').at(-1)?.url;
    expect(windowAt).toBe(`${baseUrl}/ui/`);

    // The restarted gateway sends the stored key to the provider.
    const masterKey = (await readFile(join(dataDir(), 'master-key'), 'utf8')).trim();
    const res = await fetch(`${baseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': masterKey, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-test', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(200);
    expect(anthropic.requests.at(-1)?.headers['x-api-key']).toBe(PROVIDER_KEY);

    const secretsFile = await readFile(join(app, 'userData', 'secrets.json'), 'utf8');
    expect(secretsFile).toContain('ANTHROPIC_API_KEY');
    expect(secretsFile).not.toContain(PROVIDER_KEY);
    const log = await readFile(join(dataDir(), 'switchboard.log'), 'utf8');
    expect(log).toContain('"keysFromApp":["ANTHROPIC_API_KEY"]');
    expect(log + (await readFile(traceFile(), 'utf8'))).not.toContain(PROVIDER_KEY);
  });

  it('quits cleanly: the gateway stops, the tray goes, the process exits 0, the port is closed', async () => {
    send({ cmd: 'quit' });
    expect(await exitCode).toBe(0);
    const kinds = (await traceLines()).map((line) => line.kind);
    expect(kinds).toContain('quit-prevented');
    expect(kinds.indexOf('tray-destroyed')).toBeLessThan(kinds.lastIndexOf('exit'));
    await expect(fetch(`${baseUrl}/health`)).rejects.toThrow();
    expect(existsSync(join(dataDir(), 'instance.json'))).toBe(false);

    const log = await readFile(join(dataDir(), 'switchboard.log'), 'utf8');
    expect(log).toContain('"tray created"');
    expect(log).toContain('"dashboard loaded"');
    expect(log).toContain('"gateway stopped"');
    const masterKey = (await readFile(join(dataDir(), 'master-key'), 'utf8')).trim();
    expect(masterKey.length).toBeGreaterThan(10);
    expect(log).not.toContain(masterKey);
  });
});
