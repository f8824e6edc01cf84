// The request log survives restarts: at start the gateway reloads its most recent finished requests from
// the JSONL files, so the dashboard (and a dashboard reconnecting after a restart) still shows them.
//
// A line that cannot be read (torn by a crash mid-write, edited by hand) is never dropped in silence: it
// is appended to `<file>.damaged` (0600), the file is rewritten with the readable lines only, and one
// message per file says what was kept and where the rest went. So the first request after a crash is not
// appended onto a torn line, and the next start is quiet.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestRecord } from '../../../shared/protocol/records';
import { writeFileAtomic } from '../atomic-file';
import { DATA_FILES, rotatedJsonlFile } from '../config/data-files';

export interface JsonlHistory {
  /** the newest `maxEntries` records, oldest first */
  records: RequestRecord[];
  /** one line per repaired file, for the start-up log */
  problems: string[];
}

/** Reads the newest files until `maxEntries` records are found, repairing damaged ones on the way. */
export async function loadJsonlHistory(dir: string, maxEntries: number, files: number): Promise<JsonlHistory> {
  const names = [DATA_FILES.requests, ...Array.from({ length: files }, (_, i) => rotatedJsonlFile(i + 1))];
  const chunks: RequestRecord[][] = [];
  const problems: string[] = [];
  let count = 0;
  for (const name of names) {
    if (count >= maxEntries) break;
    const path = join(dir, name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // the current file's own problem is reported once, by the log opening it right after this
      if (code !== 'ENOENT' && name !== DATA_FILES.requests) problems.push(`Request history ${path} could not be read (${code ?? 'error'}); its requests are not shown`);
      continue;
    }
    const { records, good, bad } = await parseLines(text);
    if (bad.length > 0) problems.push(await moveAside(path, good, bad, records.length));
    chunks.push(records);
    count += records.length;
  }
  const all = chunks.reverse().flat();
  const seen = new Set<string>();
  const unique = all.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  return { records: unique.slice(Math.max(0, unique.length - maxEntries)), problems };
}

async function moveAside(path: string, good: string[], bad: string[], kept: number): Promise<string> {
  const lines = `${bad.length} unreadable line${bad.length === 1 ? '' : 's'}`;
  try {
    await appendFile(`${path}.damaged`, `${bad.join('\n')}\n`, { mode: 0o600 });
    await writeFileAtomic(path, good.length > 0 ? `${good.join('\n')}\n` : '');
    return `Request history ${path} was damaged: kept ${kept} records; moved ${lines} to ${path}.damaged`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return `Request history ${path} was damaged: kept ${kept} records; ${lines} skipped (could not move them aside: ${code})`;
  }
}

/**
 * Lines parsed between two turns of the event loop. A full 5,000-record log took one 30-60 ms block to
 * parse; in the desktop app that block is the tray and window not answering, so the work yields.
 */
export const REPLAY_SLICE = 500;

/** Lets timers, I/O and the UI run between slices of start-up work. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Field values longer than this are left as they are (free text, not worth a lookup). */
const SHARED_VALUE_MAX = 200;

/**
 * JSON.parse gives every record its own copy of every string, though a log repeats a handful of
 * identities, User-Agents, models, hosts and paths thousands of times: one copy of each is kept
 * (~1.5 MB of the ~3.6 MB 5,000 reloaded records held). `id` is unique, so it is skipped.
 */
function shareStrings(record: Record<string, unknown>, seen: Map<string, string>): void {
  for (const key in record) {
    const value = record[key];
    if (key === 'id' || typeof value !== 'string' || value.length > SHARED_VALUE_MAX) continue;
    const shared = seen.get(value);
    if (shared === undefined) seen.set(value, value);
    else record[key] = shared;
  }
}

async function parseLines(text: string): Promise<{ records: RequestRecord[]; good: string[]; bad: string[] }> {
  const records: RequestRecord[] = [];
  const good: string[] = [];
  const bad: string[] = [];
  const seen = new Map<string, string>();
  let since = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (++since >= REPLAY_SLICE) {
      since = 0;
      await yieldToLoop();
    }
    try {
      const record = JSON.parse(line) as RequestRecord;
      if (typeof record.id === 'string' && typeof record.startedAt === 'number') {
        shareStrings(record as unknown as Record<string, unknown>, seen);
        records.push(record);
        good.push(line);
        continue;
      }
    } catch {
      // falls through to `bad`
    }
    bad.push(line);
  }
  return { records, good, bad };
}

export interface HistorySinks {
  log: { upsert(record: RequestRecord): void };
  metrics: { record(record: RequestRecord): void };
  identities: { record(record: RequestRecord): void };
}

/** Puts reloaded records into the log, the metrics and the identity stats, a slice per loop turn. */
export async function replayHistory(records: readonly RequestRecord[], sinks: HistorySinks): Promise<void> {
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % REPLAY_SLICE === 0) await yieldToLoop();
    const record = records[i]!;
    sinks.log.upsert(record);
    sinks.metrics.record(record);
    sinks.identities.record(record);
  }
}
