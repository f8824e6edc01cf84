// Golden pairs and stream transcripts (test/fixtures/translate). Each fixture holds input, expected output
// and expected notes. UPDATE_GOLDEN=1 rewrites expected values from the current code: review the diff.
// Under CI it is refused (it would turn every expectation into "whatever the code does"), and request
// translation also has hand-written expectations in request-expectations.test.ts.
import { describe, it, expect } from 'vitest';
import {
  anthropicRequestToOpenai, anthropicResponseToOpenai, anthropicStreamToOpenai, cleanToolSchema, estimateInputTokens,
  openaiRequestToAnthropic, openaiResponseToAnthropic, openaiStreamToAnthropic, translateError,
} from '../../../main/core/translate';
import type { Dialect, RequestContext, ResponseContext, StreamContext, StreamOutcome, SseEvent } from '../../../main/core/translate';
import { collect, fromWireEvents, loadFixtures, noteSink, parsedEvents, rng, saveFixture, sseChunks, toWireEvents } from './helpers';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CI = Boolean(process.env.CI);

describe('golden update mode', () => {
  it('UPDATE_GOLDEN=1 is refused under CI: a run there must check expectations, never rewrite them', () => {
    expect(UPDATE && CI, 'UPDATE_GOLDEN=1 with CI set: unset one of them').toBe(false);
  });
});

/** Rewrites a fixture only on a developer's machine; under CI the refusal above fails the run instead. */
const rewriting = UPDATE && !CI;

type Json = Record<string, unknown>;
type PairFn = (input: unknown, ctx: Json, notes: { push(note: string): void }) => unknown;

const PAIR_FNS: Record<string, PairFn> = {
  openaiRequestToAnthropic: (input, ctx, notes) => openaiRequestToAnthropic(input as Json, { ...(ctx as unknown as RequestContext), notes }),
  anthropicRequestToOpenai: (input, ctx, notes) => anthropicRequestToOpenai(input as Json, { ...(ctx as unknown as RequestContext), notes }),
  anthropicResponseToOpenai: (input, ctx, notes) => anthropicResponseToOpenai(input as Json, { ...(ctx as unknown as ResponseContext), notes }),
  openaiResponseToAnthropic: (input, ctx, notes) => openaiResponseToAnthropic(input as Json, { ...(ctx as unknown as ResponseContext), notes }),
  translateError: (input) => {
    const i = input as { status: number; body: string; from: Dialect; to: Dialect };
    return translateError(i.status, i.body, i.from, i.to);
  },
  estimateInputTokens: (input) => estimateInputTokens(input as Json),
  cleanToolSchema: (input, _ctx, notes) => {
    const i = input as { schema: unknown; providerPrefix: string };
    return cleanToolSchema(i.schema, i.providerPrefix, notes);
  },
};

type StreamFn = (events: AsyncIterable<SseEvent>, ctx: StreamContext) => AsyncIterable<SseEvent>;
const STREAM_FNS: Record<string, StreamFn> = {
  anthropicStreamToOpenai,
  openaiStreamToAnthropic,
};

const pairs = loadFixtures('pairs');
const streams = loadFixtures('streams');

describe('golden request/response pairs', () => {
  it('has the fixtures the acceptance asks for', () => {
    const translations = pairs.filter(({ fixture }) => /Request|Response/.test(fixture.fn));
    expect(translations.length).toBeGreaterThanOrEqual(40);
    expect(streams.length).toBeGreaterThanOrEqual(15);
  });

  for (const { file, fixture } of pairs) {
    it(`${fixture.name}: ${fixture.description}`, () => {
      const fn = PAIR_FNS[fixture.fn];
      expect(fn, `unknown fn ${fixture.fn}`).toBeDefined();
      const before = JSON.stringify(fixture.input);
      const { notes, sink } = noteSink();
      const output = fn!(fixture.input, fixture.ctx, sink);
      expect(JSON.stringify(fixture.input), 'input must not be mutated').toBe(before);
      if (rewriting) {
        saveFixture(file, { ...fixture, expected: output, notes });
        return;
      }
      expect(output).toEqual(fixture.expected);
      expect(notes).toEqual(fixture.notes ?? []);
    });
  }
});

describe('golden stream transcripts', () => {
  for (const { file, fixture } of streams) {
    it(`${fixture.name}: ${fixture.description}`, async () => {
      const fn = STREAM_FNS[fixture.fn];
      expect(fn, `unknown fn ${fixture.fn}`).toBeDefined();
      const wire = toWireEvents(fixture.input as Array<{ event: string | null; data: unknown }>);
      // Run through real SSE text cut at random places, three ways: the result must not depend on it.
      const runs: Array<{ output: unknown; notes: string[]; outcome: StreamOutcome | undefined }> = [];
      for (const seed of [1, 2, 3]) {
        const { notes, sink } = noteSink();
        let outcome: StreamOutcome | undefined;
        const ctx = { ...(fixture.ctx as unknown as StreamContext), notes: sink, onOutcome: (o: StreamOutcome) => { outcome = o; } };
        const output = fromWireEvents(await collect(fn!(parsedEvents(sseChunks(wire, rng(seed), seed * 7)), ctx)));
        runs.push({ output, notes, outcome });
      }
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[2]).toEqual(runs[0]);
      const [first] = runs;
      if (rewriting) {
        saveFixture(file, { ...fixture, expected: first!.output, notes: first!.notes, outcome: first!.outcome });
        return;
      }
      expect(first!.output).toEqual(fixture.expected);
      expect(first!.notes).toEqual(fixture.notes ?? []);
      expect(first!.outcome).toEqual(fixture.outcome);
    });
  }
});
