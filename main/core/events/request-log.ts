// The bounded in-memory request log behind the dashboard's table and the snapshot. A Map keeps insertion
// order, so the first key is always the oldest entry; updating an id in place keeps its position.
import type { RequestRecord } from '../../../shared/protocol/records';

export const DEFAULT_LOG_ENTRIES = 5_000;

export interface RequestLog {
  /** inserts, or replaces the entry with the same id without moving it; evicts the oldest when full */
  upsert(record: RequestRecord): void;
  get(id: string): RequestRecord | undefined;
  /** oldest first */
  list(): RequestRecord[];
  clear(): void;
  size(): number;
}

export function createRequestLog(maxEntries: number = DEFAULT_LOG_ENTRIES): RequestLog {
  const limit = Math.max(1, Math.floor(maxEntries));
  const entries = new Map<string, RequestRecord>();
  return {
    upsert(record) {
      if (!entries.has(record.id) && entries.size >= limit) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(record.id, record);
    },
    get: (id) => entries.get(id),
    list: () => Array.from(entries.values()),
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
