// Odd input must never crash translation: every field of every golden input (requests, responses, stream
// events) is replaced by random JSON values. The only allowed throw is GatewayError('INVALID_REQUEST')
// from the request translators (body or messages of the wrong type); streams always end properly.
import { describe, it, expect } from 'vitest';
import { GatewayError } from '../../../shared/errors';
import {
  anthropicRequestToOpenai, anthropicResponseToOpenai, anthropicStreamToOpenai, openaiRequestToAnthropic,
  openaiResponseToAnthropic, openaiStreamToAnthropic, translateError,
} from '../../../main/core/translate';
import type { SseEvent } from '../../../main/core/translate';
import { collect, iterate, loadFixtures, noteSink, rng, toWireEvents } from './helpers';
import { randomJson, randomString } from './random-json';

type Json = Record<string, unknown>;
type Path = Array<string | number>;

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Json;
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key as string] as Json;
  node[path[path.length - 1] as string] = replacement;
  return copy;
}

const ctxReq = { providerModel: 'model-x', providerPrefix: 'gemini', defaultMaxTokens: 1000 };
const ctxRes = { requestedModel: 'm' };

const TRANSLATORS: Record<string, (input: Json, notes: { push(n: string): void }) => unknown> = {
  openaiRequestToAnthropic: (input, notes) => openaiRequestToAnthropic(input, { ...ctxReq, providerPrefix: 'anthropic', notes }),
  anthropicRequestToOpenai: (input, notes) => anthropicRequestToOpenai(input, { ...ctxReq, notes }),
  anthropicResponseToOpenai: (input, notes) => anthropicResponseToOpenai(input, { ...ctxRes, notes }),
  openaiResponseToAnthropic: (input, notes) => openaiResponseToAnthropic(input, { ...ctxRes, notes }),
};

function expectSafe(run: () => unknown, label: string): void {
  let output: unknown;
  try {
    output = run();
  } catch (error) {
    expect(error, label).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code, label).toBe('INVALID_REQUEST');
    return;
  }
  expect(() => JSON.stringify(output), label).not.toThrow();
}

describe('fuzzing every field', () => {
  const pairs = loadFixtures('pairs').filter(({ fixture }) => fixture.fn in TRANSLATORS);

  it('request and response translators never crash', () => {
    let runs = 0;
    for (const { fixture } of pairs) {
      const translate = TRANSLATORS[fixture.fn]!;
      const random = rng(fixture.name.length * 31 + runs);
      for (const path of paths(fixture.input)) {
        for (let i = 0; i < 3; i++) {
          const input = replaced(fixture.input, path, randomJson(random)) as Json;
          const { notes, sink } = noteSink();
          expectSafe(() => translate(input, sink), `${fixture.name} ${path.join('.')}`);
          expect(notes.every((n) => typeof n === 'string')).toBe(true);
          runs++;
        }
      }
      // and the whole body
      for (let i = 0; i < 5; i++) expectSafe(() => translate(randomJson(random) as Json, noteSink().sink), `${fixture.name} whole body`);
    }
    expect(runs).toBeGreaterThan(1000);
  });

  it('translateError takes any text', () => {
    const random = rng(99);
    for (let i = 0; i < 500; i++) {
      const body = random() < 0.5 ? JSON.stringify(randomJson(random)) : randomString(random, 40);
      const status = [0, 200, 400, 401, 404, 429, 500, 503, 529, 99999][i % 10]!;
      const result = translateError(status, body, i % 2 ? 'openai' : 'anthropic', i % 3 ? 'anthropic' : 'openai');
      expect(result.status).toBeGreaterThanOrEqual(100);
      expect(typeof result.message).toBe('string');
      expect(typeof result.type).toBe('string');
    }
  });

  it('stream translators always end the caller stream properly', async () => {
    const streams = loadFixtures('streams');
    let runs = 0;
    for (const { fixture } of streams) {
      const wire = toWireEvents(fixture.input as Array<{ event: string | null; data: unknown }>);
      const random = rng(fixture.name.length * 17);
      for (let e = 0; e < wire.length; e++) {
        const data = (() => { try { return JSON.parse(wire[e]!.data) as unknown; } catch { return wire[e]!.data; } })();
        const targets = typeof data === 'object' && data !== null ? paths(data) : [[]];
        for (const path of targets) {
          const value = path.length === 0 ? randomJson(random) : replaced(data, path, randomJson(random));
          const events: SseEvent[] = wire.map((w, i) => (i === e ? { event: w.event, data: typeof value === 'string' ? value : JSON.stringify(value) } : w));
          const ctx = { requestedModel: 'm', includeUsage: true, notes: noteSink().sink };
          if (fixture.fn === 'openaiStreamToAnthropic') {
            const out = await collect(openaiStreamToAnthropic(iterate(events), ctx));
            expect(['message_stop', 'error'], `${fixture.name} ${e} ${path.join('.')}`).toContain(out[out.length - 1]?.event);
          } else {
            const out = await collect(anthropicStreamToOpenai(iterate(events), ctx));
            const last = out[out.length - 1]!.data;
            expect(last === '[DONE]' || 'error' in (JSON.parse(last) as Json), `${fixture.name} ${e} ${path.join('.')}`).toBe(true);
          }
          runs++;
        }
      }
    }
    expect(runs).toBeGreaterThan(500);
  });
});
