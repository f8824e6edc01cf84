// Shared by the translation tests: fixture loading, note sinks, stream plumbing, a seeded RNG.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSse, parseSse } from '../../../main/core/providers/sse';
import type { SseEvent } from '../../../main/core/translate';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/translate/', import.meta.url));

export interface Fixture {
  name: string;
  description: string;
  fn: string;
  ctx: Record<string, unknown>;
  input: unknown;
  expected?: unknown;
  notes?: string[];
  outcome?: unknown;
}

export function loadFixtures(kind: 'pairs' | 'streams'): Array<{ file: string; fixture: Fixture }> {
  const dir = join(FIXTURE_DIR, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: join(dir, f), fixture: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture }));
}

export function saveFixture(file: string, fixture: Fixture): void {
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
}

export function noteSink(): { notes: string[]; sink: { push(note: string): void } } {
  const notes: string[] = [];
  return { notes, sink: { push: (note: string) => notes.push(note) } };
}

/** Fixture events keep `data` as JSON for readability; the wire has text. */
export function toWireEvents(events: Array<{ event: string | null; data: unknown }>): SseEvent[] {
  return events.map((e) => ({ event: e.event, data: typeof e.data === 'string' ? e.data : JSON.stringify(e.data) }));
}

export function fromWireEvents(events: SseEvent[]): Array<{ event: string | null; data: unknown }> {
  return events.map((e) => {
    let data: unknown = e.data;
    try {
      data = JSON.parse(e.data);
    } catch {
      // [DONE] and other plain text stay strings
    }
    return { event: e.event, data };
  });
}

export async function* iterate<T>(items: Iterable<T>): AsyncIterable<T> {
  for (const item of items) yield item;
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** Serialize events to SSE bytes and cut them into `pieces` random chunks: the parser sees real wire text. */
export function sseChunks(events: SseEvent[], random: () => number, pieces: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(events.map(formatSse).join(''));
  const cuts = Array.from({ length: pieces }, () => Math.floor(random() * bytes.length)).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > last) chunks.push(bytes.slice(last, cut));
    last = Math.max(last, cut);
  }
  return chunks;
}

export function parsedEvents(chunks: Uint8Array[]): AsyncIterable<SseEvent> {
  return parseSse(iterate(chunks));
}

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: tiny, deterministic, good enough to pick cut points and fuzz values
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}
