// The per-origin cap: streams hold their slot while streaming, the 17th request waits for a slot, and a
// request aborted while waiting gives its place up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAbortError } from '../../../main/core/upstream/abort';
import { createDispatcher } from '../../../main/core/upstream/dispatcher';
import { createUpstreamClient } from '../../../main/core/upstream/upstream-client';
import type { UpstreamClient, UpstreamResponse } from '../../../main/core/upstream/types';
import { startFakeSupermemory, type FakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import { collect, tempJar, upstreamConfig, type TempJar } from './helpers';

let fake: FakeSupermemory;
let temp: TempJar;
let client: UpstreamClient;

beforeEach(async () => {
  // requireCookie off: 17 requests start at once, before any of them could have a cookie
  fake = await startFakeSupermemory({ holdStreams: true, streamDelayMs: 0, requireCookie: false });
  temp = await tempJar();
});

afterEach(async () => {
  await fake.close();
  await client.close();
  await temp.remove();
});

function makeClient(cap: number): UpstreamClient {
  const config = upstreamConfig({ maxConcurrencyPerUpstream: cap });
  client = createUpstreamClient({ config, cookieJar: temp.jar, dispatcher: createDispatcher(config) });
  return client;
}

function stream(c: UpstreamClient, onDispatch: () => void, signal?: AbortSignal): Promise<UpstreamResponse> {
  return c.request({
    url: `${fake.url}/v3/api.anthropic.com/v1/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"model":"claude-haiku-4-5","stream":true,"messages":[]}',
    signal,
    onDispatch,
  });
}

/** waits until exactly `count` streams are open at the fake, all held at their last event */
async function held(count: number): Promise<void> {
  while (fake.heldStreams() !== count || fake.inFlight() !== count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('per-origin concurrency cap', () => {
  it('holds at 16 open streams: the 17th waits until one finishes', async () => {
    const c = makeClient(16);
    const dispatched: number[] = [];
    const pending = Array.from({ length: 17 }, (_, i) => stream(c, () => dispatched.push(i)));
    const first16 = await Promise.all(pending.slice(0, 16));
    await held(16);
    expect(first16.every((res) => res.status === 200)).toBe(true);
    expect(dispatched).toHaveLength(16);
    expect(dispatched).not.toContain(16);
    expect(fake.requests).toHaveLength(16);
    expect(fake.inFlight()).toBe(16);

    // finish one stream: its slot goes to the 17th
    const reading = first16.map((res) => collect(res.body));
    fake.releaseStreams(1);
    await Promise.race(reading);
    const seventeenth = await pending[16];
    expect(seventeenth?.status).toBe(200);
    expect(dispatched).toContain(16);
    expect(fake.requests).toHaveLength(17);

    await held(16); // the 15 still open and the 17th
    fake.releaseStreams();
    const texts = await Promise.all([...reading, collect(seventeenth!.body)]);
    expect(texts).toHaveLength(17);
    expect(texts.every((text) => text.includes('message_stop'))).toBe(true);
  });

  it('a request aborted while queued leaves the queue and frees its place', async () => {
    const c = makeClient(1);
    const order: string[] = [];
    const first = await stream(c, () => order.push('first'));
    const controller = new AbortController();
    const aborted = stream(c, () => order.push('aborted'), controller.signal);
    const third = stream(c, () => order.push('third'));
    controller.abort();
    await expect(aborted).rejects.toSatisfy(isAbortError);

    await held(1);
    fake.releaseStreams();
    await collect(first.body);
    const thirdRes = await third;
    expect(order).toEqual(['first', 'third']);
    await held(1);
    fake.releaseStreams();
    await collect(thirdRes.body);
    expect(fake.requests).toHaveLength(2);
  });

  it('dispose() and an abort mid-stream free the slot', async () => {
    const c = makeClient(1);
    const first = await stream(c, () => {});
    first.dispose();
    const controller = new AbortController();
    const second = await stream(c, () => {}, controller.signal);
    const reading = collect(second.body).catch((error: unknown) => error);
    await held(1);
    controller.abort();
    expect(await reading).toSatisfy(isAbortError);
    const third = await stream(c, () => {});
    await held(1);
    fake.releaseStreams();
    expect(await collect(third.body)).toContain('message_stop');
  });

  it('leaving a for-await loop early frees the slot', async () => {
    const c = makeClient(1);
    const first = await stream(c, () => {});
    for await (const chunk of first.body) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    const second = await stream(c, () => {});
    await held(1);
    fake.releaseStreams();
    expect(await collect(second.body)).toContain('message_stop');
  });

  it('each origin has its own cap', async () => {
    const other = await startFakeSupermemory({ requireCookie: false });
    try {
      const c = makeClient(1);
      const first = await stream(c, () => {});
      const res = await c.request({
        url: `${other.url}/v3/api.anthropic.com/v1/messages`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"model":"m","messages":[]}',
      });
      expect(res.status).toBe(200);
      await res.text();
      first.dispose();
    } finally {
      await other.close();
    }
  });
});
