// Launched from the Dock, Finder, a desktop menu or at login, the app inherits the session's environment,
// not the one the user's shell builds: keys exported in ~/.zshrc or ~/.bashrc are missing and a pip,
// pipx or Homebrew `litellm` is not on PATH. So, unless started from a terminal, the app asks the user's
// login shell once for its environment (interactive, so rc files run) and fills in what is missing.
// Values are never logged; what is reported names variables only.

export interface ShellRunResult {
  stdout: string;
  /** null when the shell was killed (timeout) */
  code: number | null;
}

export interface ShellEnvDeps {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** runs `file args…` with stdin closed, bounded by timeoutMs */
  run(file: string, args: readonly string[], timeoutMs: number): Promise<ShellRunResult>;
  timeoutMs?: number;
}

export interface ShellEnvResult {
  env: Record<string, string | undefined>;
  /** variables taken from the shell (names only) */
  added: string[];
  /** the shell's PATH was used */
  pathFromShell: boolean;
  /** why nothing was taken, or null */
  problem: string | null;
}

const MARKER = '__SWITCHBOARD_ENV_7f3c__';

/** Variables that describe the probe's own shell process, or that would change how the app itself runs. */
const SKIP = new Set(['_', 'PWD', 'OLDPWD', 'SHLVL', 'PS1', 'PS2', 'PROMPT', 'RPROMPT', 'TERM', 'COLUMNS', 'LINES', 'NODE_OPTIONS']);

/** Started from a terminal the environment is already the shell's; Windows apps get the user's env. */
export function needsShellEnv(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform === 'win32') return false;
  return !env.TERM && !env.TERM_PROGRAM;
}

export function loginShell(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (env.SHELL && env.SHELL.startsWith('/')) return env.SHELL;
  return platform === 'darwin' ? '/bin/zsh' : '/bin/sh';
}

/** `env -0` output between two markers (rc files may print banners before or after it). */
export function parseShellEnv(stdout: string): Record<string, string> | null {
  const start = stdout.indexOf(MARKER);
  const end = stdout.lastIndexOf(MARKER);
  if (start < 0 || end <= start) return null;
  const out: Record<string, string> = {};
  for (const entry of stdout.slice(start + MARKER.length, end).split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    out[entry.slice(0, eq).replace(/^\n/, '')] = entry.slice(eq + 1);
  }
  return out;
}

/**
 * The app's env plus the shell's: variables the app lacks are added, PATH becomes the shell's followed by
 * any of the app's own entries it lacks. Variables the app already has keep their value.
 */
export function mergeShellEnv(
  appEnv: Readonly<Record<string, string | undefined>>,
  shellEnv: Readonly<Record<string, string>>,
): Omit<ShellEnvResult, 'problem'> {
  const env: Record<string, string | undefined> = { ...appEnv };
  const added: string[] = [];
  for (const [name, value] of Object.entries(shellEnv)) {
    if (SKIP.has(name) || name.startsWith('ELECTRON_') || name === 'PATH') continue;
    if (appEnv[name] === undefined || appEnv[name] === '') {
      env[name] = value;
      added.push(name);
    }
  }
  let pathFromShell = false;
  if (shellEnv.PATH) {
    const shellParts = shellEnv.PATH.split(':').filter(Boolean);
    const extra = (appEnv.PATH ?? '').split(':').filter((part) => part && !shellParts.includes(part));
    const merged = [...shellParts, ...extra].join(':');
    pathFromShell = merged !== appEnv.PATH;
    env.PATH = merged;
  }
  return { env, added: added.sort(), pathFromShell };
}

export async function captureShellEnv(deps: ShellEnvDeps): Promise<ShellEnvResult> {
  const unchanged = (problem: string | null): ShellEnvResult => ({ env: { ...deps.env }, added: [], pathFromShell: false, problem });
  if (!needsShellEnv(deps.platform, deps.env)) return unchanged(null);
  const shell = loginShell(deps.platform, deps.env);
  const script = `printf '%s' '${MARKER}'; command env -0; printf '%s' '${MARKER}'`;
  const timeoutMs = deps.timeoutMs ?? 5_000;
  let result: ShellRunResult;
  try {
    result = await deps.run(shell, ['-i', '-l', '-c', script], timeoutMs);
  } catch (error) {
    return unchanged(`could not run ${shell}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseShellEnv(result.stdout);
  if (!parsed) {
    return unchanged(result.code === null ? `${shell} did not answer within ${timeoutMs / 1000} s` : `${shell} printed no environment (exit ${result.code})`);
  }
  return { ...mergeShellEnv(deps.env, parsed), problem: null };
}
