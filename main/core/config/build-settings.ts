// The `switchboard:` section plus flags and env -> SwitchboardSettings. Precedence: flags > env > file >
// defaults. Pure.
import type { ConfigProblem } from './config-error';
import type { ConfigFlags } from './config-flags';
import { resolveEnvRef } from './env-ref';
import { LOG_LEVELS } from './schema-switchboard';
import type { SwitchboardSection } from './schema-switchboard';
import type { LogConfig, SwitchboardSettings } from './types';
import { lineOf, problemAt } from './yaml-source';
import type { YamlSource } from './yaml-source';

export interface SettingsInput {
  section: SwitchboardSection;
  flags: ConfigFlags;
  env: Record<string, string | undefined>;
  dataDir: string;
  source: YamlSource;
}

export interface SettingsResult {
  settings: SwitchboardSettings;
  problems: ConfigProblem[];
  warnings: string[];
}

export function buildSettings({ section, flags, env, dataDir, source }: SettingsInput): SettingsResult {
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];
  const flagProblem = (keyPath: string, problem: string): void => {
    problems.push({ file: null, line: null, keyPath, problem });
  };

  if (flags.port !== undefined && !(Number.isInteger(flags.port) && flags.port >= 0 && flags.port <= 65535)) {
    flagProblem('--port', 'must be a whole number from 0 to 65535');
  }
  if (flags.host !== undefined && flags.host.trim() === '') flagProblem('--host', 'must not be empty');
  if (flags.mode !== undefined && flags.mode !== 'sdk' && flags.mode !== 'binary') flagProblem('--mode', 'must be sdk or binary');

  let level: LogConfig['level'] = section.log.level;
  const envLevel = env.SWITCHBOARD_LOG_LEVEL?.trim();
  if (envLevel) {
    const known = LOG_LEVELS.find((name) => name === envLevel.toLowerCase());
    if (known) level = known;
    else flagProblem('env SWITCHBOARD_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const host = flags.host?.trim() || section.host;
  if (!isLoopback(host)) {
    const where = flags.host ? '--host' : `${source.file}:${lineOf(source, ['switchboard', 'host']) ?? '?'}: switchboard.host`;
    warnings.push(`${where} ${host}: the gateway is reachable from other machines; anyone who can reach it can spend your provider keys if they learn the master key`);
  }

  const settings: SwitchboardSettings = {
    host,
    port: flags.port ?? section.port,
    mode: flags.mode ?? section.mode ?? 'sdk',
    modeExplicit: flags.mode !== undefined || section.mode !== undefined,
    dataDir,
    bodyLimitBytes: section.body_limit,
    allowedHosts: section.allowed_hosts.map((name) => name.toLowerCase()),
    supermemoryBaseUrl: section.supermemory_base_url.replace(/\/+$/, ''),
    supermemoryApiKey: env.SUPERMEMORY_API_KEY?.trim() || null,
    upstream: {
      connectTimeoutMs: section.upstream.connect_timeout_ms,
      headersTimeoutMs: section.upstream.headers_timeout_ms,
      bodyTimeoutMs: section.upstream.body_timeout_ms,
      keepAliveTimeoutMs: section.upstream.keep_alive_timeout_ms,
      maxConcurrencyPerUpstream: section.upstream.max_concurrency,
      retries: section.upstream.retries,
      retryBaseDelayMs: section.upstream.retry_base_delay_ms,
      maxRetryAfterMs: section.upstream.max_retry_after_ms,
      maxSseEventBytes: section.upstream.max_sse_event_bytes,
    },
    log: {
      maxEntries: section.log.max_entries,
      jsonlMaxBytes: section.log.jsonl_max_bytes,
      jsonlFiles: section.log.jsonl_files,
      bodyCaptureEntries: section.log.body_capture_entries,
      bodyCaptureBytes: section.log.body_capture_bytes,
      bodyCaptureTotalBytes: section.log.body_capture_total_bytes,
      level,
    },
    binary: {
      command: section.binary.command,
      args: section.binary.args,
      preferredPort: section.binary.port,
      readyTimeoutMs: section.binary.ready_timeout_ms,
      stopGraceMs: section.binary.stop_grace_ms,
      keepWarm: section.binary.keep_warm,
      pinnedVersion: section.binary.pinned_version,
      minVersion: section.binary.min_version,
      attachUrl: section.binary.url?.replace(/\/+$/, '') ?? null,
      attachKey: attachKey(section.binary.key, env, source, problems),
    },
    shutdownGraceMs: section.shutdown_grace_ms,
  };
  return { settings, problems, warnings };
}

/** switchboard.binary.key: a literal or `os.environ/VAR`; a missing variable is a config problem. */
function attachKey(
  raw: string | undefined,
  env: Record<string, string | undefined>,
  source: YamlSource,
  problems: ConfigProblem[],
): string | null {
  if (raw === undefined) return null;
  const lookup = resolveEnvRef(raw.trim(), env);
  const path = ['switchboard', 'binary', 'key'];
  if (lookup.kind === 'invalid') problems.push(problemAt(source, path, 'os.environ/ must name a variable'));
  else if (lookup.kind === 'missing') problems.push(problemAt(source, path, `environment variable ${lookup.variable} is not set`));
  else return lookup.value;
  return null;
}

export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
