// electron-builder.yml against electron-builder's own JSON schema (app-builder-lib/scheme.json), plus the
// choices the issue asks for: app id, asar, the bundles only, the four targets, icons from build resources.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  directories: { buildResources: string; output: string };
};
// electron-builder's schema uses its own annotations; strict mode would reject them, not our config.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

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

  it('names the app and packs it in asar', () => {
    expect(config).toMatchObject({ appId: 'dev.switchboard.app', productName: 'Switchboard', asar: true });
    expect(config.extraMetadata).toEqual({ main: 'dist/electron/main.cjs' });
  });

  it('ships the main and renderer bundles only (no sources, no node_modules, no source maps)', () => {
    const includes = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(includes.sort()).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(config.files).toContain('!node_modules/**');
    expect(config.files).toContain('!dist/electron/**/*.map');
  });

  it('builds AppImage + deb, dmg and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('takes every icon from what scripts/icons.mjs writes into buildResources', () => {
    const resources = config.directories.buildResources;
    expect(resources).toBe('dist/build-resources');
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(icon.startsWith(`${resources}/`)).toBe(true);
    const script = readFileSync(join(root, 'scripts', 'icons.mjs'), 'utf8');
    expect(script).toContain("join(out, 'dist', 'build-resources')");
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.scripts.dist).toContain('scripts/icons.mjs');
    expect(pkg.scripts.dist).toContain('--config electron-builder.yml');
  });
});
