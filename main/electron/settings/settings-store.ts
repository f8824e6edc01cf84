// Opens the settings store (electron-store in the app, conf in tests: both take the same options) and
// keeps a broken file from stopping the app: an unreadable settings.json is set aside, not deleted, and
// the app starts with defaults.
import type { Logger } from 'pino';
import { SETTINGS_AJV_OPTIONS, toStoreMigrations, type MigratableStore } from './settings-migrations';
import { SETTINGS_DEFAULTS, SETTINGS_FILE_NAME, SETTINGS_KEYS, SETTINGS_SCHEMA, type AppSettings } from './settings-schema';

/** The options we give electron-store; a test factory maps them onto conf. */
export interface StoreOptions {
  name: string;
  schema: typeof SETTINGS_SCHEMA;
  defaults: AppSettings;
  migrations: Record<string, (store: MigratableStore) => void>;
  ajvOptions: typeof SETTINGS_AJV_OPTIONS;
  /** false: a broken file is an error we handle (set aside), not silently emptied */
  clearInvalidConfig: false;
}

/** The slice of electron-store's API we use. */
export interface StoreLike {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

export interface SettingsAccess {
  readonly path: string;
  get(): AppSettings;
  set<K extends keyof AppSettings>(key: K, value: AppSettings[K]): void;
}

export interface OpenSettingsOptions {
  createStore(options: StoreOptions): StoreLike;
  /** where the store file lives, to set it aside when it cannot be read */
  filePath: string;
  renameFile(from: string, to: string): void;
  now(): number;
  logger?: Pick<Logger, 'warn'>;
}

export interface OpenedSettings {
  settings: SettingsAccess;
  /** set when the old file could not be read: where it was moved */
  setAsideTo: string | null;
}

export function settingsStoreOptions(): StoreOptions {
  return {
    name: SETTINGS_FILE_NAME,
    schema: SETTINGS_SCHEMA,
    defaults: SETTINGS_DEFAULTS,
    migrations: toStoreMigrations(),
    ajvOptions: SETTINGS_AJV_OPTIONS,
    clearInvalidConfig: false,
  };
}

export function openSettings(options: OpenSettingsOptions): OpenedSettings {
  let setAsideTo: string | null = null;
  let store: StoreLike;
  try {
    store = options.createStore(settingsStoreOptions());
  } catch (error) {
    setAsideTo = `${options.filePath}.unreadable-${options.now()}`;
    options.renameFile(options.filePath, setAsideTo);
    options.logger?.warn(
      { file: options.filePath, setAsideTo, error: error instanceof Error ? error.message : String(error) },
      'settings file unreadable; set aside, starting with defaults',
    );
    store = options.createStore(settingsStoreOptions());
  }
  return { settings: wrap(store), setAsideTo };
}

function wrap(store: StoreLike): SettingsAccess {
  return {
    path: store.path,
    get() {
      const data = store.store;
      const out = { ...SETTINGS_DEFAULTS };
      for (const key of SETTINGS_KEYS) {
        if (data[key] !== undefined) (out as Record<string, unknown>)[key] = data[key];
      }
      return out;
    },
    set(key, value) {
      store.set(key, value);
    },
  };
}
