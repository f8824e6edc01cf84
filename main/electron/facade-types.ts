// The seam between the shell's logic and Electron. Everything the shell does to the desktop goes through
// this facade, so the logic runs (and is tested) in plain Node; electron-facade.ts is the one real
// implementation. These are our own types on purpose: tests may import them without loading 'electron'.
import type { Mode } from '../../shared/protocol/records';

export type TrayIconState = 'sdk' | 'binary' | 'switching' | 'error' | 'stopped';

/** What a tray menu item does when clicked; the menu is data, the shell interprets the action. */
export type TrayAction =
  /** `near`: the tray icon's bounds when the icon itself was clicked (the window opens compact beside it) */
  | { kind: 'open-window'; near?: Bounds }
  | { kind: 'open-cutover' }
  | { kind: 'set-mode'; mode: Mode }
  | { kind: 'rollback' }
  | { kind: 'copy-base-url' }
  | { kind: 'copy-claude-setup' }
  | { kind: 'copy-api-key' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'restart-gateway' }
  | { kind: 'use-port'; port: number }
  | { kind: 'open-logs' }
  | { kind: 'open-config' }
  | { kind: 'set-start-at-login'; enabled: boolean }
  | { kind: 'quit' };

export interface MenuItemSpec {
  /** stable id, for tests and for Electron's Menu.getMenuItemById */
  id: string;
  type: 'normal' | 'separator' | 'checkbox' | 'radio' | 'submenu';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItemSpec[];
  action?: TrayAction;
}

export interface TrayHandle {
  setIcon(state: TrayIconState): void;
  setToolTip(text: string): void;
  setMenu(items: MenuItemSpec[]): void;
  destroy(): void;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowSpec {
  width: number;
  height: number;
  x?: number;
  y?: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    spellcheck: false;
  };
}

/** How the window treats a navigation or window.open to `url` (see window-security.ts). */
export type NavigationDecision = 'allow' | 'open-external' | 'block';

export interface WindowHooks {
  /** the close button: the shell decides whether to hide (tray app) or let it close (quitting) */
  onCloseRequested(preventClose: () => void): void;
  onBoundsChanged(bounds: Bounds): void;
  onClosed(): void;
  decideNavigation(url: string): NavigationDecision;
  openExternal(url: string): void;
}

export interface WindowHandle {
  readonly webContentsId: number;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  hide(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  getBounds(): Bounds;
  close(): void;
  isDestroyed(): boolean;
}

export interface NotificationSpec {
  /** dedupe key: the same id is not shown twice in a row within the notifier's window */
  id: string;
  title: string;
  body: string;
  /** what clicking the notification does */
  action?: TrayAction;
}

/** The slice of Electron's safeStorage the secret store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, i.e. a hard-coded password: not real encryption */
  getSelectedStorageBackend?(): string;
}

/** What an IPC handler learns about its caller: the URL of the frame that sent the message. */
export interface IpcCaller {
  senderUrl: string | null;
}

export interface SessionPolicy {
  /** origin of the dashboard (http://127.0.0.1:<port>); the CSP is added to its responses only */
  dashboardOrigin: string;
  contentSecurityPolicy: string;
  /** whether a page at `requestingUrl` gets a browser permission (requests and checks alike) */
  allowPermission(permission: string, requestingUrl: string | null): boolean;
}

/** What the OS reports about the login item (Electron's getLoginItemSettings, reduced). */
export interface LoginItemSettings {
  openAtLogin: boolean;
  /** macOS 13+: 'enabled' | 'requires-approval' | 'not-registered' | 'not-found' */
  status?: string;
}

/** The program a login item starts: the app itself (path null) or an explicit executable. */
export interface LoginItemLaunch {
  path: string | null;
  args: readonly string[];
}

export interface ElectronFacade {
  readonly platform: NodeJS.Platform;
  readonly argv: readonly string[];
  /** false when run from a checkout by `electron .` (the executable is Electron's, not ours) */
  readonly isPackaged: boolean;
  /** the app folder or app.asar Electron loaded */
  readonly appPath: string;
  readonly execPath: string;

  requestSingleInstanceLock(): boolean;
  onSecondInstance(listener: () => void): void;
  whenReady(): Promise<void>;
  /** Electron's before-quit; preventQuit() keeps the app alive (used while the gateway stops) */
  onBeforeQuit(listener: (preventQuit: () => void) => void): void;
  /** registering it at all stops Electron's default "quit when the last window closes" */
  onWindowAllClosed(listener: () => void): void;
  /** macOS: dock icon clicked */
  onActivate(listener: () => void): void;
  quit(): void;
  exit(code: number): void;
  getVersion(): string;
  getPath(name: 'userData' | 'home'): string;
  wasOpenedAtLogin(): boolean;
  /** Windows: the id notifications are delivered and grouped under (the installer's shortcut carries it) */
  setAppUserModelId(id: string): void;
  /** macOS: a tray app has no Dock icon */
  hideDock(): void;
  /** no File/Edit/View menu bar over the dashboard */
  removeApplicationMenu(): void;
  /**
   * Errors nobody caught, in the main process. Registering a listener replaces Electron's modal
   * "A JavaScript error occurred in the main process" dialog (and the exit) for these.
   */
  onUncaughtError(listener: (kind: 'exception' | 'rejection', error: unknown) => void): void;

  /** `onClick`: a plain (left) click on the icon, where the platform reports one; null leaves it to the menu */
  createTray(state: TrayIconState, toolTip: string, onAction: (action: TrayAction) => void, onClick: ((iconBounds: Bounds | undefined) => void) | null): TrayHandle;
  createWindow(spec: WindowSpec, hooks: WindowHooks): WindowHandle;
  installSessionPolicy(policy: SessionPolicy): void;
  displayWorkAreas(): Bounds[];

  notificationsSupported(): boolean;
  showNotification(spec: NotificationSpec, onClick: () => void): void;

  writeClipboard(text: string): void;
  openExternal(url: string): Promise<void>;
  /** resolves with an error message, '' on success (Electron's shell.openPath contract) */
  openPath(path: string): Promise<string>;

  readonly safeStorage: SafeStorageLike;
  setLoginItem(openAtLogin: boolean, launch: LoginItemLaunch): void;
  getLoginItem(launch: LoginItemLaunch): LoginItemSettings;

  handleIpc(channel: string, handler: (caller: IpcCaller, ...args: unknown[]) => unknown): void;
  handleIpcSync(channel: string, handler: (caller: IpcCaller) => unknown): void;
}
