// Supermemory behind Cloudflare: __cf_bm is set on the first answer and required afterwards (503 Error
// 1200 without it). Through Switchboard every request succeeds, the cookie count is reported, and the
// cookie survives a restart of Switchboard.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import type { FakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import { makeDataDir, readJson, startTestGateway } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

const SM_KEY = 'sm_test_supermemory_key_5551234';
const PROVIDER_KEY = 'sk-ant-behind-supermemory-0042';
let sm: FakeSupermemory;
let dataDir: string;

const yaml = (url: string) => `model_list:
  - model_name: claude-sonnet-4.5
    litellm_params:
      model: anthropic/claude-sonnet-4-5
      api_base: ${url}/v3/api.anthropic.com
      api_key: os.environ/SM_TEST_PROVIDER_KEY
  - model_name: gpt-4o-memory
    litellm_params:
      model: openai/gpt-4o
      api_base: ${url}/v3/https://api.openai.com/v1
      api_key: os.environ/SM_TEST_PROVIDER_KEY
switchboard:
  supermemory_base_url: ${url}
`;

const start = () => startTestGateway({ yaml: yaml(sm.url), dataDir, env: { SUPERMEMORY_API_KEY: SM_KEY, SM_TEST_PROVIDER_KEY: PROVIDER_KEY } });

beforeAll(async () => {
  sm = await startFakeSupermemory();
  dataDir = await makeDataDir();
});

afterAll(async () => {
  await sm?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Supermemory behind Cloudflare', () => {
  let gw: TestGateway;

  it('ten requests in a row all succeed and carry the cookie and the memory headers', async () => {
    gw = await start();
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': 'claude-cli/2.0.14 (external, cli)' } });
    for (let i = 0; i < 10; i++) {
      const message = await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: `hi ${i}` }] });
      expect(message.type).toBe('message');
    }
    expect(sm.requests).toHaveLength(10);
    expect(sm.requests.every((r) => r.status === 200)).toBe(true);
    expect(sm.requests.slice(1).every((r) => r.cookies.__cf_bm === sm.issued!.cfBm)).toBe(true);
    for (const r of sm.requests) {
      expect(r.headers['x-sm-user-id']).toBe('claude-cli');
      expect(r.headers['x-supermemory-api-key']).toBe(SM_KEY);
      expect(r.headers['x-api-key']).toBe(PROVIDER_KEY);
      expect(r.path).toBe('/v3/api.anthropic.com/v1/messages');
    }
  });

  it('works for OpenAI-dialect models behind the router too (streamed)', async () => {
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-memory', stream: true, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    const last = sm.requests.at(-1)!;
    expect(last.path).toBe('/v3/https://api.openai.com/v1/chat/completions');
    expect(last.cookies.__cf_bm).toBe(sm.issued!.cfBm);
  });

  it('reports the cookie count (names, never values) in /health and the snapshot', async () => {
    const health = await readJson(await fetch(`${gw.url}/health`));
    expect(health.cookie_count).toBeGreaterThanOrEqual(2);
    const cookies = gw.gateway.admin.snapshot().cookies;
    expect(cookies.applies).toBe(true);
    const names = cookies.domains.flatMap((d) => d.cookies.map((c) => c.name));
    expect(names).toEqual(expect.arrayContaining(['__cf_bm', '_cfuvid']));
    expect(JSON.stringify(cookies)).not.toContain(sm.issued!.cfBm);
    // the request detail shows that the jar's cookies went upstream, by name only
    const last = gw.gateway.admin.snapshot().log.at(-1)!;
    const sentCookie = gw.gateway.admin.requestDetail(last.id)!.upstreamRequestHeaders.cookie;
    expect(sentCookie).toMatch(/__cf_bm/);
    expect(sentCookie).not.toContain(sm.issued!.cfBm);
  });

  it('still sends the cookie after Switchboard restarts', async () => {
    await gw.stop();
    gw = await start();
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
    await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'after restart' }] });
    const last = sm.requests.at(-1)!;
    expect(last.status).toBe(200);
    expect(last.cookies.__cf_bm).toBe(sm.issued!.cfBm);
    await gw.stop();
  });
});
