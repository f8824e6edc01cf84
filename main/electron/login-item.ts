// "Start at login". macOS and Windows have an API for it (app.setLoginItemSettings); Linux desktops
// follow the XDG autostart spec: a .desktop file in ~/.config/autostart. A launch at login passes
// --hidden so the app starts in the tray without opening its window.
import type { ElectronFacade, LoginItemLaunch, LoginItemSettings } from './facade-types';

export const HIDDEN_ARG = '--hidden';

/** What the OS will do at the next login; 'requires-approval': macOS 13+ waits for System Settings. */
export type LoginItemState = 'on' | 'off' | 'requires-approval';

export interface LoginLaunch {
  /** Linux: the Exec command (without --hidden) */
  command: string[];
  /** macOS and Windows: what setLoginItemSettings registers */
  facade: LoginItemLaunch;
}

export interface LoginLaunchInput {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  execPath: string;
  appPath: string;
  /** set by the AppImage runtime: the .AppImage file itself (execPath is inside its temporary mount) */
  appImage?: string | undefined;
}

/**
 * The command a login starts. Run from a checkout (`electron .`) the executable is Electron's own: without
 * the app path it would open Electron's default app at the next login. An AppImage must be started
 * through its file, never the mount point that disappears when it exits.
 */
export function loginLaunch(input: LoginLaunchInput): LoginLaunch {
  const dev = !input.isPackaged;
  if (input.platform === 'linux') {
    if (dev) return { command: [input.execPath, input.appPath], facade: { path: null, args: [] } };
    return { command: [input.appImage || input.execPath], facade: { path: null, args: [] } };
  }
  return dev
    ? { command: [], facade: { path: input.execPath, args: [input.appPath, HIDDEN_ARG] } }
    : { command: [], facade: { path: null, args: [HIDDEN_ARG] } };
}

export interface LoginItemOptions {
  platform: NodeJS.Platform;
  facade: Pick<ElectronFacade, 'setLoginItem' | 'getLoginItem'>;
  launch: LoginLaunch;
  /** the app's version: an AppImage file named after it stops existing after an update */
  version: string;
  /** Linux: the .desktop file, e.g. ~/.config/autostart/switchboard.desktop */
  autostartFile: string;
  writeFile(path: string, content: string): void;
  removeFile(path: string): void;
  fileExists(path: string): boolean;
  readFile(path: string): string | null;
}

export interface LoginItem {
  /** on, or asked for and waiting for the user's approval */
  isEnabled(): boolean;
  state(): LoginItemState;
  setEnabled(enabled: boolean): LoginItemState;
  /** re-points a registration made by another copy of the app (an updated AppImage) at this one */
  refresh(): boolean;
  /** why the registration may not survive an update, or null */
  caveat(): string | null;
}

export function autostartFilePath(homeDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : `${homeDir}/.config`;
  return `${base}/autostart/switchboard.desktop`;
}

/** Quotes one Exec argument as the Desktop Entry spec asks (double quotes; \ " ` $ escaped). */
function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

export function autostartDesktopEntry(command: readonly string[]): string {
  const exec = [...command, HIDDEN_ARG].map(quoteExecArg).join(' ').replace(/%/g, '%%');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Switchboard',
    'Comment=Local LLM gateway for your AI clients',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Electron's login item settings as a state; macOS 13+ reports a pending approval only in `status`. */
export function loginItemState(settings: LoginItemSettings): LoginItemState {
  if (settings.status === 'requires-approval') return 'requires-approval';
  return settings.openAtLogin || settings.status === 'enabled' ? 'on' : 'off';
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function createLoginItem(options: LoginItemOptions): LoginItem {
  const caveat = (): string | null => {
    const file = options.platform === 'linux' ? options.launch.command[0] : undefined;
    if (!file || !/\.appimage$/i.test(file) || !basename(file).includes(options.version)) return null;
    return `Start at login runs ${basename(file)}; after an update to a file with another name, start the new one once and it takes over (or rename the file to Switchboard.AppImage).`;
  };

  if (options.platform === 'linux') {
    const entry = (): string => autostartDesktopEntry(options.launch.command);
    const state = (): LoginItemState => (options.fileExists(options.autostartFile) ? 'on' : 'off');
    return {
      isEnabled: () => state() === 'on',
      state,
      setEnabled(enabled) {
        if (enabled) options.writeFile(options.autostartFile, entry());
        else if (options.fileExists(options.autostartFile)) options.removeFile(options.autostartFile);
        return state();
      },
      refresh() {
        if (state() !== 'on' || options.readFile(options.autostartFile) === entry()) return false;
        options.writeFile(options.autostartFile, entry());
        return true;
      },
      caveat,
    };
  }
  const state = (): LoginItemState => loginItemState(options.facade.getLoginItem(options.launch.facade));
  return {
    isEnabled: () => state() !== 'off',
    state,
    setEnabled(enabled) {
      options.facade.setLoginItem(enabled, options.launch.facade);
      return state();
    },
    refresh: () => false,
    caveat,
  };
}

export function launchedHidden(argv: readonly string[], openedAtLogin: boolean): boolean {
  return openedAtLogin || argv.includes(HIDDEN_ARG);
}
