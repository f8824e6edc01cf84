import { mkdtemp, mkdir, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openJsonlLog, type JsonlLog } from '../../../main/core/events/jsonl-log';
import type { RequestRecord } from '../../../shared/protocol/records';
import { record } from './fixtures';
import { rotatedJsonlFile } from '../../../main/core/config/data-files';

let dir: string;
const opened: JsonlLog[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-jsonl-'));
});

afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function openLog(options: { maxBytes?: number; files?: number; onError?: (e: Error) => void } = {}): Promise<JsonlLog> {
  const log = await openJsonlLog({ dir, maxBytes: options.maxBytes ?? 1_000_000, files: options.files ?? 3, ...(options.onError ? { onError: options.onError } : {}) });
  opened.push(log);
  return log;
}

async function readLines(name: string): Promise<RequestRecord[]> {
  const text = await readFile(join(dir, name), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RequestRecord);
}

const lineBytes = (r: RequestRecord) => Buffer.byteLength(`${JSON.stringify(r)}\n`);

describe('JSONL request log', () => {
  it('appends one JSON line per record, 0600, written after the calling tick', async () => {
    const log = await openLog();
    const records = [record({ id: 'a' }), record({ id: 'b', status: 500, phase: 'error' })];
    for (const r of records) log.append(r);
    // nothing is written synchronously: the request path only queued
    expect((await stat(log.path)).size).toBe(0);
    await log.flush();
    expect(await readLines('requests.jsonl')).toEqual(records);
    expect((await stat(log.path)).mode & 0o777).toBe(0o600);
  });

  it('tightens an existing file to 0600 and appends after its content', async () => {
    const existing = `${JSON.stringify(record({ id: 'old' }))}\n`;
    await writeFile(join(dir, 'requests.jsonl'), existing, { mode: 0o644 });
    const log = await openLog();
    expect((await stat(log.path)).mode & 0o777).toBe(0o600);
    log.append(record({ id: 'new' }));
    await log.flush();
    expect((await readLines('requests.jsonl')).map((r) => r.id)).toEqual(['old', 'new']);
  });

  it('writes a burst of appends in two writes: the first batchRecords at once, the rest together', async () => {
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const log = await openLog();
    const spy = vi.spyOn(proto, 'write');
    for (let i = 0; i < 200; i += 1) log.append(record({ id: `burst-${i}` }));
    await log.flush();
    expect(spy).toHaveBeenCalledTimes(2);
    expect(await readLines('requests.jsonl')).toHaveLength(200);
  });

  it('records that arrive during a write wait for the timer or a full batch, not for the write to end', async () => {
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const log = await openJsonlLog({ dir, maxBytes: 1_000_000, files: 3, batchMs: 150, batchRecords: 32 });
    opened.push(log);
    const spy = vi.spyOn(proto, 'write');
    for (let i = 0; i < 32; i += 1) log.append(record({ id: `full-${i}` }));
    expect(spy).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i += 1) log.append(record({ id: `late-${i}` }));
    await spy.mock.results[0]!.value;
    await new Promise((resolve) => setImmediate(resolve));
    // before: the five followed at once in a batch of their own (one write per ~5 requests under load)
    expect(spy).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 200 && spy.mock.calls.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(spy).toHaveBeenCalledTimes(2);
    await log.flush();
    expect((await readLines('requests.jsonl')).map((r) => r.id)).toHaveLength(37);
  });

  it('rotates by size into requests.1 … requests.<files>, newest in requests.jsonl, none above the cap', async () => {
    const sample = record({ id: 'rot-000' });
    const maxBytes = lineBytes(sample) * 4 + 10; // four records per file
    const log = await openLog({ maxBytes, files: 2 });
    const ids: string[] = [];
    // some records in separate batches, some in one batch that must rotate mid-way
    for (let i = 0; i < 6; i += 1) {
      const id = `rot-${String(i).padStart(3, '0')}`;
      ids.push(id);
      log.append(record({ id }));
      await log.flush();
    }
    for (let i = 6; i < 30; i += 1) {
      const id = `rot-${String(i).padStart(3, '0')}`;
      ids.push(id);
      log.append(record({ id }));
    }
    await log.flush();

    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['requests.1.jsonl', 'requests.2.jsonl', 'requests.jsonl']);
    for (const name of names) {
      expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(maxBytes);
      expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);
    }
    const kept = [
      ...(await readLines(rotatedJsonlFile(2))),
      ...(await readLines(rotatedJsonlFile(1))),
      ...(await readLines('requests.jsonl')),
    ].map((r) => r.id);
    // the kept history is the newest, contiguous and in order
    expect(kept).toEqual(ids.slice(ids.length - kept.length));
    expect(kept.length).toBeGreaterThanOrEqual(9);
  });

  it('keeps counting the size of a file it reopened', async () => {
    const sample = record({ id: 'size-0' });
    const maxBytes = lineBytes(sample) * 2 + 5;
    const first = await openLog({ maxBytes, files: 1 });
    first.append(record({ id: 'size-0' }));
    first.append(record({ id: 'size-1' }));
    await first.close();
    const second = await openLog({ maxBytes, files: 1 });
    second.append(record({ id: 'size-2' }));
    await second.flush();
    expect((await readLines('requests.jsonl')).map((r) => r.id)).toEqual(['size-2']);
    expect((await readLines('requests.1.jsonl')).map((r) => r.id)).toEqual(['size-0', 'size-1']);
  });

  it('with files = 0 starts over instead of keeping rotated files', async () => {
    const sample = record({ id: 'z-0' });
    const log = await openLog({ maxBytes: lineBytes(sample) + 1, files: 0 });
    for (let i = 0; i < 3; i += 1) log.append(record({ id: `z-${i}` }));
    await log.flush();
    expect(await readdir(dir)).toEqual(['requests.jsonl']);
    expect((await readLines('requests.jsonl')).map((r) => r.id)).toEqual(['z-2']);
  });

  it('reports a failing rotation once, never throws, and keeps the records in the current file', async () => {
    // a non-empty directory where the oldest rotated file must be removed: rm fails, even as root
    await mkdir(join(dir, 'requests.1.jsonl'));
    await writeFile(join(dir, 'requests.1.jsonl', 'blocker'), 'x');
    const errors: Error[] = [];
    const sample = record({ id: 'e-0' });
    const log = await openLog({ maxBytes: lineBytes(sample) + 1, files: 1, onError: (e) => errors.push(e) });
    for (let round = 0; round < 3; round += 1) {
      expect(() => log.append(record({ id: `e-${round}` }))).not.toThrow();
      await expect(log.flush()).resolves.toBeUndefined();
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(Error);
    expect((await readLines('requests.jsonl')).map((r) => r.id)).toEqual(['e-0', 'e-1', 'e-2']);
  });

  it('reports a new run of failures again after a clean batch', async () => {
    const blocker = join(dir, 'requests.1.jsonl');
    const block = async () => {
      await rm(blocker, { recursive: true, force: true });
      await mkdir(blocker);
      await writeFile(join(blocker, 'blocker'), 'x');
    };
    await block();
    const errors: Error[] = [];
    const sample = record({ id: 'f-0' });
    const log = await openLog({ maxBytes: lineBytes(sample) + 1, files: 1, onError: (e) => errors.push(e) });
    log.append(record({ id: 'f-0' }));
    log.append(record({ id: 'f-1' })); // rotation fails
    await log.flush();
    await rm(blocker, { recursive: true, force: true });
    log.append(record({ id: 'f-2' })); // rotation works
    await log.flush();
    await block();
    log.append(record({ id: 'f-3' })); // fails again
    await log.flush();
    expect(errors).toHaveLength(2);
  });

  it('reports appends after close instead of throwing', async () => {
    const errors: Error[] = [];
    const log = await openLog({ onError: (e) => errors.push(e) });
    await log.close();
    expect(() => log.append(record())).not.toThrow();
    expect(errors.map((e) => e.message)).toEqual(['JSONL request log is closed']);
  });

  it('refuses to open where the file cannot be created', async () => {
    await mkdir(join(dir, 'requests.jsonl'));
    await expect(openJsonlLog({ dir, maxBytes: 100, files: 1 })).rejects.toThrow();
  });
});

describe('JSONL request log under crashes', () => {
  it('writes as soon as batchRecords records wait, without waiting for the timer (bounded loss on SIGKILL)', async () => {
    // a timer that never fires within the test: only the record threshold can cause the write
    const log = await openJsonlLog({ dir, maxBytes: 1_000_000, files: 3, batchMs: 3_600_000, batchRecords: 4 });
    opened.push(log);
    for (const id of ['a', 'b', 'c', 'd']) log.append(record({ id }));
    let lines: RequestRecord[] = [];
    for (let i = 0; i < 500 && lines.length < 4; i++) {
      await new Promise((r) => setImmediate(r));
      lines = await readLines('requests.jsonl').catch(() => []);
    }
    expect(lines.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a torn last line left by a crash does not swallow the next record', async () => {
    const old = `${JSON.stringify(record({ id: 'old' }))}\n`;
    await writeFile(join(dir, 'requests.jsonl'), `${old}{"id":"torn","start`);
    const log = await openLog();
    log.append(record({ id: 'new' }));
    await log.flush();
    const text = await readFile(join(dir, 'requests.jsonl'), 'utf8');
    const parsed = text.split('\n').filter(Boolean).flatMap((line) => {
      try {
        return [(JSON.parse(line) as RequestRecord).id];
      } catch {
        return [];
      }
    });
    expect(parsed).toEqual(['old', 'new']);
  });
});
