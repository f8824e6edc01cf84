// Compare's server-side judgement: what counts as a difference between a request's answer and its replay.
import { describe, expect, it } from 'vitest';
import type { CapturedBody, RequestDetail } from '../../../shared/protocol/records';
import { bodyShape, compareSides, headersThatMatter, replaySide, streamEventNames } from '../../../main/core/migration/replay-compare';
import { fakeRecord } from '../../fixtures/fake-admin/fake-records';

const body = (text: string, sse = false): CapturedBody => ({ text, truncated: false, totalBytes: text.length, contentType: sse ? 'text/event-stream' : 'application/json', sse });

function detail(overrides: { status?: number; headers?: Record<string, string>; response?: CapturedBody | null; durationMs?: number } = {}): RequestDetail {
  return {
    record: fakeRecord({ status: overrides.status ?? 200, durationMs: overrides.durationMs ?? 500 }),
    timing: { queueMs: 1, upstreamHeadersMs: 2, ttfbMs: 3, durationMs: overrides.durationMs ?? 500 },
    requestHeaders: {},
    upstreamRequestHeaders: {},
    responseHeaders: overrides.headers ?? { 'content-type': 'application/json', 'request-id': 'req_1', date: 'now' },
    requestBody: null,
    responseBody: overrides.response === undefined ? body('{"id":"a","content":[{"type":"text","text":"hi"}]}') : overrides.response,
    notes: [],
  };
}

const compare = (a: RequestDetail, b: RequestDetail) =>
  compareSides({ side: replaySide(a, 'sdk', 'a'), detail: a }, { side: replaySide(b, 'binary', 'b'), detail: b });

const SSE = 'event: message_start\ndata: {"type":"message_start"}\n\nevent: content_block_delta\ndata: {"type":"content_block_delta","delta":{"text":"a"}}\n\n';

describe('replay comparison', () => {
  it('two answers that differ only in text, ids and small timing have no difference', () => {
    const b = detail({ headers: { 'content-type': 'application/json; charset=utf-8', 'llm_provider-request-id': 'req_2' }, response: body('{"id":"b","content":[{"type":"text","text":"hello"}]}'), durationMs: 600 });
    expect(compare(detail(), b)).toEqual([]);
  });

  it('names status, header presence, body shape, stream events and timing when they differ', () => {
    const b = detail({ status: 500, headers: { 'content-type': 'text/event-stream' }, response: body(SSE + SSE.replace('message_start', 'ping'), true), durationMs: 3_000 });
    expect(compare(detail(), b).map((d) => d.field)).toEqual(['status', 'header:content-type', 'header:request-id', 'body', 'stream-events', 'timing']);
  });

  it('collapses runs of the same stream event: chunking is not a difference', () => {
    const a = detail({ response: body(SSE, true) });
    const b = detail({ response: body(SSE + SSE.split('\n\n')[1] + '\n\n', true) });
    expect(streamEventNames(b)).toEqual(['message_start', 'content_block_delta', 'content_block_delta']);
    expect(compare(a, b)).toEqual([]);
  });

  it('keeps only the headers that matter', () => {
    expect(headersThatMatter({ 'content-type': 'x', date: 'd', 'x-ratelimit-remaining-requests': '9', 'llm_provider-anthropic-ratelimit-tokens-limit': '5', server: 's' })).toEqual({
      'content-type': 'x', 'x-ratelimit-remaining-requests': '9', 'llm_provider-anthropic-ratelimit-tokens-limit': '5',
    });
  });

  it('the body shape is field paths and types, arrays folded', () => {
    expect([...(bodyShape(detail()) ?? [])].sort()).toEqual(['content[].text: string', 'content[].type: string', 'id: string']);
  });
});
