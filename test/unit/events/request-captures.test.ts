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

  it('keeps a whole chunk by reference (the request path never reuses what it hands over)', () => {
    const body = createBodyBuffer(16, null, false);
    const chunk = Buffer.alloc(8, 'a');
    body.append(chunk);
    chunk.write('mutated!');
    expect(body.view(keep).text).toBe('mutated!');
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
