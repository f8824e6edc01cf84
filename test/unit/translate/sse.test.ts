import { describe, it, expect } from 'vitest';
import { formatSse, parseSse } from '../../../main/core/providers/sse';
import type { ParsedSseEvent } from '../../../main/core/providers/sse';

async function* fromChunks<T>(chunks: T[]): AsyncIterable<T> {
  for (const chunk of chunks) yield chunk;
}

async function collect(chunks: Array<Uint8Array | string>): Promise<ParsedSseEvent[]> {
  const out: ParsedSseEvent[] = [];
  for await (const event of parseSse(fromChunks(chunks))) out.push(event);
  return out;
}

/** Split bytes at the given cut points. */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const sorted = [...new Set(points)].filter((p) => p > 0 && p < bytes.length).sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const p of sorted) {
    parts.push(bytes.slice(last, p));
    last = p;
  }
  parts.push(bytes.slice(last));
  return parts;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SAMPLE =
  'event: message_start\ndata: {"type":"message_start","text":"héllo 👋 世界"}\n\n' +
  ': keep-alive comment\n\n' +
  'event: content_block_delta\r\ndata: {"a":1}\r\n\r\n' +
  'data: line one\rdata:line two\r\r' +
  'id: 7\nretry: 100\nevent: ping\ndata: {}\n\n' +
  'data: [DONE]\n\n';

describe('parseSse', () => {
  it('parses names, data, comments and every line-end style', async () => {
    const events = await collect([SAMPLE]);
    expect(events.map(({ event, data, comment }) => ({ event, data, comment }))).toEqual([
      { event: 'message_start', data: '{"type":"message_start","text":"héllo 👋 世界"}', comment: undefined },
      { event: null, data: '', comment: true },
      { event: 'content_block_delta', data: '{"a":1}', comment: undefined },
      { event: null, data: 'line one\nline two', comment: undefined },
      { event: 'ping', data: '{}', comment: undefined },
      { event: null, data: '[DONE]', comment: undefined },
    ]);
    expect(events.map((e) => e.raw).join('')).toBe(SAMPLE);
  });

  it('gives the same events and exact raw text whatever the chunking, even inside UTF-8 sequences', async () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    const expected = await collect([SAMPLE]);
    for (let seed = 1; seed <= 200; seed++) {
      const random = rng(seed);
      const points = Array.from({ length: 1 + Math.floor(random() * 30) }, () => Math.floor(random() * bytes.length));
      const events = await collect(cut(bytes, points));
      expect(events).toEqual(expected);
    }
    // one byte at a time splits every CRLF and every multi-byte character
    const single = await collect(cut(bytes, Array.from({ length: bytes.length }, (_, i) => i)));
    expect(single).toEqual(expected);
  });

  it('yields a final event that lacks its blank line, and its raw text as sent', async () => {
    const events = await collect(['data: {"a":1}\n\nevent: message_stop\ndata: {"type":"message_stop"}']);
    expect(events[1]).toEqual({ event: 'message_stop', data: '{"type":"message_stop"}', raw: 'event: message_stop\ndata: {"type":"message_stop"}' });
  });

  it('treats a trailing lone CR at end of stream as a line end', async () => {
    const events = await collect(['data: x\r', '\r']);
    expect(events).toEqual([{ event: null, data: 'x', raw: 'data: x\r\r' }]);
  });

  it('handles field without colon, empty data and a value without the optional space', async () => {
    const events = await collect(['data\n\nevent:x\ndata:\ndata:  two spaces\n\n']);
    expect(events.map(({ event, data }) => ({ event, data }))).toEqual([
      { event: null, data: '' },
      { event: 'x', data: '\n two spaces' },
    ]);
  });

  it('drops a leading byte-order mark', async () => {
    const events = await collect(['\uFEFFdata: a\n\n']);
    expect(events[0]?.data).toBe('a');
  });

  it('yields nothing for an empty stream', async () => {
    expect(await collect([])).toEqual([]);
    expect(await collect([new Uint8Array(0), ''])).toEqual([]);
  });
});

describe('formatSse', () => {
  it('writes an event line only when named and splits multi-line data', () => {
    expect(formatSse({ event: 'ping', data: '{"type":"ping"}' })).toBe('event: ping\ndata: {"type":"ping"}\n\n');
    expect(formatSse({ event: null, data: '[DONE]' })).toBe('data: [DONE]\n\n');
    expect(formatSse({ event: 'a\nb', data: 'x\ny\r\nz' })).toBe('event: a b\ndata: x\ndata: y\ndata: z\n\n');
  });

  it('round-trips through parseSse', async () => {
    const input = [
      { event: 'message_start', data: '{"x":"multi\\nline"}' },
      { event: null, data: 'a\nb' },
      { event: 'x', data: '' },
    ];
    const events = await collect([input.map(formatSse).join('')]);
    expect(events.map(({ event, data }) => ({ event, data }))).toEqual(input);
  });
});
