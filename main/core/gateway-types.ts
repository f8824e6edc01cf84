// The contract of createGateway(config, deps), shared by the headless CLI and the Electron shell.
import type { Logger } from 'pino';
import type { ServerInfo } from '../../shared/protocol/records';
import type { GatewayConfig } from './config/types';
import type { AdminModel } from './admin/admin-model-types';
import type { MigrationModel } from './migration/migration-model';
import type { SpawnFn } from './backends/supervisor/spawn-types';

export interface GatewayDeps {
  logger: Logger;
  version: string;
  /** epoch ms clock; tests pass a fake */
  now?: () => number;
  /** child_process.spawn for the legacy binary; tests pass a wrapper */
  spawn?: SpawnFn;
  /** folder of the built dashboard, served at /ui/; null serves a hint page */
  rendererDir?: string | null;
  /** environment of the legacy LiteLLM child (provider keys, PATH); the CLI passes process.env */
  env?: Record<string, string | undefined>;
}

export interface Gateway {
  readonly config: GatewayConfig;
  readonly admin: AdminModel;
  /** the migration assistant: validation runs, cutover, rollback test, status */
  readonly migration: MigrationModel;
  /** binds host:port and starts the active backend; rejects with GatewayError-like PORT_IN_USE info */
  listen(): Promise<ServerInfo>;
  /** stops accepting, lets in-flight requests finish (bounded), stops backends, flushes state */
  stop(): Promise<void>;
  /**
   * For a process 'exit' handler only (nothing can be awaited there): SIGKILL the LiteLLM child so it
   * never outlives us. stop() is the normal path.
   */
  killChildrenSync(): void;
  /**
   * Every secret value to keep out of text that leaves the process (master key, admin token, provider and
   * Supermemory keys, secret extra headers, cookie values): the one list the CLI's and the desktop app's
   * process loggers scrub with.
   */
  secrets(): string[];
}
