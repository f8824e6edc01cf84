// Settings migrations as pure functions over the stored object, keyed by the app version that introduced
// them (electron-store runs each one once, in order, when the app version passes it). A migration
// never throws on odd input: a settings file the app cannot read would keep the tray app from starting.
import { Ajv2020 } from 'ajv/dist/2020';
import { SETTINGS_DEFAULTS, SETTINGS_KEYS, SETTINGS_SCHEMA } from './settings-schema';

export type SettingsData = Record<string, unknown>;

export interface SettingsMigration {
  /** semver of the app release that first needs it */
  version: string;
  description: string;
  migrate(data: SettingsData): SettingsData;
}

/** ajv options for the settings schema (union types like ['integer', 'null'] need allowUnionTypes). */
export const SETTINGS_AJV_OPTIONS = { allowUnionTypes: true } as const;

/** The design notes and the Python setup we replace call the modes "in-process" and "legacy"; a
 * hand-edited settings file may use those names. */
const MODE_ALIASES: Record<string, string> = { 'in-process': 'sdk', inprocess: 'sdk', legacy: 'binary', litellm: 'binary' };

export function normalizeModeNames(data: SettingsData): SettingsData {
  const mode = data.mode;
  if (typeof mode !== 'string') return data;
  const alias = MODE_ALIASES[mode.trim().toLowerCase()];
  return alias ? { ...data, mode: alias } : data;
}

/**
 * Replaces each known setting that fails its schema (a hand edit, a value from a newer or older build)
 * with its default, keeping every valid one. Unknown keys are left alone for a newer version to read.
 */
export function resetInvalidSettings(data: SettingsData): SettingsData {
  // Compiled per call: migrations run once per version bump, and no validator cache outlives them.
  const ajv = new Ajv2020({ ...SETTINGS_AJV_OPTIONS, strict: true });
  const out: SettingsData = { ...data };
  for (const key of SETTINGS_KEYS) {
    if (!(key in out)) continue;
    if (!ajv.validate(SETTINGS_SCHEMA[key], out[key])) out[key] = SETTINGS_DEFAULTS[key];
  }
  return out;
}

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    version: '0.1.0',
    description: 'mode names "in-process"/"legacy" become "sdk"/"binary"; invalid values reset to defaults',
    migrate: (data) => resetInvalidSettings(normalizeModeNames(data)),
  },
];

/** The shape electron-store (conf) passes to a migration: the store, whose `store` getter/setter is the whole object. */
export interface MigratableStore {
  store: SettingsData;
}

const INTERNAL_KEY = '__internal__';

/** Adapts the pure migrations to electron-store's `migrations` option. */
export function toStoreMigrations(
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): Record<string, (store: MigratableStore) => void> {
  const out: Record<string, (store: MigratableStore) => void> = {};
  for (const migration of migrations) {
    out[migration.version] = (store) => {
      // conf keeps its bookkeeping under __internal__; migrations see and return only our keys.
      const { [INTERNAL_KEY]: internal, ...data } = store.store;
      const next = migration.migrate(data);
      store.store = internal === undefined ? next : { ...next, [INTERNAL_KEY]: internal };
    };
  }
  return out;
}
