import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createBodyBuffer } from '../../../main/core/events/captured-body';
import { fingerprint } from '../../../main/core/events/fingerprint';
import { MAX_NOTES, addNote, createRequestCaptures } from '../../../main/core/events/request-captures';

const redact = { fingerprint, secrets: [] as string[] };
const keep = (text: string) => text;

describe('body buffer', () => {
  it('keeps at most the cap, counts every byte and says it truncated', () => {
    const body = createBodyBuffer(10, 'application/json', false);
    body.append(Buffer.from('0123456'));
    body.append(Buffer.from('789abcdef'));
    body.append('ghij');
    const view = body.view(keep);
    expect(view).toEqual({ text: '0123456789', truncated: true, totalBytes: 20, contentType: 'application/json', sse: false });
  });

  it('is not truncated when everything fit', () => {
    const body = createBodyBuffer(64, null, false);
    body.append('{"a":1}');
    expect(body.view(keep)).toMatchObject({ text: '{"a":1}', truncated: false, totalBytes: 7 });
  });

  it('counts multi-byte strings in bytes', () => {
    const body = createBodyBuffer(4, null, false);
    body.append('héllo'); // 6 bytes
    const view = body.view(keep);
    expect(view.totalBytes).toBe(6);
    expect(view.truncated).toBe(true);
    expect(Buffer.byteLength(view.text)).toBeLessThanOrEqual(6); // a cut character decodes to U+FFFD
    expect(view.text.startsWith('hé')).toBe(true);
  });

  it('copies what it keeps: the caller’s buffer is not held (holding it kept every request’s buffers alive)', () => {
    const body = createBodyBuffer(16, null, false);
    const chunk = Buffer.alloc(8, 'a');
    body.append(chunk);
    chunk.write('mutated!');
    expect(body.view(keep).text).toBe('aaaaaaaa');
  });

  it('copies the part of a chunk that crosses the cap, so the rest of a large body is not pinned', () => {
    const body = createBodyBuffer(4, null, false);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    body.append(chunk);
    chunk.fill('y');
    expect(body.view(keep)).toMatchObject({ text: 'xxxx', truncated: true, totalBytes: 64 * 1024 });
  });

  it('copies a small chunk that is a view into a much larger buffer', () => {
    const body = createBodyBuffer(64, null, false);
    const slab = Buffer.alloc(64 * 1024, 'x');
    body.append(slab.subarray(0, 10));
    slab.fill('y');
    expect(body.view(keep).text).toBe('xxxxxxxxxx');
  });

  it('passes the decoded text and whether it was cut to the scrubber', () => {
    const body = createBodyBuffer(3, null, false);
    body.append('abcdef');
    const calls: Array<[string, boolean]> = [];
    body.view((text, cut) => {
      calls.push([text, cut]);
      return text;
    });
    expect(calls).toEqual([['abc', true]]);
  });
});

describe('request captures', () => {
  it('keeps the last N entries', () => {
    const captures = createRequestCaptures({ entries: 2, bytes: 100 });
    for (const id of ['a', 'b', 'c']) captures.open(id);
    expect(captures.size()).toBe(2);
    expect(captures.get('a')).toBeUndefined();
    expect(captures.view('a', redact)).toBeNull();
    expect(captures.get('c')).toBeDefined();
  });

  it('captures nothing when entries is 0', () => {
    const captures = createRequestCaptures({ entries: 0, bytes: 100 });
    expect(captures.open('a')).toBeNull();
    expect(captures.size()).toBe(0);
  });

  it('keeps an SSE response as its transcript, capped like any body', () => {
    const captures = createRequestCaptures({ entries: 5, bytes: 60 });
    const entry = captures.open('s');
    if (!entry) throw new Error('no entry');
    const body = captures.captureBody(entry, 'response', 'text/event-stream; charset=utf-8');
    const events = [
      'event: message_start\ndata: {"type":"message_start"}\n\n',
      'event: content_block_delta\ndata: {"delta":{"text":"Hi"}}\n\n',
    ];
    for (const e of events) body.append(Buffer.from(e));
    const view = captures.view('s', redact);
    expect(view?.responseBody).toEqual({
      text: events.join('').slice(0, 60),
      truncated: true,
      totalBytes: Buffer.byteLength(events.join('')),
      contentType: 'text/event-stream; charset=utf-8',
      sse: true,
    });
    expect(view?.responseBody?.text.startsWith('event: message_start\ndata: ')).toBe(true);
  });

  it('redacts headers when viewed, with fingerprints', () => {
    const captures = createRequestCaptures({ entries: 5, bytes: 60 });
    const entry = captures.open('h');
    if (!entry) throw new Error('no entry');
    entry.requestHeaders = { authorization: 'Bearer sk-local-master-0001', 'content-type': 'application/json' };
    entry.upstreamRequestHeaders = { 'x-api-key': 'sk-ant-provider-0002' };
    entry.responseHeaders = { 'set-cookie': ['__cf_bm=cookievalue123; Path=/', '_cfuvid=other456; Path=/'] };
    const view = captures.view('h', redact);
    expect(view?.requestHeaders).toEqual({
      authorization: `Bearer [redacted] fp:${fingerprint('sk-local-master-0001')}`,
      'content-type': 'application/json',
    });
    expect(view?.upstreamRequestHeaders['x-api-key']).toBe(`[redacted] fp:${fingerprint('sk-ant-provider-0002')}`);
    expect(view?.responseHeaders['set-cookie']).toBe('[redacted] (2 cookies: __cf_bm, _cfuvid)');
  });

  it('bounds the notes of one entry', () => {
    const captures = createRequestCaptures({ entries: 1, bytes: 10 });
    const entry = captures.open('n');
    for (let i = 0; i < MAX_NOTES + 10; i += 1) addNote(entry, `note ${i}`);
    expect(captures.view('n', redact)?.notes).toHaveLength(MAX_NOTES);
  });

  it('clears', () => {
    const captures = createRequestCaptures({ entries: 3, bytes: 10 });
    captures.open('a');
    captures.clear();
    expect(captures.size()).toBe(0);
  });

  it('bounds the bytes of all bodies together: the oldest captures go first, never the one being written', () => {
    const captures = createRequestCaptures({ entries: 10, bytes: 100, totalBytes: 250 });
    const fill = (id: string, size: number) => {
      const entry = captures.open(id);
      if (!entry) throw new Error('no entry');
      captures.captureBody(entry, 'request', 'application/json').append(Buffer.alloc(size, 0x61));
      return entry;
    };
    fill('a', 100);
    fill('b', 100);
    expect(captures.keptBytes()).toBe(200);
    const c = fill('c', 100);
    // 300 > 250: the oldest (a) goes; b and c stay
    expect(captures.get('a')).toBeUndefined();
    expect(captures.get('b')).toBeDefined();
    expect(captures.keptBytes()).toBe(200);
    // the entry being written keeps its bytes even when it alone passes the bound
    captures.captureBody(c, 'response', 'application/json').append(Buffer.alloc(100, 0x62));
    expect(captures.get('b')).toBeUndefined();
    expect(captures.get('c')).toBeDefined();
    expect(captures.view('c', redact)?.responseBody?.totalBytes).toBe(100);
    expect(captures.keptBytes()).toBe(200);
    captures.clear();
    expect(captures.keptBytes()).toBe(0);
  });

  it('keeps bodies in one ring that grows only as far as live captures need', () => {
    const captures = createRequestCaptures({ entries: 3, bytes: 4096, totalBytes: 8 * 1024 * 1024 });
    const fill = (id: string, size: number, byte: number) => {
      const entry = captures.open(id);
      if (!entry) throw new Error('no entry');
      captures.captureBody(entry, 'request', 'application/json').append(Buffer.alloc(size, byte));
    };
    // small bodies: three entries never need more than the first 64 KB, however many requests pass
    for (let i = 0; i < 500; i++) fill(`s${i}`, 1000, 0x61 + (i % 26));
    expect(captures.ringBytes()).toBe(64 * 1024);
    expect(captures.keptBytes()).toBe(3000);
    expect(captures.view('s499', redact)?.requestBody?.text).toBe(String.fromCharCode(0x61 + (499 % 26)).repeat(1000));
    // large ones are cut at the cap: three of them still fit
    for (let i = 0; i < 30; i++) fill(`l${i}`, 4096 * 10, 0x41 + (i % 26));
    expect(captures.ringBytes()).toBe(64 * 1024);
    const big = createRequestCaptures({ entries: 50, bytes: 64 * 1024, totalBytes: 8 * 1024 * 1024 });
    for (let i = 0; i < 40; i++) {
      const entry = big.open(`b${i}`);
      if (!entry) throw new Error('no entry');
      big.captureBody(entry, 'request', null).append(Buffer.alloc(64 * 1024, 0x41 + (i % 26)));
    }
    expect(big.ringBytes()).toBe(4 * 1024 * 1024);
    expect(big.size()).toBe(40);
    expect(big.keptBytes()).toBe(40 * 64 * 1024);
    expect(big.view('b0', redact)?.requestBody?.text).toBe('A'.repeat(64 * 1024));
    expect(big.view('b39', redact)?.requestBody?.text).toBe(String.fromCharCode(0x41 + (39 % 26)).repeat(64 * 1024));
  });

  it('gives the memory of a burst of large bodies back once small ones replace them', () => {
    const captures = createRequestCaptures({ entries: 20, bytes: 64 * 1024, totalBytes: 8 * 1024 * 1024 });
    const fill = (id: string, size: number) => {
      const entry = captures.open(id);
      if (!entry) throw new Error('no entry');
      captures.captureBody(entry, 'request', null).append(Buffer.alloc(size, id.charCodeAt(0)));
    };
    for (let i = 0; i < 20; i++) fill(`L${i}`, 64 * 1024);
    expect(captures.ringBytes()).toBe(2 * 1024 * 1024);
    for (let i = 0; i < 200; i++) fill(`s${i}`, 1000);
    expect(captures.ringBytes()).toBe(64 * 1024);
    // the small ones that stayed are whole after every move
    expect(captures.size()).toBe(20);
    for (let i = 180; i < 200; i++) expect(captures.view(`s${i}`, redact)?.requestBody?.text).toBe('s'.repeat(1000));
  });

  it('never grows past the total bound: the ring overwrites the oldest bodies and drops their entries', () => {
    const captures = createRequestCaptures({ entries: 1000, bytes: 64 * 1024, totalBytes: 1024 * 1024 });
    for (let i = 0; i < 100; i++) {
      const entry = captures.open(`e${i}`);
      if (!entry) throw new Error('no entry');
      const body = captures.captureBody(entry, 'request', null);
      // in several chunks, as a socket delivers them: one body's bytes stay in order across the ring's end
      const text = `${i}:`.padEnd(50 * 1024, String.fromCharCode(0x61 + (i % 26)));
      // (strings too: SSE transcripts and translated answers are appended as text)
      for (let at = 0; at < text.length; at += 7000) body.append(i % 2 ? text.slice(at, at + 7000) : Buffer.from(text.slice(at, at + 7000)));
    }
    expect(captures.ringBytes()).toBe(1024 * 1024);
    expect(captures.keptBytes()).toBeLessThanOrEqual(1024 * 1024);
    expect(captures.size()).toBe(Math.floor((1024 * 1024) / (50 * 1024)));
    expect(captures.get('e79')).toBeUndefined();
    // e81 and e82 straddle the ring's end (4 MB written by then)
    for (let n = 80; n < 100; n++) {
      const id = `e${n}`;
      expect(captures.view(id, redact)?.requestBody?.text).toBe(`${n}:`.padEnd(50 * 1024, String.fromCharCode(0x61 + (n % 26))));
    }
  });

  it('a dropped entry whose request still runs keeps nothing more, so it cannot push others out', () => {
    const captures = createRequestCaptures({ entries: 2, bytes: 100, totalBytes: 250 });
    const a = captures.open('a');
    if (!a) throw new Error('no entry');
    const body = captures.captureBody(a, 'request', null);
    body.append(Buffer.alloc(10, 0x61));
    for (const id of ['b', 'c']) {
      const entry = captures.open(id);
      if (!entry) throw new Error('no entry');
      captures.captureBody(entry, 'request', null).append(Buffer.alloc(100, 0x62));
    }
    expect(captures.get('a')).toBeUndefined();
    body.append(Buffer.alloc(90, 0x61));
    expect(captures.get('b')).toBeDefined();
    expect(captures.view('b', redact)?.requestBody?.text).toBe('b'.repeat(100));
    expect(captures.keptBytes()).toBe(200);
  });

  it('lets go of a dropped entry at once (its headers and body), not when a bookkeeping list is compacted', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const captures = createRequestCaptures({ entries: 5, bytes: 100, totalBytes: 1000 });
    const refs: Array<WeakRef<object>> = [];
    for (let i = 0; i < 50; i++) {
      const entry = captures.open(`r${i}`);
      if (!entry) throw new Error('no entry');
      entry.requestHeaders = { 'user-agent': `client ${i}` };
      captures.captureBody(entry, 'request', null).append(Buffer.alloc(100, 0x61));
      refs.push(new WeakRef(entry));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    const alive = refs.map((ref) => ref.deref() !== undefined);
    expect(alive.slice(0, 45).filter(Boolean)).toHaveLength(0);
    expect(alive.slice(45).every(Boolean)).toBe(true);
  });

  it('evicts the oldest first over many entries, and a re-opened id keeps its place', () => {
    const captures = createRequestCaptures({ entries: 3, bytes: 10 });
    for (let i = 0; i < 3000; i++) captures.open(`n${i}`);
    expect(captures.size()).toBe(3);
    expect(['n2997', 'n2998', 'n2999'].every((id) => captures.get(id))).toBe(true);
    captures.open('n2997');
    captures.open('x');
    // n2997 was re-opened in place, so it is still the oldest and goes first
    expect(captures.get('n2997')).toBeUndefined();
    expect(['n2998', 'n2999', 'x'].every((id) => captures.get(id))).toBe(true);
  });
});
