// The paths requests of one identity took (client app → model → provider → backend), with per-minute
// counts for the last hour, so the routing map can weigh its edges over 5 minutes, an hour or since start
// without the dashboard recomputing anything from the part of the log it happens to hold.
import type { ErrorCode } from '../../../shared/errors';
import type { IdentityRoute, RequestRecord, RouteStage } from '../../../shared/protocol/records';
import { isErrorRecord } from './metrics';

/** Routes kept per identity; the least recently seen goes first. */
export const MAX_ROUTES = 40;
const MINUTE_MS = 60_000;
const MINUTES_KEPT = 60;

// Which hop a refusal belongs to: the map marks the error on that edge. Codes not listed are the
// upstream's (provider) unless the request never got a provider.
const STAGE_OF: Partial<Record<ErrorCode, RouteStage>> = {
  AUTH_INVALID_KEY: 'gateway',
  FORBIDDEN_HOST: 'gateway',
  BAD_JSON: 'gateway',
  MISSING_MODEL: 'gateway',
  MISSING_MESSAGES: 'gateway',
  INVALID_REQUEST: 'gateway',
  INVALID_IDENTITY: 'gateway',
  BODY_TOO_LARGE: 'gateway',
  GATEWAY_PAUSED: 'gateway',
  SHUTTING_DOWN: 'gateway',
  UNKNOWN_MODEL: 'model',
  MODEL_MISCONFIGURED: 'model',
  BACKEND_UNAVAILABLE: 'backend',
  BINARY_CRASH_LOOP: 'backend',
  BINARY_NOT_FOUND: 'backend',
  BINARY_READY_TIMEOUT: 'backend',
};

export function failedStage(record: RequestRecord): RouteStage | null {
  if (!isErrorRecord(record)) return null;
  const stage = record.errorCode ? STAGE_OF[record.errorCode as ErrorCode] : undefined;
  if (stage) return stage;
  return record.provider ? 'provider' : 'backend';
}

export function routeKey(r: Pick<IdentityRoute, 'clientApp' | 'model' | 'provider' | 'backend' | 'failedAt'>): string {
  // a separator no header-derived value can hold (identity values and User-Agents are printable), and
  // null kept apart from the string "null": cheaper than JSON.stringify on every request
  const part = (value: string | null) => (value === null ? '\u0001' : value);
  return `${part(r.clientApp)}\u0000${part(r.model)}\u0000${part(r.provider)}\u0000${part(r.backend)}\u0000${part(r.failedAt)}`;
}

export interface RouteTable {
  record(record: RequestRecord): void;
  /** copies, busiest first */
  list(): IdentityRoute[];
}

export function createRouteTable(): RouteTable {
  const byKey = new Map<string, IdentityRoute>();
  return {
    record(record) {
      const fields = {
        clientApp: record.clientApp,
        model: record.model,
        provider: record.provider,
        backend: record.backend,
        failedAt: failedStage(record),
      };
      const key = routeKey(fields);
      let route = byKey.get(key);
      if (!route) {
        if (byKey.size >= MAX_ROUTES) evictOldest(byKey);
        route = { ...fields, requests: 0, lastSeen: 0, minutes: [] };
        byKey.set(key, route);
      }
      route.requests += 1;
      route.lastSeen = Math.max(route.lastSeen, record.startedAt);
      const minute = record.startedAt - (record.startedAt % MINUTE_MS);
      const last = route.minutes[route.minutes.length - 1];
      if (last && last[0] === minute) last[1] += 1;
      else if (!last || last[0] < minute) route.minutes.push([minute, 1]);
      else {
        // a long request settling after a shorter, newer one: count it in its own minute, kept in order
        const at = route.minutes.findIndex(([m]) => m >= minute);
        if (route.minutes[at]?.[0] === minute) route.minutes[at]![1] += 1;
        else route.minutes.splice(at, 0, [minute, 1]);
      }
      const oldest = minute - MINUTES_KEPT * MINUTE_MS;
      while (route.minutes.length > 0 && route.minutes[0]![0] <= oldest) route.minutes.shift();
    },
    list() {
      return Array.from(byKey.values(), (r) => ({ ...r, minutes: r.minutes.map(([m, n]) => [m, n] as [number, number]) }))
        .sort((a, b) => b.requests - a.requests);
    },
  };
}

function evictOldest(byKey: Map<string, IdentityRoute>): void {
  let oldestKey: string | null = null;
  let oldest = Number.POSITIVE_INFINITY;
  for (const [key, route] of byKey) {
    if (route.lastSeen < oldest) {
      oldest = route.lastSeen;
      oldestKey = key;
    }
  }
  if (oldestKey !== null) byKey.delete(oldestKey);
}
