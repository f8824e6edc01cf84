// The admin model behind /admin/* and the tray: snapshot, events, and the actions a user can take.
import type { ModeResult, Snapshot } from '../../../shared/protocol/admin-api';
import type { CookieSummary, IdentityRules, ModelSummary, ServerInfo } from '../../../shared/protocol/records';
import { resolveIdentity, toRoutingInfo } from '../clients/identity';
import type { GatewayConfig } from '../config/types';
import type { ModeController } from '../backends/modes/mode-controller';
import type { EventBus } from '../events/event-bus';
import type { RequestTracker } from '../events/request-trace';
import type { CookieJarStore } from '../upstream/types';
import { apiBaseHost } from '../providers/api-base-host';
import type { AdminModel } from './admin-model-types';
import { createHealthProbe, type HealthProbeRunner } from './health-probe';

export interface AdminModelDeps {
  config: GatewayConfig;
  bus: EventBus;
  tracker: RequestTracker;
  modes: ModeController;
  cookieJar: CookieJarStore;
  server: () => ServerInfo;
  setPaused: (paused: boolean) => void;
  now: () => number;
  /** the check after a switch; default: GET /v1/models through this gateway's own front door */
  probe?: HealthProbeRunner;
}

export const BINARY_COOKIE_NOTE =
  'Binary mode: LiteLLM holds the upstream connections and its own cookies; Switchboard’s jar is not used until you switch back to SDK mode.';

export function cookieSummary(jar: CookieJarStore, binaryActive: boolean): CookieSummary {
  return {
    applies: !binaryActive,
    note: binaryActive ? BINARY_COOKIE_NOTE : null,
    total: jar.total(),
    domains: jar.domains(),
  };
}

/** The rules as the dashboard shows them, read from the live config (a written rule shows at once). */
export function identityRulesOf(config: GatewayConfig): IdentityRules {
  return {
    customHeader: config.identity.customHeader,
    patterns: config.identity.patterns.map(({ header, pattern, user_id }) => ({ header, pattern, user_id })),
    defaultUserId: config.identity.defaultUserId,
  };
}

export function modelSummaries(config: GatewayConfig): ModelSummary[] {
  return config.models.map((m) => ({
    name: m.modelName,
    provider: m.providerPrefix,
    providerModel: m.providerModel,
    dialect: m.dialect,
    apiBaseHost: m.apiBase ? apiBaseHost(m.apiBase) : null,
    supermemory: m.supermemory,
    error: m.error,
  }));
}

export function createAdminModel(deps: AdminModelDeps): AdminModel {
  const { config, bus, tracker, modes, cookieJar } = deps;
  const models = modelSummaries(config);
  const cookies = () => cookieSummary(cookieJar, modes.state().mode === 'binary');
  const probe = deps.probe ?? createHealthProbe({
    baseUrl: () => deps.server().baseUrl,
    masterKey: config.masterKey,
    customHeader: config.identity.customHeader,
    fetch: globalThis.fetch,
    hrNow: () => performance.now(),
  });

  // Whether the jar applies follows the mode (binary: LiteLLM holds the cookies), whoever switched and
  // however (a fall-back after a crash loop included): say so when it flips, so no view goes stale.
  let jarApplies = modes.state().mode !== 'binary';
  // typed: a listener for every event would make each request build events and copies nobody reads
  bus.on((event) => {
    if (event.type !== 'mode.changed') return;
    const applies = event.mode.mode !== 'binary';
    if (applies === jarApplies) return;
    jarApplies = applies;
    bus.emit({ type: 'cookies.changed', cookies: cookies() });
  }, ['mode.changed']);

  /** A switch that went through is checked at once; a failed check is a notice too (the tray shows those). */
  async function checked(result: ModeResult): Promise<ModeResult> {
    if (!result.ok) return result;
    const outcome = await probe(result.mode.mode);
    if (!outcome.ok) {
      bus.emit({ type: 'notice', level: 'error', code: 'HEALTH_CHECK_FAILED', message: `${result.mode.mode === 'sdk' ? 'SDK' : 'Binary'} mode is on, but its health check failed: ${outcome.message}` });
    }
    return { ...result, mode: modes.state(), probe: outcome };
  }

  return {
    snapshot(): Snapshot {
      // built synchronously, so it is exactly the state as of `seq`
      return {
        seq: bus.seq(),
        server: deps.server(),
        mode: modes.state(),
        log: tracker.log.list(),
        identities: tracker.identities.list(),
        // read each time: a rule added from the dashboard applies at once
        identityRules: identityRulesOf(config),
        cookies: cookies(),
        metrics: tracker.metrics.snapshot(),
        models,
      };
    },
    currentSeq: () => bus.seq(),
    onEvent: (listener) => bus.on(listener),
    requestDetail: (id) => tracker.detail(id),
    clearLog: () => tracker.clear(),
    setMode: async (mode) => checked(await modes.setMode(mode)),
    rollback: async () => checked(await modes.rollback()),
    async clearCookies(domain) {
      await cookieJar.clear(domain);
      const summary = cookies();
      bus.emit({ type: 'cookies.changed', cookies: summary });
      return summary;
    },
    resolveIdentity: (headers) => toRoutingInfo(resolveIdentity(headers, config.identity)),
    revealKey: () => config.masterKey,
    pause() {
      deps.setPaused(true);
      const server = deps.server();
      bus.emit({ type: 'server.updated', server });
      return server;
    },
    resume() {
      deps.setPaused(false);
      const server = deps.server();
      bus.emit({ type: 'server.updated', server });
      return server;
    },
  };
}
