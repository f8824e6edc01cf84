import { describe, expect, it } from 'vitest';
import { createRequestLog } from '../../../main/core/events/request-log';
import { record } from './fixtures';

describe('request log', () => {
  it('keeps the newest entries up to its bound, oldest first', () => {
    const log = createRequestLog(3);
    const records = [1, 2, 3, 4, 5].map((n) => record({ id: `r${n}` }));
    for (const r of records) log.upsert(r);
    expect(log.size()).toBe(3);
    expect(log.list().map((r) => r.id)).toEqual(['r3', 'r4', 'r5']);
    expect(log.get('r1')).toBeUndefined();
    expect(log.get('r5')).toBe(records[4]);
  });

  it('updates an entry in place: same position, nothing evicted', () => {
    const log = createRequestLog(3);
    for (const id of ['a', 'b', 'c']) log.upsert(record({ id, phase: 'pending' }));
    log.upsert(record({ id: 'a', phase: 'done', status: 201 }));
    expect(log.size()).toBe(3);
    expect(log.list().map((r) => `${r.id}:${r.phase}`)).toEqual(['a:done', 'b:pending', 'c:pending']);
    expect(log.get('a')?.status).toBe(201);
  });

  it('clears', () => {
    const log = createRequestLog(10);
    log.upsert(record());
    log.clear();
    expect(log.size()).toBe(0);
    expect(log.list()).toEqual([]);
  });

  it('defaults to 5,000 entries', () => {
    const log = createRequestLog(undefined as unknown as number);
    for (let i = 0; i < 5_001; i += 1) log.upsert(record({ id: `n${i}` }));
    expect(log.size()).toBe(5_000);
    expect(log.list()[0]?.id).toBe('n1');
  });

  it('evicts in insertion order however updates and evictions interleave, and after a clear', () => {
    const log = createRequestLog(3);
    for (const id of ['a', 'b', 'c']) log.upsert(record({ id }));
    log.upsert(record({ id: 'a', status: 200 }));
    log.upsert(record({ id: 'd' }));
    expect(log.list().map((r) => r.id)).toEqual(['b', 'c', 'd']);
    log.upsert(record({ id: 'c', status: 500 }));
    for (const id of ['e', 'f']) log.upsert(record({ id }));
    expect(log.list().map((r) => r.id)).toEqual(['d', 'e', 'f']);
    log.clear();
    for (const id of ['g', 'h', 'i', 'j']) log.upsert(record({ id }));
    expect(log.list().map((r) => r.id)).toEqual(['h', 'i', 'j']);
  });
});
