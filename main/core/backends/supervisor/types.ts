import type { Logger } from 'pino';
import type { BackendState } from '../../../../shared/protocol/records';
import type { SpawnFn } from './spawn-types';

export interface SupervisorOptions {
  /** switchboard.binary.command (default 'litellm') */
  command: string;
  /** switchboard.binary.args, placed before our `--config/--port/--host` */
  args: string[];
  /** child_process.spawn in production */
  spawn: SpawnFn;
  /** generated config, log file and pid file live here (all 0600) */
  dataDir: string;
  /** the user's YAML minus `switchboard:` (GatewayConfig.litellmDocument) */
  litellmDocument: Record<string, unknown>;
  /** 0 (or 4000, which LiteLLM leaves silently when taken): a free loopback port chosen before each spawn */
  preferredPort: number;
  /** '127.0.0.1' */
  host?: string;
  readyTimeoutMs: number;
  stopGraceMs: number;
  /** the LiteLLM version the install hint names */
  pinnedVersion: string;
  /** oldest `<command> --version` accepted; a start refuses older ones (default MIN_LITELLM_VERSION) */
  minVersion?: string;
  /** folder of the user's config file: `include:` paths are relative to it (null for the built-in config) */
  configDir?: string | null;
  /** base environment for the child (provider keys live here) */
  env: Record<string, string | undefined>;
  /** epoch ms, for state timestamps and the crash window */
  now?: () => number;
  logger: Logger;
  /** values to scrub from log lines before they are kept or emitted (the child's token is added) */
  secrets: () => string[];
  /** every status change: stopped|starting|ready|crashed|failed|stopping */
  onState?: (state: BackendState) => void;
  /** new output lines arrived (at most every `logUpdateMs`, default 500 ms), so the log tail shown stays live */
  onLog?: (state: BackendState) => void;
  logUpdateMs?: number;
  /** delay before the 1st, 2nd, … restart within the crash window (default [500, 2000, 5000]) */
  restartBackoffMs?: number[];
  /** crashes within `crashWindowMs` that stop the restarts (default 3 within 60 000 ms) */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** litellm.log is rotated once (to litellm.log.1) past this size (default 5 MiB) */
  logMaxBytes?: number;
  /** delay between readiness probes (default 150 ms) */
  pollIntervalMs?: number;
  /** pid the child is told to watch (SWITCHBOARD_PARENT_PID); default process.pid */
  parentPid?: number;
  /** default process.platform; on win32 there are no process groups, only the child itself is signalled */
  platform?: NodeJS.Platform;
}

export interface Supervisor {
  /**
   * Resolves when the child answers GET /health/liveliness. Rejects with GatewayError BINARY_NOT_FOUND |
   * BINARY_VERSION_UNSUPPORTED | BINARY_PORT_CONFLICT | BINARY_CONFIG_REJECTED | BINARY_READY_TIMEOUT |
   * BINARY_CRASH_LOOP, or
   * BACKEND_UNAVAILABLE when stop() cancelled it.
   */
  start(): Promise<void>;
  /** SIGTERM to the process group, SIGKILL after stopGraceMs; resolves when the child is gone. */
  stop(): Promise<void>;
  state(): BackendState;
  /** http://127.0.0.1:<port> while ready (attach mode: the proxy's URL), else null */
  baseUrl(): string | null;
  /** the per-run master key of the child (attach mode: the proxy's key, or null when it needs none) */
  token(): string | null;
  /** last lines of the child's output, secrets scrubbed (default 100, at most 500) */
  logTail(lines?: number): string[];
  /**
   * Synchronous last resort for a process 'exit' handler: SIGKILL to the child's group, no waiting.
   * Prefer stop(); this exists because an exiting Node process cannot await anything.
   */
  killSync(): void;
}
