import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../shared/errors';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { harness, init } from './tracker-harness';

const types = (events: GatewayEvent[]) => events.map((e) => e.type);
const requestEvents = (events: GatewayEvent[]) => events.filter((e) => e.type.startsWith('request.'));

describe('request trace lifecycle', () => {
  it('goes started -> first_byte -> finished with timings, bytes, usage and model', () => {
    const h = harness();
    const trace = h.tracker.start(init());
    trace.setModel({
      model: 'claude-sonnet-4-5',
      providerModel: 'claude-sonnet-4-5-20250929',
      provider: 'anthropic',
      upstreamHost: 'api.anthropic.com',
      translated: false,
    });
    h.clock.advance(3);
    trace.dispatched();
    h.clock.advance(40);
    trace.upstreamResponse(200, { 'content-type': 'text/event-stream' });
    trace.responseStarted(200, { 'content-type': 'text/event-stream' });
    h.clock.advance(2);
    trace.responseChunk('event: message_start\ndata: {}\n\n');
    h.clock.advance(100);
    trace.responseChunk(Buffer.from('event: message_stop\ndata: {}\n\n'));
    trace.usage({ input: 12, output: 30 });
    trace.usage({ cacheRead: 4 });
    h.clock.advance(5);
    trace.finish();

    expect(types(h.events)).toEqual(['request.started', 'request.first_byte', 'request.finished', 'identity.updated']);
    const [started, firstByte, finished] = requestEvents(h.events).map((e) => (e as { request: typeof trace.record }).request);
    expect(started).toMatchObject({ id: 'req-1', phase: 'pending', status: null, identity: 'claude-cli', identitySource: 'pattern', clientApp: 'Claude Code 2.0.14', model: 'claude-sonnet-4-5', providerModel: null, backend: 'sdk', bytesIn: 2048 });
    expect(firstByte).toMatchObject({ phase: 'streaming', status: 200, ttfbMs: 45, providerModel: 'claude-sonnet-4-5-20250929', upstreamHost: 'api.anthropic.com' });
    expect(finished).toMatchObject({
      phase: 'done',
      status: 200,
      ttfbMs: 45,
      durationMs: 150,
      bytesOut: 61,
      usage: { input: 12, output: 30, cacheRead: 4, cacheCreation: null },
      errorCode: null,
    });
    // events are snapshots: later changes do not leak into earlier ones
    expect(started?.phase).toBe('pending');
    const detail = h.tracker.detail('req-1');
    expect(detail?.timing).toEqual({ queueMs: 3, upstreamHeadersMs: 43, ttfbMs: 45, durationMs: 150 });
    expect(detail?.responseBody).toMatchObject({ sse: true, truncated: false, totalBytes: 61 });
    expect(h.jsonlLines).toEqual([finished]);
    expect(h.tracker.log.list()).toEqual([finished]);
    expect(h.tracker.metrics.snapshot().totals.requests).toBe(1);
  });

  it('emits first_byte once and only for a non-empty chunk', () => {
    const h = harness();
    const trace = h.tracker.start(init({ stream: false }));
    trace.responseStarted(200, { 'content-type': 'application/json' });
    trace.responseChunk('');
    expect(types(h.events)).toEqual(['request.started']);
    trace.responseChunk('{"a":');
    trace.responseChunk('1}');
    trace.finish();
    expect(types(requestEvents(h.events))).toEqual(['request.started', 'request.first_byte', 'request.finished']);
    expect(trace.record.phase).toBe('done');
    expect(trace.record.bytesOut).toBe(7);
  });

  it('finish and fail fire once between them', () => {
    const h = harness();
    const trace = h.tracker.start(init());
    trace.responseStarted(200, {});
    trace.finish();
    trace.finish();
    trace.fail(new Error('late'));
    trace.responseChunk('late bytes');
    const finals = h.events.filter((e) => e.type === 'request.finished' || e.type === 'request.failed');
    expect(finals).toHaveLength(1);
    expect(h.jsonlLines).toHaveLength(1);
    expect(trace.record.bytesOut).toBe(0);

    const h2 = harness();
    const failing = h2.tracker.start(init());
    failing.fail(new GatewayError('UPSTREAM_TIMEOUT', 'upstream took too long'));
    failing.fail(new Error('again'));
    failing.finish();
    expect(types(requestEvents(h2.events))).toEqual(['request.started', 'request.failed']);
  });

  it('fail records the GatewayError code and status, scrubbed message', () => {
    const h = harness({ secrets: ['sk-provider-secret-123'] });
    const trace = h.tracker.start(init());
    h.clock.advance(7);
    trace.fail(new GatewayError('UPSTREAM_UNREACHABLE', 'connect ECONNREFUSED using key sk-provider-secret-123'));
    expect(trace.record).toMatchObject({
      phase: 'error',
      status: 502,
      errorCode: 'UPSTREAM_UNREACHABLE',
      errorMessage: 'connect ECONNREFUSED using key [redacted]',
      durationMs: 7,
    });
    expect(h.events.find((e) => e.type === 'request.failed')).toBeDefined();
  });

  it('fail with a plain error is INTERNAL 500; an explicit status wins', () => {
    const h = harness();
    const a = h.tracker.start(init({ id: 'a' }));
    a.fail('boom');
    expect(a.record).toMatchObject({ status: 500, errorCode: 'INTERNAL', errorMessage: 'boom' });
    const b = h.tracker.start(init({ id: 'b' }));
    b.fail(new GatewayError('CLIENT_CLOSED', 'client went away'), 499);
    expect(b.record).toMatchObject({ status: 499, errorCode: 'CLIENT_CLOSED' });
  });

  it('fail after the head was sent keeps the status the client saw', () => {
    const h = harness();
    const trace = h.tracker.start(init());
    trace.responseStarted(200, { 'content-type': 'text/event-stream' });
    trace.responseChunk('data: {}\n\n');
    trace.fail(new GatewayError('STREAM_INTERRUPTED', 'upstream reset'));
    expect(trace.record).toMatchObject({ status: 200, phase: 'error', errorCode: 'STREAM_INTERRUPTED' });
    expect(h.tracker.metrics.snapshot().totals.errors).toBe(1);
  });

  it('an upstream error passed through finishes as request.failed with UPSTREAM_ERROR', () => {
    const h = harness();
    const trace = h.tracker.start(init({ stream: false }));
    trace.upstreamResponse(429, { 'retry-after': '5' });
    trace.responseStarted(429, { 'retry-after': '5', 'content-type': 'application/json' });
    trace.responseChunk('{"type":"error"}');
    trace.finish();
    expect(types(requestEvents(h.events))).toEqual(['request.started', 'request.first_byte', 'request.failed']);
    expect(trace.record).toMatchObject({ status: 429, phase: 'error', errorCode: 'UPSTREAM_ERROR' });
    expect(h.tracker.identities.list()[0]).toMatchObject({ userId: 'claude-cli', requests: 1, errors: 1 });
  });

  it('counts retries and keeps notes; queueMs is the first dispatch', () => {
    const h = harness();
    const trace = h.tracker.start(init());
    h.clock.advance(2);
    trace.dispatched();
    trace.upstreamResponse(503, { 'retry-after': '1' });
    trace.retry({ attempt: 1, reason: 'upstream 503', delayMs: 1000 });
    h.clock.advance(1000);
    trace.dispatched();
    trace.upstreamResponse(200, {});
    trace.note('dropped field logprobs');
    trace.responseStarted(200, {});
    trace.finish();
    const detail = h.tracker.detail('req-1');
    expect(detail?.record.retries).toBe(1);
    expect(detail?.timing.queueMs).toBe(2);
    expect(detail?.timing.upstreamHeadersMs).toBe(1002);
    expect(detail?.notes).toEqual(['upstream answered 503', 'retry 1 in 1000 ms: upstream 503', 'upstream answered 200', 'dropped field logprobs']);
  });
});

describe('request tracker', () => {
  it('shows a running request live in detail(), and null for an unknown id', () => {
    const h = harness();
    const trace = h.tracker.start(init());
    trace.captureRequest({ 'content-type': 'application/json', 'user-agent': 'claude-cli/2.0.14' }, Buffer.from('{"model":"claude"}'), 'application/json');
    trace.upstreamRequest({ 'x-sm-user-id': 'claude-cli' });
    h.clock.advance(4);
    trace.dispatched();
    const live = h.tracker.detail('req-1');
    expect(live?.record.phase).toBe('pending');
    expect(live?.timing).toEqual({ queueMs: 4, upstreamHeadersMs: null, ttfbMs: null, durationMs: null });
    expect(live?.requestBody).toEqual({ text: '{"model":"claude"}', truncated: false, totalBytes: 18, contentType: 'application/json', sse: false });
    expect(live?.upstreamRequestHeaders).toEqual({ 'x-sm-user-id': 'claude-cli' });
    expect(h.tracker.detail('nope')).toBeNull();
  });

  it('answers detail from the log alone once the captures forgot a request', () => {
    const h = harness({ captures: 1 });
    const first = h.tracker.start(init({ id: 'first' }));
    first.responseStarted(200, {});
    h.clock.advance(9);
    first.finish();
    h.tracker.start(init({ id: 'second' })).finish();
    const detail = h.tracker.detail('first');
    expect(detail?.requestBody).toBeNull();
    expect(detail?.requestHeaders).toEqual({});
    expect(detail?.timing).toEqual({ queueMs: null, upstreamHeadersMs: null, ttfbMs: null, durationMs: 9 });
  });

  it('clear() empties the log and captures and emits log.cleared', () => {
    const h = harness();
    h.tracker.start(init({ id: 'a' })).finish();
    h.tracker.clear();
    expect(h.tracker.log.size()).toBe(0);
    expect(h.tracker.detail('a')).toBeNull();
    expect(h.events.at(-1)?.type).toBe('log.cleared');
  });

  it('emits identity.updated per finished request', () => {
    const h = harness();
    h.tracker.start(init({ id: 'a' })).finish();
    h.tracker.start(init({ id: 'b' })).fail(new Error('x'));
    const updates = h.events.filter((e) => e.type === 'identity.updated');
    expect(updates.map((e) => (e.type === 'identity.updated' ? e.identity.requests : 0))).toEqual([1, 2]);
  });

  it('coalesces metrics.updated: one timer per burst, interval 2 s', () => {
    const h = harness();
    for (const id of ['a', 'b', 'c']) h.tracker.start(init({ id })).finish();
    expect(h.timers).toHaveLength(1);
    expect(h.timers[0]?.ms).toBe(2_000);
    expect(h.events.filter((e) => e.type === 'metrics.updated')).toHaveLength(0);
    h.fireTimers();
    const updates = h.events.filter((e) => e.type === 'metrics.updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.type === 'metrics.updated' && updates[0].metrics.totals.requests).toBe(3);
    h.tracker.start(init({ id: 'd' })).finish();
    expect(h.timers).toHaveLength(1);
  });

  it('close() cancels the pending metrics timer and schedules no more', () => {
    const h = harness();
    h.tracker.start(init({ id: 'a' })).finish();
    h.tracker.close();
    expect(h.timers[0]?.cancelled).toBe(true);
    h.tracker.start(init({ id: 'b' })).finish();
    expect(h.timers).toHaveLength(1);
  });

  it('keeps seq order across a request: every event newer than the last', () => {
    const h = harness();
    const trace = h.tracker.start(init());
    trace.responseStarted(200, {});
    trace.responseChunk('x');
    trace.finish();
    const seqs = h.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('works without a JSONL log', () => {
    const h = harness({ jsonl: null });
    expect(() => h.tracker.start(init()).finish()).not.toThrow();
  });
});
