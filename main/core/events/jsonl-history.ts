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
import { JSONL_FILE, rotatedJsonlFile } from './jsonl-log';

export interface JsonlHistory {
  /** the newest `maxEntries` records, oldest first */
  records: RequestRecord[];
  /** one line per repaired file, for the start-up log */
  problems: string[];
}

/** Reads the newest files until `maxEntries` records are found, repairing damaged ones on the way. */
export async function loadJsonlHistory(dir: string, maxEntries: number, files: number): Promise<JsonlHistory> {
  const names = [JSONL_FILE, ...Array.from({ length: files }, (_, i) => rotatedJsonlFile(i + 1))];
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
      if (code !== 'ENOENT' && name !== JSONL_FILE) problems.push(`Request history ${path} could not be read (${code ?? 'error'}); its requests are not shown`);
      continue;
    }
    const { records, good, bad } = parseLines(text);
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

function parseLines(text: string): { records: RequestRecord[]; good: string[]; bad: string[] } {
  const records: RequestRecord[] = [];
  const good: string[] = [];
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const record = JSON.parse(line) as RequestRecord;
      if (typeof record.id === 'string' && typeof record.startedAt === 'number') {
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
