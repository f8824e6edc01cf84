// electron-builder.yml by its effects: electron-builder's own schema accepts it; the `files` patterns,
// applied to the real build output and the real repo, pack the bundles the app starts from and nothing
// else (no sources, no node_modules, no source maps); every icon it names exists, in the form its
// platform needs, after scripts/icons.mjs (the step `npm run dist` runs before electron-builder); the
// values a user's install depends on resolve as intended (mac architectures and ad-hoc signing, tray-only
// Dock behaviour, the app id the Windows shell matches notifications by). A real Linux build:
// packaging.test.ts.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, DESKTOP_FILE_NAME } from '../../../main/electron/app-identity';

const root = resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  extraMetadata: { main: string };
  linux: { target: string[]; icon: string };
  appId: string;
  mac: { target: Array<{ target: string; arch: string[] }>; icon: string; identity: string | null; hardenedRuntime: boolean; extendInfo: Record<string, unknown> };
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
  directories: { buildResources: string; output: string };
};
// electron-builder's schema uses its own annotations; strict mode would reject them, not our config.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** electron-builder's rule for `files`: in order, a matching pattern includes, a matching `!pattern` excludes. */
function packed(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

function walk(dir: string, limit = 4000): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (out.length >= limit) return;
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(relative(root, full));
    }
  };
  if (existsSync(dir)) visit(dir);
  return out;
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s configuration schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([
    ['an unknown key', { ...config, asarr: true }],
    ['a wrong type', { ...config, asar: 'yes' }],
    ['a bad target list', { ...config, linux: { ...config.linux, target: 42 } }],
  ])('control: the schema rejects %s', (_name, broken) => {
    expect(validate(broken)).toBe(false);
  });

  it('packs what the app starts from: the main entry, its preload and the dashboard, from the real build output', () => {
    // `npm test` builds first; the bundles must exist for this to say anything
    const main = config.extraMetadata.main;
    expect(existsSync(join(root, main)), `${main} is built`).toBe(true);
    expect(packed(main)).toBe(true);
    expect(packed('package.json')).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(packed(pkg.main)).toBe(true);
    const built = [...walk(join(root, 'dist', 'electron')), ...walk(join(root, 'dist', 'renderer'))];
    expect(built.some((f) => f.endsWith('preload.cjs'))).toBe(true);
    expect(built.some((f) => f.endsWith('index.html'))).toBe(true);
    for (const file of built) expect(packed(file), file).toBe(!file.endsWith('.map'));
  });

  it('packs no sources, no node_modules, no source maps, no tests, no other build output', () => {
    const elsewhere = [
      ...walk(join(root, 'main'), 500),
      ...walk(join(root, 'shared'), 200),
      ...walk(join(root, 'renderer', 'src'), 200),
      ...walk(join(root, 'test', 'unit'), 200),
      ...walk(join(root, 'node_modules', 'express'), 100),
      ...walk(join(root, 'dist', 'node'), 100),
      ...walk(join(root, 'dist', 'bench'), 100),
    ];
    expect(elsewhere.length).toBeGreaterThan(100);
    const leaks = elsewhere.filter(packed);
    expect(leaks).toEqual([]);
    expect(packed('dist/electron/main.cjs.map')).toBe(false);
  });

  it('macOS: a dmg for Apple Silicon and one for Intel, signed ad hoc (not skipped), tray-only (no Dock icon)', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    // "-" is electron-builder's opt-in to ad-hoc signing; unset skips signing and an unsigned arm64 app
    // whose Info.plist was edited reads as "damaged". Ad hoc cannot carry the hardened runtime.
    expect(config.mac.identity).toBe('-');
    expect(config.mac.hardenedRuntime).toBe(false);
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
  });

  it('package.json carries what the Linux packages need: a homepage (the deb refuses to build without one), a repository, the desktop file name', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage?: string; repository?: { url?: string }; desktopName?: string; author?: { email?: string } };
    expect(pkg.homepage).toMatch(/^https:\/\/\S+$/);
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/\S+\.git$/);
    expect(pkg.desktopName).toBe(DESKTOP_FILE_NAME);
    expect(pkg.author?.email).toContain('@');
    // the window class the desktop entries declare is the desktop file's name
    const linux = config.linux as unknown as { executableName: string; desktop: { entry: { StartupWMClass: string } } };
    expect(`${linux.executableName}.desktop`).toBe(DESKTOP_FILE_NAME);
    expect(linux.desktop.entry.StartupWMClass).toBe(DESKTOP_FILE_NAME.replace(/\.desktop$/, ''));
  });

  it('fuses: the packaged app cannot be turned into a general Node runtime and loads only its own app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('Windows: the app id the app registers as its AppUserModelId is the one the installer gives its shortcut', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  describe('icons', () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'sb-builder-icons-'));
      await promisify(execFile)(process.execPath, [join(root, 'scripts', 'icons.mjs'), '--out', out, '--quiet']);
    });
    afterAll(() => rm(out, { recursive: true, force: true }));

    const pngSize = (file: string) => {
      const bytes = readFileSync(file);
      expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    };

    it('every icon the config names exists after scripts/icons.mjs, in electron-builder’s expected form', () => {
      // macOS needs a 512+ px source for its icns
      const size = pngSize(join(out, config.mac.icon));
      expect(size.width).toBeGreaterThanOrEqual(512);
      expect(size.height).toBe(size.width);
      // Windows takes an .ico whose largest picture is 256 px (0 in the directory means 256)
      expect(config.win.icon.endsWith('.ico')).toBe(true);
      const ico = readFileSync(join(out, config.win.icon));
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
      const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, n) => ico[6 + n * 16] || 256);
      expect(Math.max(...widths)).toBe(256);
      // Linux takes a folder of <N>x<N>.png
      const folder = join(out, config.linux.icon);
      expect(statSync(folder).isDirectory()).toBe(true);
      const names = readdirSync(folder);
      expect(names).toContain('512x512.png');
      for (const name of names) {
        const n = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
        expect(pngSize(join(folder, name))).toEqual({ width: n, height: n });
      }
    });
  });
});
