// Retries happen only before an answer is handed over: 429/503 with Retry-After, Cloudflare 1200 pages
// and connection failures; everything else goes back as it came.
import { afterEach, describe, expect, it } from 'vitest';
import { isGatewayError } from '../../../shared/errors';
import { isAbortError } from '../../../main/core/upstream/abort';
import { createDispatcher } from '../../../main/core/upstream/dispatcher';
import { createUpstreamClient, type UpstreamClientOptions } from '../../../main/core/upstream/upstream-client';
import type { RetryInfo, UpstreamClient } from '../../../main/core/upstream/types';
import { startFakeSupermemory, type FakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import { closedPort, recordingSleep, startServer, tempJar, upstreamConfig, type LocalServer, type TempJar } from './helpers';

const PROVIDER_KEY = 'sk-ant-test-SECRET-abcdef123456';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(overrides: Partial<UpstreamClientOptions> & { config?: UpstreamClientOptions['config'] } = {}) {
  const temp: TempJar = await tempJar();
  const config = overrides.config ?? upstreamConfig();
  const client: UpstreamClient = createUpstreamClient({
    config,
    cookieJar: temp.jar,
    dispatcher: createDispatcher(config),
    random: () => 0.5,
    ...overrides,
  });
  cleanups.push(() => temp.remove(), () => client.close());
  return { client, jar: temp.jar };
}

async function fakeSupermemory(): Promise<FakeSupermemory> {
  const fake = await startFakeSupermemory({ streamDelayMs: 1 });
  cleanups.push(() => fake.close());
  return fake;
}

async function server(handler: Parameters<typeof startServer>[0], port?: number): Promise<LocalServer> {
  const s = await startServer(handler, port);
  cleanups.push(() => s.close());
  return s;
}

function post(client: UpstreamClient, url: string, retries: RetryInfo[] = [], signal?: AbortSignal) {
  return client.request({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': PROVIDER_KEY },
    body: '{"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}]}',
    signal,
    onRetry: (info) => retries.push(info),
  });
}

describe('Retry-After', () => {
  it('a 429 with Retry-After is waited for and retried, then succeeds', async () => {
    const fake = await fakeSupermemory();
    fake.force429(1, 1);
    const { sleep, waits } = recordingSleep();
    const { client } = await setup({ sleep });
    const retries: RetryInfo[] = [];
    const res = await post(client, `${fake.url}/v3/api.anthropic.com/v1/messages`, retries);
    expect(res.status).toBe(200);
    expect(res.retries).toBe(1);
    expect(JSON.parse(await res.text())).toMatchObject({ type: 'message' });
    expect(retries).toEqual([{ attempt: 1, reason: '429 Retry-After 1s', delayMs: 1000 }]);
    expect(waits).toEqual([1000]);
    expect(fake.requests.map((r) => r.outcome)).toEqual(['forced 429', 'ok']);
    // the 429 handed out the Cloudflare cookie; the retry sent it back
    expect(fake.requests[1]?.cookies.__cf_bm).toBe(fake.issued?.cfBm);
  });

  it('an HTTP-date Retry-After is honoured', async () => {
    const fake = await fakeSupermemory();
    const now = Date.parse('2025-06-01T12:00:00Z');
    fake.force429(1, 'Sun, 01 Jun 2025 12:00:02 GMT');
    const { sleep, waits } = recordingSleep();
    const { client } = await setup({ sleep, now: () => now });
    const res = await post(client, `${fake.url}/v3/api.anthropic.com/v1/messages`);
    expect(res.status).toBe(200);
    await res.text();
    expect(waits).toEqual([2000]);
  });

  it('a Retry-After longer than maxRetryAfterMs goes back as is', async () => {
    const fake = await fakeSupermemory();
    fake.force429(1, 60);
    const { sleep, waits } = recordingSleep();
    const { client } = await setup({ sleep, config: upstreamConfig({ maxRetryAfterMs: 5000 }) });
    const retries: RetryInfo[] = [];
    const res = await post(client, `${fake.url}/v3/api.anthropic.com/v1/messages`, retries);
    expect(res.status).toBe(429);
    expect(res.retries).toBe(0);
    expect(res.headers['retry-after']).toBe('60');
    expect(JSON.parse(await res.text())).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(retries).toEqual([]);
    expect(waits).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up after the configured retries and hands back the last answer', async () => {
    const fake = await fakeSupermemory();
    fake.force429(5, 1);
    const { sleep } = recordingSleep();
    const { client } = await setup({ sleep, config: upstreamConfig({ retries: 2 }) });
    const res = await post(client, `${fake.url}/v3/api.anthropic.com/v1/messages`);
    expect(res.status).toBe(429);
    expect(res.retries).toBe(2);
    await res.text();
    expect(fake.requests).toHaveLength(3);
  });

  it('an abort during the wait stops at once with an AbortError', async () => {
    const fake = await fakeSupermemory();
    fake.force429(1, 30);
    const { client } = await setup(); // the real, abortable sleep
    const controller = new AbortController();
    const pending = post(client, `${fake.url}/v3/api.anthropic.com/v1/messages`, [], controller.signal);
    const failure = pending.then(
      () => null,
      (error: unknown) => error,
    );
    while (fake.requests.length === 0 || fake.requests[0]?.status === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    expect(await failure).toSatisfy(isAbortError);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('Cloudflare Error 1200', () => {
  it('a 1200 page is retried with backoff and jitter', async () => {
    const fake = await fakeSupermemory();
    fake.force1200(2);
    const { sleep, waits } = recordingSleep();
    const { client } = await setup({ sleep, config: upstreamConfig({ retryBaseDelayMs: 200 }) });
    const retries: RetryInfo[] = [];
    const res = await post(client, `${fake.url}/v3/api.anthropic.com/v1/messages`, retries);
    expect(res.status).toBe(200);
    expect(res.retries).toBe(2);
    await res.text();
    // equal jitter with random() = 0.5: 3/4 of 200, then of 400
    expect(waits).toEqual([150, 300]);
    expect(retries.map((r) => r.reason)).toEqual(['503 Cloudflare 1200', '503 Cloudflare 1200']);
  });

  it('when retries run out the 1200 page goes back whole', async () => {
    const fake = await fakeSupermemory();
    fake.force1200(3);
    const { sleep } = recordingSleep();
    const { client } = await setup({ sleep, config: upstreamConfig({ retries: 1 }) });
    const res = await post(client, `${fake.url}/v3/api.anthropic.com/v1/messages`);
    expect(res.status).toBe(503);
    expect(res.retries).toBe(1);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/Error<\/span> <span>1200/);
  });

  it('an ordinary 503 without Retry-After is not retried', async () => {
    const upstream = await server((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}');
    });
    const { sleep, waits } = recordingSleep();
    const { client } = await setup({ sleep });
    const res = await post(client, `${upstream.url}/v1/messages`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('overloaded_error');
    expect(waits).toEqual([]);
  });
});

describe('connection failures', () => {
  it('connection refused is retried, then UPSTREAM_UNREACHABLE naming the host, never the key', async () => {
    const port = await closedPort();
    const { sleep, waits } = recordingSleep();
    const { client } = await setup({ sleep });
    const retries: RetryInfo[] = [];
    const error = await post(client, `http://127.0.0.1:${port}/v1/messages?key=${PROVIDER_KEY}`, retries).catch((e: unknown) => e);
    expect(isGatewayError(error)).toBe(true);
    if (!isGatewayError(error)) return;
    expect(error.code).toBe('UPSTREAM_UNREACHABLE');
    expect(error.status).toBe(502);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain(PROVIDER_KEY);
    expect(retries.map((r) => r.reason)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    expect(waits).toEqual([75, 150]);
  });

  it('a refused connection succeeds once the upstream comes up during the backoff', async () => {
    const port = await closedPort();
    let started: LocalServer | null = null;
    const { client } = await setup({
      sleep: async () => {
        started ??= await server((_req, res) => res.end('{"ok":true}'), port);
      },
    });
    const res = await post(client, `http://127.0.0.1:${port}/v1/messages`);
    expect(res.status).toBe(200);
    expect(res.retries).toBe(1);
    expect(await res.text()).toBe('{"ok":true}');
  });

  it('a connection reset before any answer is retried', async () => {
    let calls = 0;
    const upstream = await server((req, res) => {
      calls++;
      if (calls === 1) req.socket.destroy();
      else res.end('{"ok":true}');
    });
    const { sleep } = recordingSleep();
    const { client } = await setup({ sleep });
    const retries: RetryInfo[] = [];
    const res = await post(client, `${upstream.url}/v1/messages`, retries);
    expect(res.status).toBe(200);
    await res.text();
    expect(retries).toHaveLength(1);
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(retries[0]?.reason);
  });

  it('no response headers in time is UPSTREAM_TIMEOUT, not retried', async () => {
    let calls = 0;
    const upstream = await server(() => {
      calls++; // never answers
    });
    const { sleep } = recordingSleep();
    const { client } = await setup({ sleep, config: upstreamConfig({ headersTimeoutMs: 300 }) });
    const error = await post(client, `${upstream.url}/v1/messages`).catch((e: unknown) => e);
    expect(isGatewayError(error) && error.code).toBe('UPSTREAM_TIMEOUT');
    expect(calls).toBe(1);
  });

  it('a request after close() is refused with SHUTTING_DOWN', async () => {
    const { client } = await setup();
    await client.close();
    const error = await post(client, 'http://127.0.0.1:9/v1/messages').catch((e: unknown) => e);
    expect(isGatewayError(error) && error.code).toBe('SHUTTING_DOWN');
  });
});
