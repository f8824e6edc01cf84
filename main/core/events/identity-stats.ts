// Who has been calling: per memory identity, request and error counts, when it was last seen, and short
// most-recent-first lists of its models, User-Agents, client apps and how it was matched. The dashboard
// uses this to show a user that e.g. PyCharm really lands on `pycharm-ai`.
import type { IdentityStats, RequestRecord } from '../../../shared/protocol/records';
import { createRouteTable, type RouteTable } from './identity-routes';
import { isErrorRecord } from './metrics';

/** Entries kept per list; a client that changes its User-Agent every request cannot grow one forever. */
export const MAX_LIST_ENTRIES = 10;
export const DEFAULT_CUSTOM_HEADER = 'x-memory-user-id';

export interface IdentityStatsStore {
  /** counts a finished or failed request */
  record(record: RequestRecord): void;
  /** a copy of one identity's stats */
  get(userId: string): IdentityStats | null;
  /** copies, first seen first */
  list(): IdentityStats[];
  clear(): void;
}

/** "header x-memory-user-id", "user-agent ~ OpenAIClientImpl/Java", "default". */
export function describeMatch(record: RequestRecord, customHeader: string): string {
  if (record.identitySource === 'custom-header') return `header ${customHeader}`;
  if (record.identitySource === 'pattern' && record.matchedPattern) {
    return `${record.matchedPattern.header.toLowerCase()} ~ ${record.matchedPattern.pattern}`;
  }
  return 'default';
}

function remember(list: string[], value: string): void {
  if (!value) return;
  const at = list.indexOf(value);
  if (at === 0) return;
  if (at > 0) list.splice(at, 1);
  list.unshift(value);
  if (list.length > MAX_LIST_ENTRIES) list.length = MAX_LIST_ENTRIES;
}

function rememberMode(list: IdentityStats['backends'], mode: IdentityStats['backends'][number]): void {
  const at = list.indexOf(mode);
  if (at === 0) return;
  if (at > 0) list.splice(at, 1);
  list.unshift(mode);
}

/** A copy; the routes are built from the identity's route table here (it copies), not on every request. */
function copy(stats: IdentityStats, table: RouteTable | undefined): IdentityStats {
  return {
    ...stats,
    models: [...stats.models],
    userAgents: [...stats.userAgents],
    clientApps: [...stats.clientApps],
    matchedBy: [...stats.matchedBy],
    providers: [...stats.providers],
    backends: [...stats.backends],
    routes: table ? table.list() : [],
  };
}

/** `customHeader` names the identity header in "header …" descriptions (config `custom_header`). */
export function createIdentityStats(options: { customHeader?: string } = {}): IdentityStatsStore {
  const customHeader = (options.customHeader ?? DEFAULT_CUSTOM_HEADER).toLowerCase();
  const byId = new Map<string, IdentityStats>();
  const routes = new Map<string, RouteTable>();
  return {
    record(record) {
      let stats = byId.get(record.identity);
      let table = routes.get(record.identity);
      if (!stats || !table) {
        stats = {
          userId: record.identity, requests: 0, errors: 0, lastSeen: null, models: [], userAgents: [], clientApps: [],
          matchedBy: [], providers: [], backends: [], routes: [],
        };
        table = createRouteTable();
        byId.set(record.identity, stats);
        routes.set(record.identity, table);
      }
      stats.requests += 1;
      if (isErrorRecord(record)) stats.errors += 1;
      stats.lastSeen = Math.max(stats.lastSeen ?? 0, record.startedAt);
      remember(stats.models, record.model ?? '');
      remember(stats.userAgents, record.userAgent);
      remember(stats.clientApps, record.clientApp);
      remember(stats.matchedBy, describeMatch(record, customHeader));
      remember(stats.providers, record.provider ?? '');
      rememberMode(stats.backends, record.backend);
      // the sorted route list is built when someone reads it (get/list), not per request: copying and
      // sorting up to 40 routes with an hour of minutes each was a visible share of a request's CPU
      table.record(record);
    },
    get(userId) {
      const stats = byId.get(userId);
      return stats ? copy(stats, routes.get(userId)) : null;
    },
    list: () => Array.from(byId.values(), (stats) => copy(stats, routes.get(stats.userId))),
    clear() {
      byId.clear();
      routes.clear();
    },
  };
}
