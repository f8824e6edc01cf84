// The running parts of a gateway, built when it starts listening (they open files in the data dir).
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Response } from 'express';
import { GatewayError } from '../../shared/errors';
import { scrubSecrets } from '../../shared/redact';
import type { BackendState, ServerInfo } from '../../shared/protocol/records';
import { createAdminModel, cookieSummary } from './admin/admin-model';
import type { AdminModel } from './admin/admin-model-types';
import { spawn } from 'node:child_process';
import { createBinaryBackend } from './backends/binary/binary-backend';
import { createSupervisor } from './backends/supervisor';
import { createAttachedProxy } from './backends/supervisor/attached-proxy';
import { createModeController } from './backends/modes/mode-controller';
import { createModeStore } from './backends/modes/mode-store';
import { createSdkBackend } from './backends/sdk/sdk-backend';
import type { GatewayConfig } from './config/types';
import type { EventBus } from './events/event-bus';
import { fingerprint } from './events/fingerprint';
import { createIdentityStats } from './events/identity-stats';
import { loadJsonlHistory, replayHistory } from './events/jsonl-history';
import { openJsonlLog } from './events/jsonl-log';
import { createMetrics } from './events/metrics';
import { createRequestCaptures } from './events/request-captures';
import { createRequestLog } from './events/request-log';
import { createRequestTracker } from './events/request-trace';
import type { GatewayDeps } from './gateway-types';
import { keyChecker } from './http/auth';
import { createFrontHandler } from './front-app';
import type { FrontHandler } from './front-app';
import { createInFlight } from './http/in-flight';
import { collectConfigSecrets } from './config-secrets';
import { createDispatcher } from './upstream/dispatcher';
import { openCookieJar } from './upstream/cookie-jar';
import { createUpstreamClient } from './upstream/upstream-client';
import { createReplayer } from './migration/replay';
import type { MigrationModel } from './migration/migration-model';
import { DATA_FILES } from './config/data-files';

export interface GatewayRuntime {
  handler: FrontHandler;
  admin: AdminModel;
  startBackends(): Promise<void>;
  paused(): boolean;
  beginShutdown(): void;
  /** waits for in-flight requests, at most graceMs */
  drain(graceMs: number): Promise<void>;
  close(): Promise<void>;
  /** last resort from a process 'exit' handler: SIGKILL the LiteLLM child's group */
  killChildSync(): void;
  /** config secrets plus the cookie jar's current values */
  secrets(): string[];
}

interface RuntimeContext {
  bus: EventBus;
  now: () => number;
  hrNow: () => number;
  eventStreams: Set<Response>;
  server: () => ServerInfo;
  migration: MigrationModel;
}

const COOKIE_EVENT_COALESCE_MS = 500;

export async function startRuntime(config: GatewayConfig, deps: GatewayDeps, ctx: RuntimeContext): Promise<GatewayRuntime> {
  const { bus, now, hrNow } = ctx;
  const { logger } = deps;
  const sb = config.switchboard;
  const cookieJar = await openCookieJar({
    file: join(sb.dataDir, DATA_FILES.cookies),
    onError: (error) => logger.warn({ err: error }, 'cookie jar problem'),
  });
  // before the log opens its file: a damaged file is rewritten, and the log must append to the new one
  const history = await loadJsonlHistory(sb.dataDir, sb.log.maxEntries, sb.log.jsonlFiles);
  for (const problem of history.problems) logger.warn(problem);
  const jsonl = await openJsonlLog({
    dir: sb.dataDir,
    maxBytes: sb.log.jsonlMaxBytes,
    files: sb.log.jsonlFiles,
    onError: (error) => logger.warn({ err: error }, 'request log file problem'),
  }).catch((error: NodeJS.ErrnoException) => {
    // a data dir we cannot write must not stop the gateway: serve, without the history on disk, and say so once
    logger.warn(`Request log on disk is off: cannot open ${join(sb.dataDir, DATA_FILES.requests)} (${error.code ?? error.message}); requests are kept in memory only. Choose a writable folder with --data-dir to keep them`);
    return null;
  });
  const configSecrets = collectConfigSecrets(config);
  const secrets = () => [...configSecrets, ...cookieJar.secretValues()];
  const scrub = (text: string) => scrubSecrets(text, secrets());
  const captures = createRequestCaptures({ entries: sb.log.bodyCaptureEntries, bytes: sb.log.bodyCaptureBytes, totalBytes: sb.log.bodyCaptureTotalBytes });
  const tracker = createRequestTracker({
    bus,
    log: createRequestLog(sb.log.maxEntries),
    captures,
    jsonl,
    metrics: createMetrics(now),
    identities: createIdentityStats({ customHeader: config.identity.customHeader }),
    now,
    hrNow,
    fingerprint,
    secrets,
  });
  await replayHistory(history.records, tracker);
  const dispatcher = createDispatcher(sb.upstream);
  const upstream = createUpstreamClient({ config: sb.upstream, cookieJar, dispatcher });
  const sdk = createSdkBackend(
    { upstream, userAgent: `switchboard/${deps.version}`, supermemoryApiKey: sb.supermemoryApiKey, scrub, now, maxSseEventBytes: sb.upstream.maxSseEventBytes },
    config.models,
    now,
  );
  const onBinaryState = (state: BackendState): void => {
    bus.emit({ type: 'backend.state', backend: { ...state, inFlight: binary.inFlight() } });
    if (state.status === 'failed') void modes.fallback('binary', state.reason ?? 'the LiteLLM child failed');
  };
  const supervisor = sb.binary.attachUrl
    ? createAttachedProxy({
        url: sb.binary.attachUrl, key: sb.binary.attachKey, readyTimeoutMs: sb.binary.readyTimeoutMs, minVersion: sb.binary.minVersion,
        now, logger, onState: onBinaryState,
      })
    : createSupervisor({
        command: sb.binary.command,
        args: sb.binary.args,
        spawn: deps.spawn ?? spawn,
        dataDir: sb.dataDir,
        litellmDocument: config.litellmDocument,
        preferredPort: sb.binary.preferredPort,
        host: '127.0.0.1',
        readyTimeoutMs: sb.binary.readyTimeoutMs,
        stopGraceMs: sb.binary.stopGraceMs,
        pinnedVersion: sb.binary.pinnedVersion,
        minVersion: sb.binary.minVersion,
        configDir: config.source.path ? dirname(config.source.path) : null,
        env: deps.env ?? {},
        now,
        logger,
        secrets,
        onState: onBinaryState,
        onLog: (state) => bus.emit({ type: 'backend.state', backend: { ...state, inFlight: binary.inFlight() } }),
      });
  const binary = createBinaryBackend({
    supervisor,
    customHeader: config.identity.customHeader,
    supermemoryApiKey: sb.supermemoryApiKey,
    scrub,
    logger,
    bodyTimeoutMs: sb.upstream.bodyTimeoutMs,
    headersTimeoutMs: sb.upstream.headersTimeoutMs,
    maxSseEventBytes: sb.upstream.maxSseEventBytes,
  });
  const modes = createModeController({
    backends: { sdk, binary },
    initial: { mode: sb.mode, explicit: sb.modeExplicit },
    store: createModeStore(sb.dataDir, (problem) => logger.warn(problem)),
    keepWarm: sb.binary.keepWarm,
    now,
    emit: (body) => bus.emit(body),
    logger,
  });

  let paused = false;
  let shuttingDown = false;
  const admin = createAdminModel({ config, bus, tracker, modes, cookieJar, server: ctx.server, setPaused: (p) => { paused = p; }, now });

  let cookieTimer: NodeJS.Timeout | null = null;
  const emitCookies = () => {
    cookieTimer = null;
    bus.emit({ type: 'cookies.changed', cookies: cookieSummary(cookieJar, modes.state().mode === 'binary') });
  };
  const stopCookieWatch = cookieJar.onChange(() => {
    // Cloudflare refreshes __cf_bm often; one event per burst is plenty for the dashboard
    cookieTimer ??= setTimeout(emitCookies, COOKIE_EVENT_COALESCE_MS);
    cookieTimer.unref();
  });

  const inFlight = createInFlight();
  const checkKey = keyChecker(config.masterKey);
  const newId = () => randomUUID();
  const replayer = createReplayer({
    config, tracker, captures, backends: { sdk, binary }, modes, inFlight, newId,
    emit: (body) => bus.emit(body), logger, stopGraceMs: sb.binary.stopGraceMs,
  });
  const handler = createFrontHandler({
    config,
    checkKey,
    tracker,
    backend: () => modes.current(),
    gate: () => {
      if (shuttingDown) return new GatewayError('SHUTTING_DOWN', 'Switchboard is shutting down');
      if (paused) return new GatewayError('GATEWAY_PAUSED', 'Switchboard is paused; resume it from the tray or the dashboard');
      return null;
    },
    newId,
    inFlight,
    logger,
    admin,
    checkAdminToken: keyChecker(config.adminToken),
    health: () => ({
      status: 'healthy',
      mode: modes.state().mode,
      backend: modes.current().state().status,
      models_configured: config.models.length,
      uptime_s: Math.round((now() - ctx.server().startedAt) / 1000),
      cookie_count: cookieJar.total(),
      version: deps.version,
    }),
    rendererDir: deps.rendererDir ?? null,
    eventStreams: ctx.eventStreams,
    replayer,
    migration: ctx.migration,
  });

  return {
    handler,
    admin,
    startBackends: () => modes.start(),
    paused: () => paused,
    beginShutdown() {
      shuttingDown = true;
      replayer.abortAll();
    },
    async drain(graceMs) {
      const idle = await inFlight.idle(graceMs);
      if (!idle) {
        logger.warn({ inFlight: inFlight.count() }, 'shutdown grace period over; closing open requests');
        // open upstream streams would otherwise keep upstream.close() waiting
        await dispatcher.destroy().catch(() => undefined);
      }
    },
    async close() {
      stopCookieWatch();
      if (cookieTimer) clearTimeout(cookieTimer);
      tracker.close();
      await modes.stop(sb.shutdownGraceMs);
      await Promise.allSettled([upstream.close(), cookieJar.flush(), jsonl?.close()]);
    },
    killChildSync: () => supervisor.killSync(),
    secrets,
  };
}
