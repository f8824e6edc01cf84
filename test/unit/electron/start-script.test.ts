// scripts/start.mjs decides between the Electron app and the headless gateway. Its exports are exercised
// in a child Node (the script is plain ESM JavaScript); the full `npm start` fallback runs in
// test/e2e/electron-smoke.test.ts.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  found: { path: string | null; pkgDir: string | null };
}

const cases: Case[] = [
  { name: 'linux-no-display', headlessForced: false, platform: 'linux', env: {}, found: { path: '/e/electron', pkgDir: '/e' } },
  { name: 'linux-x11-binary', headlessForced: false, platform: 'linux', env: { DISPLAY: ':0' }, found: { path: '/e/electron', pkgDir: '/e' } },
  { name: 'linux-wayland-binary', headlessForced: false, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, found: { path: '/e/electron', pkgDir: '/e' } },
  { name: 'linux-x11-no-binary', headlessForced: false, platform: 'linux', env: { DISPLAY: ':0' }, found: { path: null, pkgDir: '/e' } },
  { name: 'mac-binary', headlessForced: false, platform: 'darwin', env: {}, found: { path: '/e/Electron.app', pkgDir: '/e' } },
  { name: 'win-no-package', headlessForced: false, platform: 'win32', env: {}, found: { path: null, pkgDir: null } },
  { name: 'forced', headlessForced: true, platform: 'darwin', env: {}, found: { path: '/e/Electron.app', pkgDir: '/e' } },
];

let results: Record<string, { choice: unknown; probed: boolean }>;
let overrideDir: string;
let binaryProbe: { withOverride: unknown; withoutOverride: unknown };

beforeAll(async () => {
  overrideDir = await mkdtemp(join(tmpdir(), 'switchboard-electron-dist-'));
  await writeFile(join(overrideDir, 'electron'), '');
  const program = `
    const m = await import(${JSON.stringify(scriptUrl)});
    const cases = ${JSON.stringify(cases)};
    const results = {};
    for (const c of cases) {
      let probed = false;
      const choice = m.chooseLauncher({ ...c, probe: () => { probed = true; return c.found; } });
      results[c.name] = { choice, probed };
    }
    const binary = {
      withOverride: m.electronBinaryPath({ ELECTRON_OVERRIDE_DIST_PATH: ${JSON.stringify(overrideDir)} }),
      withoutOverride: m.electronBinaryPath({}),
    };
    process.stdout.write(JSON.stringify({ results, binary }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program], { cwd: root });
  const parsed = JSON.parse(stdout) as { results: typeof results; binary: typeof binaryProbe };
  results = parsed.results;
  binaryProbe = parsed.binary;
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

  it('with a display but no binary: says the download was blocked', () => {
    expect(results['linux-x11-no-binary']).toEqual({
      choice: { kind: 'headless', line: 'Electron binary not available (download blocked); running the headless gateway instead' },
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
