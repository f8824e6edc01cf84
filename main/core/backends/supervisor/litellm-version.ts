// Which LiteLLM is installed, and whether it can be the legacy backend. Below 1.80 the proxy's
// `/v1/messages` → Anthropic handler builds its upstream headers from `anthropic-*` only, so the identity
// headers we inject (x-sm-user-id, x-supermemory-api-key) never reach the provider: Claude Code would
// silently lose its memory identity. Client-header forwarding on that route arrived with LiteLLM PR
// #16042, first released in 1.80.0.
import { spawn as nodeSpawn } from 'node:child_process';
import { GatewayError } from '../../../../shared/errors';
import { installHint, notFoundError } from './failures';
import type { SpawnFn } from './spawn-types';

export const MIN_LITELLM_VERSION = '1.80.0';
/** The release Switchboard is tested against (CI installs exactly this one). */
export const PINNED_LITELLM_VERSION = '1.80.17';

export interface VersionProbe {
  /** e.g. "1.80.17"; null when the command ran but printed no version */
  version: string | null;
  /** what it printed, trimmed (for messages; it never holds secrets: `--version` reads no config) */
  output: string;
  /** BINARY_NOT_FOUND when the command could not run at all */
  error: GatewayError | null;
  /** it printed nothing usable within the time allowed (a very busy machine, or a hung wrapper) */
  timedOut?: boolean;
}

export interface ProbeVersionOptions {
  command: string;
  /** switchboard.binary.args come first, as for the real start (e.g. a wrapper's own flags) */
  args: string[];
  env: Record<string, string | undefined>;
  /** importing LiteLLM takes seconds on a cold disk */
  timeoutMs?: number;
  spawn?: SpawnFn;
  pinnedVersion?: string;
}

// `litellm --version` prints "LiteLLM: Current Version = 1.80.17" (proxy_cli.py, _echo_litellm_version)
const VERSION_LINE = /Current Version\s*=\s*v?(\d+\.\d+\.\d+[\w.+-]*)/i;

/** Runs `<command> <args> --version` and reads the version it prints. */
export function probeLitellmVersion(options: ProbeVersionOptions): Promise<VersionProbe> {
  const spawn = options.spawn ?? nodeSpawn;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined) env[name] = value;
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const finish = (result: VersionProbe): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child: ReturnType<SpawnFn>;
    try {
      child = spawn(options.command, [...options.args, '--version'], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      return finish({ version: null, output: '', error: notRunnable(options, error as NodeJS.ErrnoException) });
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ version: null, output: clip(output), error: null, timedOut: true });
    }, timeoutMs);
    const collect = (chunk: Buffer): void => {
      if (output.length < 64 * 1024) output += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (error: NodeJS.ErrnoException) => finish({ version: null, output: '', error: notRunnable(options, error) }));
    child.on('close', () => finish({ version: parseLitellmVersion(output), output: clip(output), error: null }));
  });
}

export function parseLitellmVersion(output: string): string | null {
  return VERSION_LINE.exec(output)?.[1] ?? null;
}

/** null when `version` is at least `minVersion`, else the one-line refusal a user can act on. */
export function checkLitellmVersion(version: string | null, minVersion: string, pinnedVersion = PINNED_LITELLM_VERSION, timedOut = false): string | null {
  if (version === null) {
    const why = timedOut ? 'did not answer in time; try again when the machine is less busy' : 'printed no version';
    return `Cannot tell which LiteLLM version is installed (\`litellm --version\` ${why}); Switchboard needs ${minVersion} or later. ${installHint(pinnedVersion)}`;
  }
  if (compareVersions(version, minVersion) >= 0) return null;
  return (
    `LiteLLM ${version} is too old for the legacy backend (needs ${minVersion} or later): before 1.80 its ` +
    `/v1/messages route drops the identity headers, so Claude Code would lose its memory identity. ` +
    `${installHint(pinnedVersion)} Or set switchboard.binary.min_version if you know better.`
  );
}

export function versionTooOldError(message: string): GatewayError {
  return new GatewayError('BINARY_VERSION_UNSUPPORTED', message);
}

/** Numeric compare of the leading major.minor.patch; suffixes (.post1, rc2) are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (/^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v.trim()) ?? []).slice(1, 4).map((p) => Number(p ?? 0));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function notRunnable(options: ProbeVersionOptions, cause: NodeJS.ErrnoException): GatewayError {
  return notFoundError(options.command, options.pinnedVersion ?? PINNED_LITELLM_VERSION, cause);
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 400 ? `${trimmed.slice(0, 400)}…` : trimmed;
}
