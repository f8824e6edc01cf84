// The app's own settings (electron-store, <userData>/settings.json): the desktop-only choices. Everything
// about the gateway itself lives in the user's config.yaml; `port` and `configPath` here are overrides the
// app passes to loadConfig as flags.
import type { Mode } from '../../../shared/protocol/records';

export interface WindowBoundsSetting {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface AppSettings {
  /** port override; null = the config file's port (default 8765) */
  port: number | null;
  /** the mode the gateway last ran in; the tray shows it while the gateway is down. The core keeps the
   * authoritative choice (its persisted mode), so this is not passed to loadConfig. */
  mode: Mode;
  startAtLogin: boolean;
  windowBounds: WindowBoundsSetting | null;
  /** config.yaml override; null = SWITCHBOARD_CONFIG or <dataDir>/config.yaml */
  configPath: string | null;
}

export const SETTINGS_DEFAULTS: AppSettings = {
  port: null,
  mode: 'sdk',
  startAtLogin: false,
  windowBounds: null,
  configPath: null,
};

/** electron-store's `schema` option: the `properties` of a JSON Schema (draft 2020-12, validated by ajv). */
export const SETTINGS_SCHEMA = {
  port: {
    type: ['integer', 'null'],
    minimum: 1,
    maximum: 65535,
    default: null,
  },
  mode: { enum: ['sdk', 'binary'], default: 'sdk' },
  startAtLogin: { type: 'boolean', default: false },
  windowBounds: {
    type: ['object', 'null'],
    properties: {
      x: { type: 'integer' },
      y: { type: 'integer' },
      width: { type: 'integer', minimum: 200, maximum: 16384 },
      height: { type: 'integer', minimum: 150, maximum: 16384 },
    },
    required: ['width', 'height'],
    additionalProperties: false,
    default: null,
  },
  configPath: { type: ['string', 'null'], minLength: 1, maxLength: 4096, default: null },
} as const;

export type SettingsKey = keyof AppSettings;

export const SETTINGS_KEYS = Object.keys(SETTINGS_DEFAULTS) as SettingsKey[];

/** The store file's name (without .json) under Electron's userData folder. */
export const SETTINGS_FILE_NAME = 'settings';
