// The behaviours of the Python proxy we replace: health, auth, validation errors in the caller's
// dialect, unknown models, memory routing info, and the DNS-rebinding guard.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  const keyless = '  - model_name: keyless\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: os.environ/FRONT_DOOR_MISSING_KEY\n';
  ({ anthropic, openai, gw } = await startTwoProviders((a, o) => twoProviderYaml(a, o, '  body_limit: 2kb\n', keyless), { env: TEST_PROVIDER_ENV }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

async function call(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}) {
  const res = await request(`${gw.url}${path}`, { method: method as 'GET', headers: options.headers, body: options.body });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: parseOrNull(text) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseOrNull(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const auth = () => ({ authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' });

describe('front door', () => {
  it('answers HEAD / with 200 (Claude Code probes it)', async () => {
    const res = await call('HEAD', '/');
    expect(res.status).toBe(200);
  });

  it('reports health in the shape the old proxy had', async () => {
    const res = await call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'healthy', mode: 'sdk', backend: 'ready', models_configured: 4, version: '0.0.0-test' });
    expect(typeof res.json.uptime_s).toBe('number');
    expect(typeof res.json.cookie_count).toBe('number');
  });

  it('lists concrete models in OpenAI shape, and in Anthropic shape when anthropic-version is sent', async () => {
    const openaiShape = await call('GET', '/v1/models', { headers: auth() });
    expect(openaiShape.status).toBe(200);
    expect(openaiShape.json.object).toBe('list');
    // the keyless model cannot work, so it is not offered
    expect(openaiShape.json.data.map((m: { id: string }) => m.id)).toEqual(['claude-sonnet-4.5', 'gpt-4o']);
    const anthropicShape = await call('GET', '/v1/models', { headers: { ...auth(), 'anthropic-version': '2023-06-01' } });
    expect(anthropicShape.json.data[0]).toMatchObject({ type: 'model', id: 'claude-sonnet-4.5' });
    expect(anthropicShape.json.has_more).toBe(false);
  });

  it.each([
    ['GET', '/v1/models', undefined],
    ['POST', '/v1/chat/completions', JSON.stringify({ model: 'gpt-4o', messages: [] })],
  ])('refuses %s %s without a key or with a wrong one (401)', async (method, path, body) => {
    const none = await call(method, path, { body, headers: { 'content-type': 'application/json' } });
    expect(none.status).toBe(401);
    expect(none.json.error.type).toBe('authentication_error');
    const wrong = await call(method, path, { body, headers: { authorization: 'Bearer sk-wrong', 'content-type': 'application/json' } });
    expect(wrong.status).toBe(401);
  });

  it('answers 401 in the Anthropic dialect on /v1/messages, and accepts x-api-key', async () => {
    const res = await call('POST', '/v1/messages', { headers: { 'x-api-key': 'nope' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    const ok = await call('POST', '/v1/messages', {
      headers: { 'x-api-key': gw.key, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(ok.status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"model": ', /not valid JSON/],
    ['missing model', JSON.stringify({ messages: [] }), /model/],
    ['missing messages', JSON.stringify({ model: 'gpt-4o' }), /messages/],
  ])('answers 400 for %s in both dialects', async (_name, body, message) => {
    const chat = await call('POST', '/v1/chat/completions', { headers: auth(), body });
    expect(chat.status).toBe(400);
    expect(chat.json.error).toMatchObject({ type: 'invalid_request_error' });
    expect(chat.json.error.message).toMatch(message);
    const messages = await call('POST', '/v1/messages', { headers: auth(), body });
    expect(messages.status).toBe(400);
    expect(messages.json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('answers 404 for an unknown model and names the closest configured ones', async () => {
    const res = await call('POST', '/v1/chat/completions', {
      headers: auth(),
      body: JSON.stringify({ model: 'gpt-4', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toContain('gpt-4o');
  });

  it('fails only the model whose key variable is missing, naming the variable', async () => {
    const res = await call('POST', '/v1/chat/completions', {
      headers: auth(),
      body: JSON.stringify({ model: 'keyless', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(500);
    expect(res.json.error.message).toContain('FRONT_DOOR_MISSING_KEY');
    expect(gw.config.warnings.join('\n')).toContain('FRONT_DOOR_MISSING_KEY');
    const ok = await call('POST', '/v1/chat/completions', { headers: auth(), body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }) });
    expect(ok.status).toBe(200);
  });

  it('routes Claude Code model names through the claude-* wildcard', async () => {
    const before = anthropic.requests.length;
    const res = await call('POST', '/v1/messages?beta=true', {
      headers: { ...auth(), 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-haiku-4-5-20251001', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(200);
    const seen = anthropic.requests[before]!;
    expect(seen.body?.model).toBe('claude-haiku-4-5-20251001');
    expect(seen.url).toBe('/v1/messages?beta=true');
  });

  it('answers 413 over the body limit', async () => {
    const res = await call('POST', '/v1/chat/completions', {
      headers: auth(),
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x'.repeat(4096) }] }),
    });
    expect(res.status).toBe(413);
    expect(res.json.error.message).toMatch(/limit/);
  });

  it('explains memory routing without echoing secrets', async () => {
    const pycharm = await call('GET', '/memory-routing/info', { headers: { 'user-agent': 'OpenAIClientImpl/Java 1.0', authorization: `Bearer ${gw.key}` } });
    expect(pycharm.json).toEqual({
      user_id: 'pycharm-ai',
      matched_pattern: { header: 'user-agent', pattern: 'OpenAIClientImpl/Java', user_id: 'pycharm-ai' },
      custom_header_present: false,
      is_default: false,
    });
    expect(pycharm.text).not.toContain(gw.key);
    const custom = await call('GET', '/memory-routing/info', { headers: { 'x-memory-user-id': 'my-project' } });
    expect(custom.json).toMatchObject({ user_id: 'my-project', custom_header_present: true, is_default: false });
    const fallback = await call('GET', '/memory-routing/info', { headers: { 'user-agent': 'curl/8' } });
    expect(fallback.json).toMatchObject({ user_id: 'default-dev', matched_pattern: null, is_default: true });
  });

  it('refuses an identity header with control characters (400) and never forwards it', async () => {
    const before = openai.requests.length;
    const res = await call('POST', '/v1/chat/completions', {
      headers: { ...auth(), 'x-memory-user-id': 'a'.repeat(129) },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(400);
    expect(openai.requests.length).toBe(before);
  });

  it('refuses requests whose Host is not loopback (DNS rebinding) and sends no CORS headers', async () => {
    const res = await call('GET', '/health', { headers: { host: 'evil.example.com' } });
    expect(res.status).toBe(403);
    const ok = await call('GET', '/health', { headers: { origin: 'https://evil.example.com' } });
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });
});
