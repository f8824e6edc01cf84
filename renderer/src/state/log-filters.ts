// Filters for the request log as pure functions over records, so the view, the export and the tests
// agree on what "visible rows" means.
import type { Mode, RequestRecord } from '../../../shared/protocol/records';
import { appName } from '../lib/routing-graph';
import type { LogEntry, RequestLog } from './request-log';
import { newestFirst } from './request-log';

export type StatusClass = 'pending' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed';
export const STATUS_CLASSES: readonly StatusClass[] = ['pending', '2xx', '3xx', '4xx', '5xx', 'failed'];

export interface LogFilters {
  /** '' means any */
  identity: string;
  /** client app name without its version (the routing map's grouping) */
  app: string;
  model: string;
  provider: string;
  backend: Mode | '';
  status: StatusClass | '';
  text: string;
}

export const emptyFilters: LogFilters = { identity: '', app: '', model: '', provider: '', backend: '', status: '', text: '' };

export function statusClass(record: RequestRecord): StatusClass {
  if (record.status !== null) {
    const hundreds = Math.floor(record.status / 100);
    if (hundreds >= 2 && hundreds <= 5) return `${hundreds}xx` as StatusClass;
  }
  if (record.phase === 'pending' || record.phase === 'streaming') return 'pending';
  return record.phase === 'error' ? 'failed' : '2xx';
}

/**
 * Lower-cased search text per record. Records are replaced, never mutated, so an entry stays valid for
 * the object's life; the view keeps one index so that re-filtering 5,000 rows every frame under live
 * traffic costs a string search per row, not a string build per row.
 */
export type SearchIndex = WeakMap<RequestRecord, string>;

export function createSearchIndex(): SearchIndex {
  return new WeakMap();
}

function searchText(record: RequestRecord, index?: SearchIndex): string {
  const cached = index?.get(record);
  if (cached !== undefined) return cached;
  const text = searchable(record).join('\n').toLowerCase();
  index?.set(record, text);
  return text;
}

function searchable(record: RequestRecord): string[] {
  return [
    record.id,
    record.path,
    record.method,
    record.identity,
    record.clientApp,
    record.userAgent,
    record.model ?? '',
    record.providerModel ?? '',
    record.provider ?? '',
    record.upstreamHost ?? '',
    record.backend,
    record.status === null ? '' : String(record.status),
    record.errorCode ?? '',
    record.errorMessage ?? '',
    // "replay" finds Compare's replays; the original's id finds its replays too
    record.replayOf ? `replay ${record.replayOf}` : '',
  ];
}

/** Builds one predicate per filter set; free text matches any field, case-insensitive, all words required. */
export function matchFilters(filters: LogFilters, index?: SearchIndex): (record: RequestRecord) => boolean {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (record) => {
    if (filters.identity && record.identity !== filters.identity) return false;
    if (filters.model && record.model !== filters.model) return false;
    if (filters.app && appName(record.clientApp) !== filters.app) return false;
    if (filters.provider && record.provider !== filters.provider) return false;
    if (filters.backend && record.backend !== filters.backend) return false;
    if (filters.status && statusClass(record) !== filters.status) return false;
    if (words.length === 0) return true;
    const haystack = searchText(record, index);
    return words.every((w) => haystack.includes(w));
  };
}

export function hasActiveFilters(filters: LogFilters): boolean {
  return Boolean(filters.identity || filters.app || filters.model || filters.provider || filters.backend || filters.status || filters.text.trim());
}

/**
 * The rows the table shows, newest first. `frozenAt` (an arrival number) hides rows that arrived after
 * the user paused live scrolling; rows already shown keep updating in place.
 */
export function visibleRows(log: RequestLog, filters: LogFilters, frozenAt: number | null = null, index?: SearchIndex): RequestRecord[] {
  const match = matchFilters(filters, index);
  return newestFirst(log, (entry: LogEntry) => (frozenAt === null || entry.n < frozenAt) && match(entry.record));
}

/** How many rows arrived while paused (they appear on resume). */
export function countArrivedSince(log: RequestLog, frozenAt: number | null): number {
  if (frozenAt === null) return 0;
  let count = 0;
  for (const entry of log.entries.values()) if (entry.n >= frozenAt) count++;
  return count;
}

export interface FilterOptions {
  identities: string[];
  models: string[];
  backends: Mode[];
}

/** Choices for the filter menus: what the log holds plus known identities, sorted. */
export function filterOptions(log: RequestLog, knownIdentities: readonly string[] = []): FilterOptions {
  const identities = new Set(knownIdentities);
  const models = new Set<string>();
  const backends = new Set<Mode>();
  for (const { record } of log.entries.values()) {
    identities.add(record.identity);
    if (record.model) models.add(record.model);
    backends.add(record.backend);
  }
  const sort = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b));
  return { identities: sort(identities), models: sort(models), backends: sort(backends) as Mode[] };
}
