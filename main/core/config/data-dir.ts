// Where Switchboard keeps its state (master key, admin token, cookie jar, request log, an optional
// config.yaml): the OS's per-user settings folder unless SWITCHBOARD_DATA_DIR says otherwise.
import path from 'node:path';

const APP_FOLDER = 'switchboard';

export function defaultDataDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, homeDir: string): string {
  const override = env.SWITCHBOARD_DATA_DIR;
  if (override) return override;
  if (platform === 'win32') {
    // path.win32 so the result is a Windows path even when computed (or tested) elsewhere
    const appData = env.APPDATA || path.win32.join(homeDir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER);
  }
  if (platform === 'darwin') return path.posix.join(homeDir, 'Library', 'Application Support', APP_FOLDER);
  // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homeDir, '.config');
  return path.posix.join(base, APP_FOLDER);
}

/** `~` and `~/x` to the home dir, then absolute against `baseDir`. */
export function resolveUserPath(value: string, baseDir: string, homeDir: string): string {
  const expanded = value === '~' ? homeDir : /^~[\\/]/.test(value) ? path.join(homeDir, value.slice(2)) : value;
  return path.resolve(baseDir, expanded);
}
