// A real electron-builder run for Linux (deb + AppImage) against a stand-in Electron folder
// (`electronDist`: a script carrying Electron's fuse sentinel, since the binary cannot be downloaded
// here), in a temp copy of the project. It stops only where fpm or appimagetool would be downloaded
// (fixtures/run-electron-builder.mjs), so `npm run dist`'s metadata checks, the asar, the fuses, the
// icons and the desktop entries are the ones a real build produces. The control removes `homepage`
// and `repository` from package.json and expects electron-builder's own refusal of the deb.
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's default fuse wire (runAsNode, cookieEncryption, nodeOptions, nodeCliInspect,
// embeddedAsarIntegrity, onlyLoadAppFromAsar, browserV8Snapshot, grantFileProtocol, wasmTrapHandlers).
const DEFAULT_WIRE = '101100010';
const SLOW_MS = 240_000;

interface BuilderResult {
  ok: boolean;
  message?: string;
  deb: { args: string[]; desktop: string } | null;
  appImage: { desktop: string; desktopFileName: string } | null;
}

interface Pkg {
  name: string;
  main: string;
  homepage?: string;
  repository?: unknown;
  desktopName?: string;
}

let work: string;
let real: BuilderResult;
let withoutHomepage: BuilderResult;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Pkg;

async function project(name: string, packageJson: object): Promise<string> {
  const dir = join(work, name);
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
  await cp(join(root, 'electron-builder.yml'), join(dir, 'electron-builder.yml'));
  // the build output `npm run dist` packs (npm test builds it first), and the icons its dist step makes
  await cp(join(root, 'dist', 'electron'), join(dir, 'dist', 'electron'), { recursive: true });
  if (existsSync(join(root, 'dist', 'renderer'))) await cp(join(root, 'dist', 'renderer'), join(dir, 'dist', 'renderer'), { recursive: true });
  await run(process.execPath, [join(root, 'scripts', 'icons.mjs'), '--out', dir, '--quiet']);
  // electron-builder looks for the project's dependencies (none are packed: the bundles carry them)
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

async function builder(projectDir: string, out: string, electronDist: string): Promise<BuilderResult> {
  const { stdout } = await run(
    process.execPath,
    [join(__dirname, 'fixtures', 'run-electron-builder.mjs'), projectDir, join(projectDir, 'electron-builder.yml'), electronDist, out],
    { cwd: projectDir, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  const line = stdout.split('\n').filter((l) => l.startsWith('{"ok"')).at(-1);
  if (!line) throw new Error(`electron-builder printed no result:\n${stdout.slice(-2000)}`);
  return JSON.parse(line) as BuilderResult;
}

function fuseWire(binary: Buffer): string {
  const at = binary.indexOf(SENTINEL);
  const length = binary[at + SENTINEL.length + 1] ?? 0;
  return binary.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length).toString('latin1');
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'switchboard-packaging-'));
  const electronDist = join(work, 'electron-dist');
  await mkdir(join(electronDist, 'resources'), { recursive: true });
  const binary = Buffer.concat([Buffer.from(`#!/bin/sh\nexit 0\n# ${SENTINEL}`), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(`${DEFAULT_WIRE}\n`)]);
  await writeFile(join(electronDist, 'electron'), binary);
  await chmod(join(electronDist, 'electron'), 0o755);
  for (const file of ['LICENSE', 'LICENSES.chromium.html', 'chrome-sandbox']) await writeFile(join(electronDist, file), '');
  await writeFile(join(electronDist, 'version'), 'v45.5.0');

  const realProject = await project('real', pkg);
  const { homepage: _h, repository: _r, ...bare } = pkg;
  const bareProject = await project('no-homepage', bare);
  real = await builder(realProject, join(work, 'out-real'), electronDist);
  withoutHomepage = await builder(bareProject, join(work, 'out-bare'), electronDist);
}, SLOW_MS);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run dist for Linux (electron-builder against a stand-in Electron)', () => {
  it('builds the deb and the AppImage up to their packaging tools; the deb carries the homepage', () => {
    expect(real.message).toBeUndefined();
    expect(real.ok).toBe(true);
    const args = real.deb?.args ?? [];
    expect(args[args.indexOf('--url') + 1]).toBe(pkg.homepage);
    expect(args[args.indexOf('--name') + 1]).toBe('switchboard');
    expect(real.appImage).not.toBeNull();
  });

  it('control: without homepage and repository electron-builder refuses the deb', () => {
    expect(withoutHomepage.ok).toBe(false);
    expect(withoutHomepage.message).toContain('Please specify project homepage');
  });

  it('packs the bundles, the tray icons of every size and the dashboard into app.asar, and nothing else', async () => {
    const { listPackage } = (await import('@electron/asar')) as { listPackage(path: string, options: object): string[] };
    const asar = join(work, 'out-real', 'linux-unpacked', 'resources', 'app.asar');
    const files = listPackage(asar, {}).map((f) => f.replace(/\\/g, '/'));
    for (const file of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/tray/sdk.png', '/dist/electron/tray/sdk-24.png', '/dist/electron/tray/sdk@1.25x.png', '/dist/electron/tray/errorTemplate@2x.png']) {
      expect(files, file).toContain(file);
    }
    if (existsSync(join(root, 'dist', 'renderer', 'index.html'))) expect(files).toContain('/dist/renderer/index.html');
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('/node_modules') || f.startsWith('/main/') || f.startsWith('/test/'))).toEqual([]);
  });

  it('the packaged package.json names the entry, the homepage and the desktop file name', async () => {
    const { extractFile } = (await import('@electron/asar')) as { extractFile(path: string, file: string): Buffer };
    const asar = join(work, 'out-real', 'linux-unpacked', 'resources', 'app.asar');
    const packaged = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Pkg;
    expect(packaged.main).toBe('dist/electron/main.cjs');
    expect(packaged.homepage).toBe(pkg.homepage);
    expect(packaged.desktopName).toBe('switchboard.desktop');
  });

  it('flips the fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; only an integrity-checked app.asar loads', async () => {
    const wire = fuseWire(await readFile(join(work, 'out-real', 'linux-unpacked', 'switchboard')));
    expect(wire).not.toBe(DEFAULT_WIRE);
    expect({
      runAsNode: wire[0],
      nodeOptions: wire[2],
      nodeCliInspect: wire[3],
      asarIntegrity: wire[4],
      onlyLoadAppFromAsar: wire[5],
      grantFileProtocolExtraPrivileges: wire[7],
    }).toEqual({ runAsNode: '0', nodeOptions: '0', nodeCliInspect: '0', asarIntegrity: '1', onlyLoadAppFromAsar: '1', grantFileProtocolExtraPrivileges: '0' });
  });

  it('desktop entries: switchboard.desktop, matching the window class Electron gets from desktopName', () => {
    const wmClass = (pkg.desktopName ?? '').replace(/\.desktop$/, '');
    expect(wmClass).toBe('switchboard');
    expect(real.deb?.desktop).toContain(`StartupWMClass=${wmClass}\n`);
    expect(real.deb?.desktop).toContain('Exec=/opt/Switchboard/switchboard %U\n');
    expect(real.deb?.desktop).toContain('Icon=switchboard\n');
    expect(real.deb?.args.some((arg) => arg.endsWith(`=/usr/share/applications/${pkg.desktopName}`))).toBe(true);
    expect(real.deb?.args.some((arg) => arg.endsWith('=/usr/share/icons/hicolor/512x512/apps/switchboard.png'))).toBe(true);
    expect(real.appImage?.desktopFileName).toBe(pkg.desktopName);
    expect(real.appImage?.desktop).toContain(`StartupWMClass=${wmClass}\n`);
  });

  it('the AppImage launcher adds --no-sandbox only where user namespaces are restricted (Ubuntu 24.04+ AppArmor)', async () => {
    // electron-builder 26.17's AppRun probes `unshare -Ur true`; an older electron-builder would leave
    // the AppImage aborting on the SUID sandbox helper it cannot have (nosuid mount).
    const util = (await import(join(root, 'node_modules', 'app-builder-lib', 'out', 'targets', 'appimage', 'appImageUtil.js'))) as {
      generateAppRunScript(config: Record<string, string>): string;
    };
    const script = util.generateAppRunScript({ DesktopFileName: 'switchboard.desktop', ExecutableName: 'switchboard', ProductName: 'Switchboard', ProductFilename: 'Switchboard', ResourceName: 'appimagekit-switchboard' });
    expect(script).toMatch(/! unshare -Ur true .*\n\s*NO_SANDBOX=\(--no-sandbox\)/);
  });
});
