// Starts and stops the gateway inside the app: settings and stored keys -> loadConfig -> createGateway ->
// listen. The same path as the headless CLI, plus the app's overrides (port, config path) and its
// encrypted provider keys as an env overlay. Starts and stops are queued so a restart can never
// overlap a quit.
import type { Logger } from 'pino';
import type { ServerInfo } from '../../shared/protocol/records';
import type { LoadConfigOptions } from '../core/config/config-flags';
import type { GatewayConfig } from '../core/config/types';
import type { Gateway, GatewayDeps } from '../core/gateway-types';
import type { DecryptedKeys } from './secrets/secret-store';
import { overlayEnv } from './secrets/env-overlay';
import type { AppSettings } from './settings/settings-schema';
import { classifyStartError, type StartProblem } from './start-error';

export interface GatewayRunnerDeps {
  loadConfig(options: LoadConfigOptions): Promise<GatewayConfig>;
  createGateway(config: GatewayConfig, deps: GatewayDeps): Gateway;
  settings(): AppSettings;
  providerKeys(): DecryptedKeys;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homeDir: string;
  version: string;
  /** built dashboard folder served at /ui/ */
  rendererDir: string | null;
  logger: Logger;
  /** a port near `preferred` that is free on `host` right now, or null */
  findFreePort(preferred: number, host: string): Promise<number | null>;
  /** after listen succeeded (e.g. write <dataDir>/instance.json); a failure here is logged, not fatal */
  onListening?(gateway: Gateway, server: ServerInfo): Promise<void>;
  /** after a gateway stopped */
  onStopped?(gateway: Gateway): Promise<void>;
}

export type StartOutcome =
  | { ok: true; gateway: Gateway; server: ServerInfo; warnings: string[] }
  | { ok: false; problem: StartProblem };

export interface GatewayRunner {
  start(): Promise<StartOutcome>;
  /** stops the running gateway (in-flight requests finish, cookie jar flushed, legacy child stopped) */
  stop(): Promise<void>;
  restart(): Promise<StartOutcome>;
  current(): Gateway | null;
  /** for a process 'exit' handler and a quit past its deadline: SIGKILL any legacy child, now */
  killChildrenSync(): void;
}

export function createGatewayRunner(deps: GatewayRunnerDeps): GatewayRunner {
  let gateway: Gateway | null = null;
  // A gateway being stopped is no longer current, but its legacy child may still need killing.
  const stopping = new Set<Gateway>();
  let queue: Promise<unknown> = Promise.resolve();

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const stopNow = async (): Promise<void> => {
    const running = gateway;
    gateway = null;
    if (!running) return;
    stopping.add(running);
    try {
      await running.stop();
    } finally {
      stopping.delete(running);
    }
    await deps.onStopped?.(running).catch((error: unknown) => deps.logger.warn({ err: error }, 'after-stop hook failed'));
  };

  const startNow = async (): Promise<StartOutcome> => {
    await stopNow();
    try {
      return await startFresh();
    } catch (error) {
      // Anything unexpected (a keychain error, a bug) still ends as a problem the tray can show.
      return { ok: false, problem: classifyStartError(error, null) };
    }
  };

  const startFresh = async (): Promise<StartOutcome> => {
    const settings = deps.settings();
    const keys = deps.providerKeys();
    const overlay = overlayEnv(deps.env, keys.keys);
    const warnings = [...keys.problems];
    if (overlay.overridden.length > 0) {
      warnings.push(`keys stored in the app override the environment for ${overlay.overridden.join(', ')}`);
    }
    let config: GatewayConfig;
    try {
      config = await deps.loadConfig({
        flags: {
          ...(settings.configPath ? { config: settings.configPath } : {}),
          ...(settings.port !== null ? { port: settings.port } : {}),
        },
        env: overlay.env,
        platform: deps.platform,
        homeDir: deps.homeDir,
      });
    } catch (error) {
      return { ok: false, problem: classifyStartError(error, null) };
    }
    let created: Gateway | null = null;
    try {
      created = deps.createGateway(config, {
        logger: deps.logger,
        version: deps.version,
        rendererDir: deps.rendererDir,
        // the legacy LiteLLM child reads provider keys from its env: it gets the app's keys too
        env: overlay.env,
      });
      const server = await created.listen();
      gateway = created;
      await deps.onListening?.(created, server).catch((error: unknown) => deps.logger.warn({ err: error }, 'after-listen hook failed'));
      deps.logger.info(
        { baseUrl: server.baseUrl, keyFingerprint: server.keyFingerprint, keysFromApp: overlay.fromApp },
        'gateway listening',
      );
      return { ok: true, gateway: created, server, warnings: [...warnings, ...config.warnings] };
    } catch (error) {
      await created?.stop().catch(() => undefined);
      const problem = classifyStartError(error, config.switchboard.port);
      if (problem.code === 'PORT_IN_USE') {
        problem.suggestedPort = await deps.findFreePort(config.switchboard.port + 1, config.switchboard.host);
      }
      return { ok: false, problem };
    }
  };

  return {
    start: () => enqueue(startNow),
    stop: () => enqueue(stopNow),
    restart: () => enqueue(startNow),
    current: () => gateway,
    killChildrenSync() {
      for (const running of [gateway, ...stopping]) running?.killChildrenSync();
    },
  };
}
