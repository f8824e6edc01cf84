// The request log survives restarts: at start the gateway reloads its most recent finished requests from
// the JSONL files, so the dashboard (and a dashboard reconnecting after a restart) still shows them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestRecord } from '../../../shared/protocol/records';
import { JSONL_FILE, rotatedJsonlFile } from './jsonl-log';

/** The newest `maxEntries` records, oldest first. Unreadable files and lines are skipped. */
export async function readRecentRecords(dir: string, maxEntries: number, files: number): Promise<RequestRecord[]> {
  const names = [JSONL_FILE, ...Array.from({ length: files }, (_, i) => rotatedJsonlFile(i + 1))];
  const chunks: RequestRecord[][] = [];
  let count = 0;
  for (const name of names) {
    if (count >= maxEntries) break;
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    const records = parseLines(text);
    chunks.push(records);
    count += records.length;
  }
  const all = chunks.reverse().flat();
  const seen = new Set<string>();
  const unique = all.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  return unique.slice(Math.max(0, unique.length - maxEntries));
}

function parseLines(text: string): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const record = JSON.parse(line) as RequestRecord;
      if (typeof record.id === 'string' && typeof record.startedAt === 'number') out.push(record);
    } catch {
      // a torn last line after a crash
    }
  }
  return out;
}
