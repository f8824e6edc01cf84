// createGateway(config, deps): the one place that wires the core together. The headless CLI and the
// Electron shell both call it and differ only in the deps they pass.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Response } from 'express';
import { GatewayError } from '../../shared/errors';
import type { ServerInfo } from '../../shared/protocol/records';
import type { AdminModel } from './admin/admin-model-types';
import { createAdminFacade } from './admin/admin-facade';
import { createEventBus } from './events/event-bus';
import type { GatewayConfig } from './config/types';
import type { Gateway, GatewayDeps } from './gateway-types';
import { startRuntime } from './gateway-runtime';
import type { GatewayRuntime } from './gateway-runtime';
import { fingerprint } from './events/fingerprint';
import { bindServer } from './bind-server';
import { collectConfigSecrets } from './config-secrets';
import { createHistoryStore } from './migration/history-store';
import { createMigrationModel } from './migration/migration-model';
import type { MigrationModel } from './migration/migration-model';

export type { Gateway, GatewayDeps } from './gateway-types';

export function createGateway(config: GatewayConfig, deps: GatewayDeps): Gateway {
  const now = deps.now ?? Date.now;
  const bus = createEventBus(now, (error) => deps.logger.error({ err: error }, 'event listener failed'));
  let runtime: GatewayRuntime | null = null;
  let server: Server | null = null;
  let info: ServerInfo | null = null;
  let stopping: Promise<void> | null = null;
  let starting: Promise<ServerInfo> | null = null;
  let requestStop!: () => void;
  // a stop asked for during start-up ends the wait for the backends (LiteLLM's readiness can take a minute)
  const stopRequested = new Promise<void>((resolve) => {
    requestStop = resolve;
  });
  const eventStreams = new Set<Response>();
  const configSecrets = collectConfigSecrets(config);
  const admin: AdminModel = createAdminFacade(bus, () => runtime?.admin ?? null);
  // validation runs build their own temporary gateways; remembered so an exit handler can kill their children
  const tempGateways = new Set<Gateway>();
  const migration: MigrationModel = createMigrationModel({
    config,
    admin,
    emit: (body) => bus.emit(body),
    environment: {
      factory: (tempConfig) => {
        const temp = createGateway(tempConfig, { ...deps, rendererDir: null, logger: deps.logger.child({ component: 'validation' }, { level: 'warn' }) });
        tempGateways.add(temp);
        return temp;
      },
      binaryEnv: deps.env ?? {},
      spawn: deps.spawn,
      now,
      platform: process.platform,
    },
    store: createHistoryStore(config.switchboard.dataDir),
    newId: () => randomUUID(),
  });

  function listen(): Promise<ServerInfo> {
    starting ??= start().catch((error: unknown) => {
      // a failed start (port taken) may be retried
      starting = null;
      throw error;
    });
    return starting;
  }

  async function start(): Promise<ServerInfo> {
    const { host, port } = config.switchboard;
    runtime = await startRuntime(config, deps, { bus, now, hrNow: () => performance.now(), eventStreams, server: () => serverInfo(), migration });
    server = createServer({ keepAliveTimeout: 65_000 }, runtime.handler);
    try {
      await bindServer(server, port, host);
    } catch (error) {
      await runtime.close();
      runtime = null;
      server = null;
      throw error;
    }
    const address = server.address() as AddressInfo;
    const baseHost = host.includes(':') ? `[${host}]` : host;
    const baseUrl = `http://${baseHost}:${address.port}`;
    info = {
      version: deps.version,
      host,
      port: address.port,
      baseUrl,
      openaiBaseUrl: `${baseUrl}/v1`,
      keyFingerprint: fingerprint(config.masterKey),
      keySource: config.masterKeySource,
      dataDir: config.switchboard.dataDir,
      configPath: config.source.path,
      startedAt: now(),
      paused: false,
    };
    const backends = runtime.startBackends();
    // after a stop the backends' own failure (the child killed) is expected and already handled there
    backends.catch(() => undefined);
    await Promise.race([backends, stopRequested]);
    return serverInfo();
  }

  function serverInfo(): ServerInfo {
    if (!info) throw new GatewayError('NOT_STARTED', 'The gateway is not listening yet');
    return { ...info, paused: runtime?.paused() ?? false };
  }

  async function stop(): Promise<void> {
    stopping ??= (async () => {
      requestStop();
      // a signal during start-up: let the start reach a state that can be stopped, then stop it
      await starting?.catch(() => undefined);
      // a validation run under way stops its temporary gateway (and LiteLLM child) first
      await migration.close();
      if (!runtime) return;
      const grace = config.switchboard.shutdownGraceMs;
      runtime.beginShutdown();
      const closed = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeIdleConnections();
      for (const res of eventStreams) res.end();
      await runtime.drain(grace);
      server?.closeAllConnections();
      await closed;
      await runtime.close();
    })();
    return stopping;
  }

  return {
    config,
    admin,
    migration,
    listen,
    stop,
    killChildrenSync: () => {
      runtime?.killChildSync();
      for (const temp of tempGateways) temp.killChildrenSync();
    },
    // before the start (and after a failed one) the config's secrets are all there is
    secrets: () => runtime?.secrets() ?? configSecrets,
  };
}
