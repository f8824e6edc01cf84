// The acceptance behaviour of the cookie jar against a fake Cloudflare: without the cookie every request
// after the first gets Error 1200; with the jar all of them pass, also after a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/core/upstream/dispatcher';
import { createUpstreamClient } from '../../../main/core/upstream/upstream-client';
import type { CookieJarStore, UpstreamClient } from '../../../main/core/upstream/types';
import { startFakeSupermemory, type FakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import { tempJar, upstreamConfig, type TempJar } from './helpers';

const SM_KEY = 'sm_test_key_SECRET_1234567890';

let fake: FakeSupermemory;
let temp: TempJar;
const clients: UpstreamClient[] = [];

beforeEach(async () => {
  fake = await startFakeSupermemory({ streamDelayMs: 1 });
  temp = await tempJar();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await fake.close();
  await temp.remove();
});

function client(jar: CookieJarStore, retries = 0): UpstreamClient {
  const config = upstreamConfig({ retries });
  const c = createUpstreamClient({ config, cookieJar: jar, dispatcher: createDispatcher(config) });
  clients.push(c);
  return c;
}

function messages(c: UpstreamClient, extra: Record<string, string> = {}) {
  return c.request({
    url: `${fake.url}/v3/api.anthropic.com/v1/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sm-user-id': 'claude-cli', 'x-supermemory-api-key': SM_KEY, ...extra },
    body: JSON.stringify({ model: 'claude-haiku-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }),
  });
}

describe('cookie jar against the fake Cloudflare', () => {
  it('ten requests in a row all succeed and all but the first carry __cf_bm', async () => {
    const c = client(temp.jar);
    for (let i = 0; i < 10; i++) {
      const res = await messages(c);
      expect(res.status, `request ${i}`).toBe(200);
      expect(JSON.parse(await res.text())).toMatchObject({ type: 'message' });
    }
    expect(fake.requests).toHaveLength(10);
    expect(fake.requests[0]?.cookies).toEqual({});
    for (const recorded of fake.requests.slice(1)) {
      expect(recorded.cookies.__cf_bm).toBe(fake.issued?.cfBm);
      expect(recorded.cookies._cfuvid).toBe(fake.issued?.cfuvid);
      expect(recorded.headers['x-sm-user-id']).toBe('claude-cli');
      expect(recorded.headers['x-supermemory-api-key']).toBe(SM_KEY);
    }
    expect(temp.jar.total()).toBe(2);
  });

  it('without the cookie the fake answers Error 1200 (the check above can fail)', async () => {
    const jar = temp.jar;
    const forgetful = client({
      cookieHeader: () => '',
      store: () => {},
      domains: () => jar.domains(),
      total: () => jar.total(),
      clear: (domain) => jar.clear(domain),
      flush: () => jar.flush(),
      onChange: (listener) => jar.onChange(listener),
      secretValues: () => jar.secretValues(),
    });
    const first = await messages(forgetful);
    expect(first.status).toBe(200);
    await first.text();
    const second = await messages(forgetful);
    expect(second.status).toBe(503);
    expect(await second.text()).toMatch(/Error.*1200/s);
  });

  it('the caller cannot supply its own Cookie header', async () => {
    const c = client(temp.jar);
    await (await messages(c)).text();
    const res = await messages(c, { cookie: '__cf_bm=forged' });
    expect(res.status).toBe(200);
    await res.text();
    expect(fake.requests[1]?.cookies.__cf_bm).toBe(fake.issued?.cfBm);
    expect(fake.requests[1]?.headers.cookie).not.toContain('forged');
  });

  it('after a restart (a new jar from the same file) the next request still carries the cookie', async () => {
    const before = client(temp.jar);
    await (await messages(before)).text();
    await temp.jar.flush();
    await before.close();

    const after = client(await temp.reopen());
    const res = await messages(after);
    expect(res.status).toBe(200);
    await res.text();
    expect(fake.requests[1]?.cookies.__cf_bm).toBe(fake.issued?.cfBm);
  });

  it('stores cookies from an error answer too', async () => {
    fake.force429(1, 3600);
    const c = client(temp.jar);
    const first = await messages(c);
    expect(first.status).toBe(429);
    expect(first.headers['set-cookie']).toHaveLength(2);
    first.dispose();
    const second = await messages(c);
    expect(second.status).toBe(200);
    await second.text();
  });

  it('streams through with the cookie', async () => {
    const c = client(temp.jar);
    await (await messages(c)).text();
    const res = await c.request({
      url: `${fake.url}/v3/https://api.openai.com/v1/chat/completions`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sm-user-id': 'pycharm-ai' },
      body: JSON.stringify({ model: 'gpt-4.1-mini', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream');
    const text = await res.text();
    expect(text).toContain('data: [DONE]');
    expect(fake.requests[1]).toMatchObject({ provider: 'https://api.openai.com', endpoint: 'chat.completions', stream: true });
  });
});
