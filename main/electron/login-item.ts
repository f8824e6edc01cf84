// "Start at login". macOS and Windows have an API for it (app.setLoginItemSettings); Linux desktops
// follow the XDG autostart spec: a .desktop file in ~/.config/autostart. A launch at login passes
// --hidden so the app starts in the tray without opening its window.
import type { ElectronFacade } from './facade-types';

export const HIDDEN_ARG = '--hidden';

export interface LoginItemOptions {
  platform: NodeJS.Platform;
  facade: Pick<ElectronFacade, 'setLoginItem' | 'getLoginItem'>;
  /** Linux: the .desktop file, e.g. ~/.config/autostart/switchboard.desktop */
  autostartFile: string;
  /** Linux: the command that starts the app (the AppImage path when run as one) */
  command: readonly string[];
  writeFile(path: string, content: string): void;
  removeFile(path: string): void;
  fileExists(path: string): boolean;
}

export interface LoginItem {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
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

export function createLoginItem(options: LoginItemOptions): LoginItem {
  if (options.platform === 'linux') {
    return {
      isEnabled: () => options.fileExists(options.autostartFile),
      setEnabled(enabled) {
        if (enabled) options.writeFile(options.autostartFile, autostartDesktopEntry(options.command));
        else if (options.fileExists(options.autostartFile)) options.removeFile(options.autostartFile);
      },
    };
  }
  return {
    isEnabled: () => options.facade.getLoginItem([HIDDEN_ARG]),
    setEnabled: (enabled) => options.facade.setLoginItem(enabled, [HIDDEN_ARG]),
  };
}

export function launchedHidden(argv: readonly string[], openedAtLogin: boolean): boolean {
  return openedAtLogin || argv.includes(HIDDEN_ARG);
}
