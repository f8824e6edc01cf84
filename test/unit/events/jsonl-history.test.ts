// Reloading the request history at start: records come back as written, and the strings a log repeats
// thousands of times (User-Agents, identities, models, hosts) are held once, not once per record.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJsonlHistory } from '../../../main/core/events/jsonl-history';
import { historyRecord } from '../../../bench/history-seed';
import type { RequestRecord } from '../../../shared/protocol/records';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-history-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeLog(records: RequestRecord[]): Promise<void> {
  await writeFile(join(dir, 'requests.jsonl'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

describe('request history reload', () => {
  it('brings every record back as it was written', async () => {
    const records = Array.from({ length: 1200 }, (_, i) => historyRecord(i, 1_700_000_000_000 + i));
    await writeLog(records);
    const loaded = await loadJsonlHistory(dir, 5000, 1);
    expect(loaded.records).toEqual(records);
    expect(loaded.problems).toEqual([]);
  });

  it('holds a value repeated across records once (measured on the heap)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterLoading = async (userAgent: (i: number) => string) => {
      await writeLog(Array.from({ length: 5000 }, (_, i) => ({ ...historyRecord(i, 1_700_000_000_000 + i), userAgent: userAgent(i) })));
      gc();
      const before = getHeapStatistics().used_heap_size;
      const loaded = await loadJsonlHistory(dir, 5000, 1);
      gc();
      const grown = getHeapStatistics().used_heap_size - before;
      expect(loaded.records).toHaveLength(5000);
      return grown;
    };
    // five distinct 190-character User-Agents over 5,000 records: ~1 MB of copies if each record kept its own
    const long = (i: number) => `${'JetBrains-AI-Assistant/'.padEnd(185, 'x')}${String(i % 5).padStart(5, '0')}`;
    const short = (i: number) => `u${i % 5}`;
    const withLong = await heapAfterLoading(long);
    const withShort = await heapAfterLoading(short);
    expect(withLong - withShort).toBeLessThan(200 * 1024);
  });
});
