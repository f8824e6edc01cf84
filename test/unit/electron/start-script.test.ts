// scripts/start.mjs decides between the Electron app and the headless gateway, and says which failure
// kept Electron away (download, Node version, sandbox, launch). Its exports are exercised in a child Node
// (the script is plain ESM JavaScript); the full `npm start` fallbacks run in
// test/e2e/electron-smoke.test.ts.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const scriptUrl = pathToFileURL(join(root, 'scripts', 'start.mjs')).href;

interface Case {
  name: string;
  headlessForced: boolean;
  platform: string;
  env: Record<string, string>;
  found: { path: string | null; pkgDir: string | null; failure?: string };
}

const cases: Case[] = [
  { name: 'linux-no-display', headlessForced: false, platform: 'linux', env: {}, found: { path: '/e/electron', pkgDir: '/e' } },
  { name: 'linux-x11-binary', headlessForced: false, platform: 'linux', env: { DISPLAY: ':0' }, found: { path: '/e/electron', pkgDir: '/e' } },
  { name: 'linux-wayland-binary', headlessForced: false, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, found: { path: '/e/electron', pkgDir: '/e' } },
  {
    name: 'linux-x11-no-binary',
    headlessForced: false,
    platform: 'linux',
    env: { DISPLAY: ':0' },
    found: { path: null, pkgDir: '/e', failure: 'download blocked: cannot resolve github.com (offline, or DNS is blocked)' },
  },
  { name: 'mac-binary', headlessForced: false, platform: 'darwin', env: {}, found: { path: '/e/Electron.app', pkgDir: '/e' } },
  { name: 'win-no-package', headlessForced: false, platform: 'win32', env: {}, found: { path: null, pkgDir: null } },
  { name: 'forced', headlessForced: true, platform: 'darwin', env: {}, found: { path: '/e/Electron.app', pkgDir: '/e' } },
];

let results: Record<string, { choice: unknown; probed: boolean }>;
let overrideDir: string;
let binaryProbe: { withOverride: unknown; withoutOverride: unknown };
let pure: Record<string, unknown>;
let downloader: { line: string; failure: string };

const downloadCases = {
  dns: { error: { name: 'TypeError', message: 'fetch failed', code: 'ENOTFOUND', causeMessage: 'getaddrinfo ENOTFOUND github.com' }, timedOut: false, nodeVersion: 'v22.12.0' },
  refused: { error: { name: 'TypeError', message: 'fetch failed', code: 'ECONNREFUSED', causeMessage: 'connect ECONNREFUSED 127.0.0.1:9' }, timedOut: false, nodeVersion: 'v24.1.0' },
  http: { error: { name: 'HTTPError', message: 'Response code 404 (Not Found)', code: null, causeMessage: null, status: 404 }, timedOut: false, nodeVersion: 'v22.12.0' },
  checksum: { error: { name: 'Error', message: 'Generated checksum for "electron.zip" did not match expected checksum', code: null }, timedOut: false, nodeVersion: 'v22.12.0' },
  disk: { error: { name: 'Error', message: 'ENOSPC: no space left on device', code: 'ENOSPC' }, timedOut: false, nodeVersion: 'v22.12.0' },
  timeout: { error: null, timedOut: true, nodeVersion: 'v22.12.0' },
  oldNodeModule: { error: { name: 'Error', message: 'require() of ES Module …', code: 'ERR_REQUIRE_ESM' }, timedOut: false, nodeVersion: 'v20.18.0' },
  oldNodeOther: { error: { name: 'Error', message: 'something odd\nmore', code: null }, timedOut: false, nodeVersion: '20.19.0' },
};

const launchCases = {
  clean: { code: 0, signal: null, output: '' },
  suid: { code: null, signal: 'SIGTRAP', output: '[1:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly.' },
  noDisplay: { code: 1, signal: null, output: 'Missing X server or $DISPLAY\n' },
  library: { code: 127, signal: null, output: 'electron: error while loading shared libraries: libnss3.so: cannot open shared object file' },
  killed: { code: null, signal: 'SIGSEGV', output: '' },
  other: { code: 3, signal: null, output: '\n  App threw an error during load\nmore' },
};

beforeAll(async () => {
  overrideDir = await mkdtemp(join(tmpdir(), 'switchboard-electron-dist-'));
  await writeFile(join(overrideDir, 'electron'), '');
  const program = `
    const m = await import(${JSON.stringify(scriptUrl)});
    const cases = ${JSON.stringify(cases)};
    const results = {};
    for (const c of cases) {
      let probed = false;
      const choice = await m.chooseLauncher({ ...c, probe: async () => { probed = true; return c.found; } });
      results[c.name] = { choice, probed };
    }
    const map = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
    const pure = {
      download: map(${JSON.stringify(downloadCases)}, (c) => m.describeDownloadFailure(c)),
      launch: map(${JSON.stringify(launchCases)}, (c) => m.classifyLaunchFailure(c)),
      sandbox: {
        ubuntu24: m.sandboxArgs({ platform: 'linux', uid: 1000, userNamespaces: 'restricted', helperReady: false }),
        ubuntu24SuidHelper: m.sandboxArgs({ platform: 'linux', uid: 1000, userNamespaces: 'restricted', helperReady: true }),
        fedora: m.sandboxArgs({ platform: 'linux', uid: 1000, userNamespaces: 'available', helperReady: false }),
        noUnshare: m.sandboxArgs({ platform: 'linux', uid: 1000, userNamespaces: 'unknown', helperReady: false }),
        root: m.sandboxArgs({ platform: 'linux', uid: 0, userNamespaces: 'available', helperReady: false }),
        mac: m.sandboxArgs({ platform: 'darwin', uid: 501, userNamespaces: 'restricted', helperReady: false }),
      },
      node: ['20.19.0', 'v22.11.0', '22.12.0', '22.13.1', '24.0.0'].map((v) => m.nodeMeetsDesktopMinimum(v)),
      progress: [
        m.progressLine('45.5.0', { percent: 0.423, transferred: 52428800, total: 123731968 }),
        m.progressLine('45.5.0', { percent: 0, transferred: 1048576, total: null }),
      ],
    };
    const binary = {
      withOverride: m.electronBinaryPath({ ELECTRON_OVERRIDE_DIST_PATH: ${JSON.stringify(overrideDir)} }),
      withoutOverride: m.electronBinaryPath({}),
    };
    process.stdout.write(JSON.stringify({ results, binary, pure }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program], { cwd: root });
  const parsed = JSON.parse(stdout) as { results: typeof results; binary: typeof binaryProbe; pure: typeof pure };
  results = parsed.results;
  binaryProbe = parsed.binary;
  pure = parsed.pure;

  // The real downloader against a mirror that refuses connections, with an empty cache: the failure
  // comes back with its own code and reads as what it is.
  const cache = join(overrideDir, 'cache');
  // a port nothing listens on (fetch refuses some well-known ports outright, so not a fixed low one)
  const closed = await new Promise<number>((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
  const helper = await run(process.execPath, [join(root, 'scripts', 'electron-download.mjs')], {
    cwd: root,
    env: { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${closed}/`, electron_config_cache: cache, ELECTRON_GET_USE_PROXY: '' },
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const line = helper.stdout.split('\n').filter(Boolean).at(-1) ?? '';
  const describe2 = await run(process.execPath, ['--input-type=module', '-e', `
    const m = await import(${JSON.stringify(scriptUrl)});
    const message = JSON.parse(${JSON.stringify(line)});
    process.stdout.write(m.describeDownloadFailure({ error: message.error ?? null, timedOut: false, nodeVersion: 'v22.12.0' }));
  `], { cwd: root });
  downloader = { line, failure: describe2.stdout };
}, 60_000);

afterAll(async () => {
  await rm(overrideDir, { recursive: true, force: true });
});

describe('npm start: Electron or the headless gateway', () => {
  it('without a display on Linux: one line, headless, and no download attempt', () => {
    expect(results['linux-no-display']).toEqual({
      choice: { kind: 'headless', line: 'no display available (DISPLAY and WAYLAND_DISPLAY are unset); running the headless gateway instead' },
      probed: false,
    });
  });

  it('with a display and the binary: Electron (X11 or Wayland)', () => {
    expect(results['linux-x11-binary']?.choice).toEqual({ kind: 'electron', binary: '/e/electron' });
    expect(results['linux-wayland-binary']?.choice).toEqual({ kind: 'electron', binary: '/e/electron' });
  });

  it('with a display but no binary: says which failure kept the download from producing it', () => {
    expect(results['linux-x11-no-binary']).toEqual({
      choice: {
        kind: 'headless',
        line: 'Electron binary not available (download blocked: cannot resolve github.com (offline, or DNS is blocked)); running the headless gateway instead',
      },
      probed: true,
    });
  });

  it('macOS and Windows always have a display', () => {
    expect(results['mac-binary']?.choice).toEqual({ kind: 'electron', binary: '/e/Electron.app' });
    expect(results['win-no-package']?.choice).toEqual({ kind: 'headless', line: 'the electron package is not installed; running the headless gateway instead' });
  });

  it('--headless wins without probing', () => {
    expect(results.forced).toEqual({ choice: { kind: 'headless', line: '--headless given; running the headless gateway instead' }, probed: false });
  });

  it('finds the binary the way the electron package does (ELECTRON_OVERRIDE_DIST_PATH, else dist/ + path.txt)', () => {
    expect(binaryProbe.withOverride).toMatchObject({ path: join(overrideDir, 'electron') });
    const without = binaryProbe.withoutOverride as { path: string | null; pkgDir: string | null };
    expect(without.pkgDir).toBe(join(root, 'node_modules', 'electron'));
    // Here the download is blocked, so there is no binary; where it exists the path must point at it.
    if (without.path !== null) expect(without.path.startsWith(join(root, 'node_modules', 'electron', 'dist'))).toBe(true);
  });
});

describe('npm start: which failure it was', () => {
  it('names each download failure: DNS, a refused connection, an HTTP status, a checksum, the disk, the time limit, an old Node', () => {
    expect(pure.download).toEqual({
      dns: 'download blocked: cannot resolve github.com (offline, or DNS is blocked)',
      refused: 'download blocked: ECONNREFUSED (a firewall or proxy? set HTTPS_PROXY, or ELECTRON_MIRROR for a mirror)',
      http: 'download failed: the server answered HTTP 404',
      checksum: 'download corrupted: the checksum does not match',
      disk: "cannot write Electron's download cache (ENOSPC)",
      timeout: 'the download did not finish within 180 s',
      oldNodeModule: "Electron 45's installer needs Node >= 22.12.0, this is v20.18.0",
      oldNodeOther: "download failed: something odd (Electron 45's installer needs Node >= 22.12.0, this is v20.19.0)",
    });
  });

  it('the real downloader, refused by the mirror, reports the code that tells the failure apart', () => {
    expect(downloader.line).toMatch(/^\{"error":/);
    expect(downloader.failure).toBe('download blocked: ECONNREFUSED (a firewall or proxy? set HTTPS_PROXY, or ELECTRON_MIRROR for a mirror)');
  });

  it('shows download progress in percent and megabytes', () => {
    expect(pure.progress).toEqual(['Downloading Electron 45.5.0: 42% (50 of 118 MB)', 'Downloading Electron 45.5.0: 0% (1 MB)']);
  });

  it('the desktop app needs Node >= 22.12 (Electron 45 and @electron/get); the gateway alone runs on 20.19', () => {
    expect(pure.node).toEqual([false, false, true, true, true]);
  });

  it('Linux with user namespaces restricted (AppArmor) and no SUID helper: --no-sandbox, said in one line', () => {
    const sandbox = pure.sandbox as Record<string, { args: string[]; line: string | null }>;
    expect(sandbox.ubuntu24?.args).toEqual(['--no-sandbox']);
    expect(sandbox.ubuntu24?.line).toMatch(/user namespaces are restricted here \(AppArmor, Ubuntu 24\.04\+\)/);
    for (const name of ['ubuntu24SuidHelper', 'fedora', 'noUnshare', 'mac']) expect(sandbox[name], name).toEqual({ args: [], line: null });
    expect(sandbox.root).toEqual({ args: ['--no-sandbox'], line: null });
  });

  it('tells launch failures apart: the sandbox (retried without it), no display, a missing library, a crash', () => {
    expect(pure.launch).toEqual({
      clean: null,
      suid: { kind: 'sandbox', reason: "Chromium's sandbox cannot start (user namespaces restricted, e.g. AppArmor on Ubuntu 24.04+)" },
      noDisplay: { kind: 'display', reason: 'Electron cannot open the display' },
      library: { kind: 'libraries', reason: 'a system library Electron needs is missing (libnss3.so)' },
      killed: { kind: 'crash', reason: 'Electron was killed by SIGSEGV' },
      other: { kind: 'other', reason: 'Electron exited with code 3: App threw an error during load' },
    });
  });
});
