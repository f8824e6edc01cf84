// The bounded request log: rows keyed by request id, in arrival order, updated in place as a request
// moves started -> first_byte -> finished/failed. Each entry carries an arrival number `n` so the view
// can freeze the row set ("pause live scrolling") without copying rows.
import type { RequestRecord } from '../../../shared/protocol/records';

export const MAX_LOG_ROWS = 5_000;

export interface LogEntry {
  /** arrival number, strictly increasing; kept across resyncs for rows already known */
  n: number;
  record: RequestRecord;
}

export interface RequestLog {
  /** Map iteration order is arrival order (oldest first); updating a key keeps its place. */
  entries: ReadonlyMap<string, LogEntry>;
  nextN: number;
}

export const emptyLog: RequestLog = { entries: new Map(), nextN: 1 };

/**
 * Applies many record updates with one copy of the map (a batch per animation frame, not one per event),
 * then drops the oldest rows beyond `max`.
 */
export function upsertRecords(log: RequestLog, records: readonly RequestRecord[], max = MAX_LOG_ROWS): RequestLog {
  if (records.length === 0) return log;
  const entries = new Map(log.entries);
  let nextN = log.nextN;
  for (const record of records) {
    const existing = entries.get(record.id);
    if (existing) entries.set(record.id, { n: existing.n, record });
    else entries.set(record.id, { n: nextN++, record });
  }
  trimOldest(entries, max);
  return { entries, nextN };
}

/**
 * A snapshot replaces the log (resync after a reconnect). Rows we already knew keep their arrival number,
 * so a paused view stays as it was and nothing is shown twice.
 */
export function replaceRecords(log: RequestLog, records: readonly RequestRecord[], max = MAX_LOG_ROWS): RequestLog {
  const entries = new Map<string, LogEntry>();
  let nextN = log.nextN;
  for (const record of records) {
    const known = log.entries.get(record.id);
    entries.set(record.id, { n: known ? known.n : nextN++, record });
  }
  trimOldest(entries, max);
  return { entries, nextN };
}

export function clearLog(log: RequestLog): RequestLog {
  return { entries: new Map(), nextN: log.nextN };
}

function trimOldest(entries: Map<string, LogEntry>, max: number): void {
  let excess = entries.size - max;
  if (excess <= 0) return;
  for (const id of entries.keys()) {
    if (excess-- <= 0) break;
    entries.delete(id);
  }
}

/** Newest first: the view puts the latest request at the top, where a virtualized table always renders it. */
export function newestFirst(log: RequestLog, keep?: (entry: LogEntry) => boolean): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const entry of log.entries.values()) {
    if (!keep || keep(entry)) out.push(entry.record);
  }
  return out.reverse();
}
