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
}

export const BRIDGE_GLOBAL = 'switchboard';

export const IPC_CHANNELS = {
  getBootstrap: 'switchboard:get-bootstrap',
  openExternal: 'switchboard:open-external',
  openLogsFolder: 'switchboard:open-logs-folder',
  openConfigFile: 'switchboard:open-config-file',
  setStartAtLogin: 'switchboard:set-start-at-login',
  quit: 'switchboard:quit',
} as const;

/** Answer of IPC_CHANNELS.getBootstrap (sync), read once by the preload. */
export interface BridgeBootstrap {
  adminUrl: string;
  adminToken: string;
  platform: string;
}
