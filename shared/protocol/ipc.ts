// What the Electron preload exposes to the dashboard as `window.switchboard` (contextBridge). In a
// plain browser it is absent and the dashboard takes the admin token from the URL fragment instead.

export interface SwitchboardBridge {
  /** base URL of the admin API, e.g. http://127.0.0.1:8765 */
  readonly adminUrl: string;
  readonly adminToken: string;
  readonly platform: string;
  /** opens an http(s) URL in the system browser */
  openExternal(url: string): Promise<void>;
  openLogsFolder(): Promise<void>;
  openConfigFile(): Promise<void>;
  setStartAtLogin(enabled: boolean): Promise<void>;
  quit(): Promise<void>;
  /** provider keys stored in the app (names and fingerprints only; values never come back) */
  listProviderKeys(): Promise<ProviderKeyInfo[]>;
  /** stores the key encrypted with the OS keychain and restarts the gateway so it takes effect */
  setProviderKey(name: string, value: string): Promise<ProviderKeyInfo>;
  deleteProviderKey(name: string): Promise<void>;
  /** whether encrypted storage is available here (Linux without a keyring: not) */
  providerKeyStorage(): Promise<ProviderKeyStorage>;
}

/** A provider key the app stores, by its environment variable name (ANTHROPIC_API_KEY, …). */
export interface ProviderKeyInfo {
  name: string;
  /** '' when unreadable */
  fingerprint: string;
  /** stored, but the OS keychain can no longer decrypt it (keychain reset, another user): enter it again */
  unreadable?: boolean;
}

export interface ProviderKeyStorage {
  available: boolean;
  reason: string | null;
}

/** Names the app stores keys under: environment-variable style, ending in _API_KEY, _KEY or _TOKEN. */
export const PROVIDER_KEY_NAME = /^(?=.{2,64}$)[A-Z][A-Z0-9_]*_(API_KEY|KEY|TOKEN)$/;

/** The variables the app offers to store; others can be typed in. */
export const KNOWN_PROVIDER_KEYS = [
  'ANTHROPIC_API_KEY',
  'OPENAI_API_KEY',
  'GEMINI_API_KEY',
  'OPENROUTER_API_KEY',
  'SUPERMEMORY_API_KEY',
] as const;

export const BRIDGE_GLOBAL = 'switchboard';

export const IPC_CHANNELS = {
  getBootstrap: 'switchboard:get-bootstrap',
  openExternal: 'switchboard:open-external',
  openLogsFolder: 'switchboard:open-logs-folder',
  openConfigFile: 'switchboard:open-config-file',
  setStartAtLogin: 'switchboard:set-start-at-login',
  quit: 'switchboard:quit',
  listProviderKeys: 'switchboard:list-provider-keys',
  setProviderKey: 'switchboard:set-provider-key',
  deleteProviderKey: 'switchboard:delete-provider-key',
  providerKeyStorage: 'switchboard:provider-key-storage',
} as const;

/** Answer of IPC_CHANNELS.getBootstrap (sync), read once by the preload. */
export interface BridgeBootstrap {
  adminUrl: string;
  adminToken: string;
  platform: string;
}
