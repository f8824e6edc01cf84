// Filters for the request log as pure functions over records, so the view, the export and the tests
// agree on what "visible rows" means.
import type { Mode, RequestRecord } from '../../../shared/protocol/records';
import type { LogEntry, RequestLog } from './request-log';
import { newestFirst } from './request-log';

export type StatusClass = 'pending' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed';
export const STATUS_CLASSES: readonly StatusClass[] = ['pending', '2xx', '3xx', '4xx', '5xx', 'failed'];

export interface LogFilters {
  /** '' means any */
  identity: string;
  model: string;
  backend: Mode | '';
  status: StatusClass | '';
  text: string;
}

export const emptyFilters: LogFilters = { identity: '', model: '', backend: '', status: '', text: '' };

export function statusClass(record: RequestRecord): StatusClass {
  if (record.status !== null) {
    const hundreds = Math.floor(record.status / 100);
    if (hundreds >= 2 && hundreds <= 5) return `${hundreds}xx` as StatusClass;
  }
  if (record.phase === 'pending' || record.phase === 'streaming') return 'pending';
  return record.phase === 'error' ? 'failed' : '2xx';
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
  ];
}

/** Builds one predicate per filter set; free text matches any field, case-insensitive, all words required. */
export function matchFilters(filters: LogFilters): (record: RequestRecord) => boolean {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (record) => {
    if (filters.identity && record.identity !== filters.identity) return false;
    if (filters.model && record.model !== filters.model) return false;
    if (filters.backend && record.backend !== filters.backend) return false;
    if (filters.status && statusClass(record) !== filters.status) return false;
    if (words.length === 0) return true;
    const haystack = searchable(record).join('\n').toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
}

export function hasActiveFilters(filters: LogFilters): boolean {
  return Boolean(filters.identity || filters.model || filters.backend || filters.status || filters.text.trim());
}

/**
 * The rows the table shows, newest first. `frozenAt` (an arrival number) hides rows that arrived after
 * the user paused live scrolling; rows already shown keep updating in place.
 */
export function visibleRows(log: RequestLog, filters: LogFilters, frozenAt: number | null = null): RequestRecord[] {
  const match = matchFilters(filters);
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
