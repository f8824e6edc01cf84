// Settings schema and migrations as data and pure functions (ajv, draft 2020-12 like electron-store), then
// through conf: the store electron-store is a thin subclass of, with the same options, in a temp folder.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  normalizeModeNames,
  resetInvalidSettings,
  SETTINGS_AJV_OPTIONS,
  SETTINGS_MIGRATIONS,
  toStoreMigrations,
} from '../../../main/electron/settings/settings-migrations';
import { SETTINGS_DEFAULTS, SETTINGS_KEYS, SETTINGS_SCHEMA } from '../../../main/electron/settings/settings-schema';
import { openSettings, type StoreLike, type StoreOptions } from '../../../main/electron/settings/settings-store';

const rootSchema = { type: 'object', properties: SETTINGS_SCHEMA } as const;

function compile() {
  const warnings: unknown[] = [];
  const ajv = new Ajv2020({
    ...SETTINGS_AJV_OPTIONS,
    strict: true,
    logger: { log: () => undefined, warn: (...args: unknown[]) => warnings.push(args), error: (...args: unknown[]) => warnings.push(args) },
  });
  return { validate: ajv.compile(rootSchema), warnings };
}

// Compiling is the slow part (hundreds of ms on a busy machine): once for the whole file.
const compiled = compile();

describe('settings schema', () => {
  it('compiles in ajv strict mode without warnings and accepts the defaults', () => {
    const { validate, warnings } = compiled;
    expect(validate(SETTINGS_DEFAULTS)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('covers exactly the AppSettings keys, each with the default as its schema default', () => {
    expect(Object.keys(SETTINGS_SCHEMA).sort()).toEqual([...SETTINGS_KEYS].sort());
    for (const key of SETTINGS_KEYS) expect(SETTINGS_SCHEMA[key].default, key).toEqual(SETTINGS_DEFAULTS[key]);
  });

  it.each([
    ['port', 0],
    ['port', 70000],
    ['port', 87.5],
    ['port', '8765'],
    ['mode', 'legacy'],
    ['startAtLogin', 'yes'],
    ['windowBounds', { x: 0, y: 0, width: 10, height: 10 }],
    ['windowBounds', { width: 800 }],
    ['windowBounds', { width: 800, height: 600, maximized: true }],
    ['configPath', ''],
  ])('rejects %s = %j', (key, value) => {
    expect(compiled.validate({ ...SETTINGS_DEFAULTS, [key]: value })).toBe(false);
  });

  it.each([
    ['port', 9000],
    ['port', null],
    ['mode', 'binary'],
    ['windowBounds', { width: 800, height: 600 }],
    ['windowBounds', { x: -1200, y: 40, width: 800, height: 600 }],
    ['configPath', '/home/me/litellm/config.yaml'],
  ])('accepts %s = %j', (key, value) => {
    expect(compiled.validate({ ...SETTINGS_DEFAULTS, [key]: value })).toBe(true);
  });
});

describe('settings migrations (pure)', () => {
  it('are keyed by valid, increasing semver versions', () => {
    const versions = SETTINGS_MIGRATIONS.map((m) => m.version);
    for (const version of versions) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect([...versions].sort()).toEqual(versions);
  });

  it('renames the old mode names', () => {
    expect(normalizeModeNames({ mode: 'in-process' })).toEqual({ mode: 'sdk' });
    expect(normalizeModeNames({ mode: 'Legacy ' })).toEqual({ mode: 'binary' });
    expect(normalizeModeNames({ mode: 'sdk', port: 1 })).toEqual({ mode: 'sdk', port: 1 });
  });

  it('resets only the invalid values and keeps unknown keys for newer versions', () => {
    const input = { port: 'eighty', mode: 'binary', startAtLogin: true, windowBounds: { width: 5 }, futureThing: 1 };
    expect(resetInvalidSettings(input)).toEqual({
      port: null,
      mode: 'binary',
      startAtLogin: true,
      windowBounds: null,
      futureThing: 1,
    });
    expect(input.port).toBe('eighty');
  });

  it('0.1.0 turns a hand-edited file into a valid one', () => {
    const migrated = SETTINGS_MIGRATIONS[0]?.migrate({ mode: 'legacy', port: 99999, configPath: '/c.yaml' });
    expect(migrated).toEqual({ mode: 'binary', port: null, configPath: '/c.yaml' });
    expect(compiled.validate({ ...SETTINGS_DEFAULTS, ...migrated })).toBe(true);
  });

  it('the store adapter keeps conf’s bookkeeping key', () => {
    const store = { store: { mode: 'legacy', __internal__: { migrations: { version: '0.0.9' } } } as Record<string, unknown> };
    toStoreMigrations()['0.1.0']?.(store);
    expect(store.store).toEqual({ mode: 'binary', __internal__: { migrations: { version: '0.0.9' } } });
  });
});

describe('settings store (conf, as electron-store uses it)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const factory = (projectVersion: string) => (options: StoreOptions): StoreLike => {
    const { name, ...rest } = options;
    return new Conf({ ...rest, configName: name, cwd: dir, projectVersion }) as unknown as StoreLike;
  };
  const open = (projectVersion = '0.1.0') =>
    openSettings({ createStore: factory(projectVersion), filePath: join(dir, 'settings.json'), renameFile: renameSync, now: () => 42 });

  it('starts with defaults and persists changes', async () => {
    const { settings } = open();
    expect(settings.get()).toEqual(SETTINGS_DEFAULTS);
    settings.set('port', 9100);
    settings.set('windowBounds', { x: 1, y: 2, width: 900, height: 700 });
    expect(open().settings.get()).toMatchObject({ port: 9100, windowBounds: { x: 1, y: 2, width: 900, height: 700 } });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ port: 9100 });
  });

  it('refuses invalid values at set time', () => {
    const { settings } = open();
    expect(() => settings.set('port', 0)).toThrow(/schema/);
  });

  it('migrates a file written before 0.1.0 when the app version passes it', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ mode: 'legacy', port: 'x', startAtLogin: true, __internal__: { migrations: { version: '0.0.5' } } }));
    const { settings, setAsideTo } = open('0.1.0');
    expect(setAsideTo).toBeNull();
    expect(settings.get()).toMatchObject({ mode: 'binary', port: null, startAtLogin: true });
    const stored = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(stored.__internal__.migrations.version).toBe('0.1.0');
  });

  it('sets an unreadable file aside and starts with defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{ not json');
    const { settings, setAsideTo } = open();
    expect(setAsideTo).toBe(join(dir, 'settings.json.unreadable-42'));
    expect(settings.get()).toEqual(SETTINGS_DEFAULTS);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.unreadable-42']);
    expect(await readFile(join(dir, 'settings.json.unreadable-42'), 'utf8')).toBe('{ not json');
  });
});
