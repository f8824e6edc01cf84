// The body is handed through as it arrives: the first event reaches the caller while the upstream is
// still sending, and a body that breaks later surfaces as a GatewayError.
import { afterEach, describe, expect, it } from 'vitest';
import { isGatewayError } from '../../../shared/errors';
import { createDispatcher } from '../../../main/core/upstream/dispatcher';
import { createUpstreamClient } from '../../../main/core/upstream/upstream-client';
import type { UpstreamClient } from '../../../main/core/upstream/types';
import { startFakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import { startServer, tempJar, upstreamConfig } from './helpers';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function makeClient(overrides = {}): Promise<UpstreamClient> {
  const temp = await tempJar();
  const config = upstreamConfig(overrides);
  const client = createUpstreamClient({ config, cookieJar: temp.jar, dispatcher: createDispatcher(config) });
  cleanups.push(() => temp.remove(), () => client.close());
  return client;
}

describe('streaming through the upstream client', () => {
  it('a streamed body arrives chunk by chunk before the upstream finishes', async () => {
    const fake = await startFakeSupermemory({ holdStreams: true, streamDelayMs: 2 });
    cleanups.push(() => fake.close());
    const client = await makeClient();
    const res = await client.request({
      url: `${fake.url}/v3/api.anthropic.com/v1/messages`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"claude-haiku-4-5","stream":true,"messages":[]}',
    });
    expect(res.status).toBe(200);
    let text = '';
    let chunks = 0;
    const iterator = res.body[Symbol.asyncIterator]();
    // read until everything but the held last event has arrived, while the upstream has not finished
    while (!text.includes('message_delta')) {
      const next = await iterator.next();
      expect(next.done).toBe(false);
      text += (next.value as Buffer).toString('utf8');
      chunks++;
    }
    // the upstream is still waiting to send its last event
    expect(fake.heldStreams()).toBe(1);
    expect(text).toContain('event: message_start');
    expect(text).not.toContain('message_stop');
    expect(chunks).toBeGreaterThan(1);
    fake.releaseStreams();
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += (next.value as Buffer).toString('utf8');
    expect(text).toContain('event: message_stop');
  });

  it('an upstream that dies mid-stream gives STREAM_INTERRUPTED to the reader', async () => {
    const upstream = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: message_start\ndata: {}\n\n', () => setTimeout(() => res.socket?.destroy(), 10));
    });
    cleanups.push(() => upstream.close());
    const client = await makeClient();
    const res = await client.request({ url: `${upstream.url}/v1/messages`, method: 'POST', headers: {}, body: '{}' });
    const received: string[] = [];
    const error = await (async () => {
      for await (const chunk of res.body) received.push(chunk.toString('utf8'));
    })().catch((e: unknown) => e);
    expect(received.join('')).toContain('message_start');
    expect(isGatewayError(error) && error.code).toBe('STREAM_INTERRUPTED');
  });

  it('silence between chunks past bodyTimeoutMs is UPSTREAM_TIMEOUT', async () => {
    const upstream = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': ping\n\n'); // then nothing
    });
    cleanups.push(() => upstream.close());
    const client = await makeClient({ bodyTimeoutMs: 300 });
    const res = await client.request({ url: `${upstream.url}/v1/messages`, method: 'POST', headers: {}, body: '{}' });
    const error = await res.text().catch((e: unknown) => e);
    expect(isGatewayError(error) && error.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('close() waits for an open stream; destroying the dispatcher cuts it and lets close() finish', async () => {
    const fake = await startFakeSupermemory({ holdStreams: true });
    cleanups.push(() => fake.close());
    const temp = await tempJar();
    cleanups.push(() => temp.remove());
    const config = upstreamConfig();
    const dispatcher = createDispatcher(config);
    const client = createUpstreamClient({ config, cookieJar: temp.jar, dispatcher });
    const res = await client.request({
      url: `${fake.url}/v3/api.anthropic.com/v1/messages`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"m","stream":true,"messages":[]}',
    });
    const reading = res.text().catch((e: unknown) => e);
    let closed = false;
    const closing = client.close().then(() => (closed = true));
    while (fake.heldStreams() !== 1) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    await dispatcher.destroy();
    await closing;
    expect(closed).toBe(true);
    expect(isGatewayError(await reading)).toBe(true);
  });
});
