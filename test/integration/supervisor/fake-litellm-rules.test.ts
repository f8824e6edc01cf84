// The fake LiteLLM keeps the real proxy's rules (test/fixtures/fake-litellm/README.md lists each with its
// source line), so the suites that trust it meet the proxy as it really is. Each rule, shown directly.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_LITELLM_PATH, startFakeLitellm } from '../../fixtures/fake-litellm';
import type { RunningFakeLitellm } from '../../fixtures/fake-litellm';
import { startFakeUpstream } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';

const run = promisify(execFile);
const MASTER = 'sk-master-rules-1234';
let upstream: FakeUpstream;
let dir: string;
const running: RunningFakeLitellm[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-fake-rules-'));
  upstream = await startFakeUpstream((request) =>
    request.path.endsWith('/v1/messages')
      ? { kind: 'json', body: { id: 'msg_1', type: 'message', role: 'assistant', model: 'c', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } }
      : { kind: 'json', headers: { 'x-request-id': 'req_up', 'x-ratelimit-remaining-requests': '9' }, body: { id: 'c1', object: 'chat.completion', created: 1, model: 'g', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] } },
  );
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.stop()));
});

afterAll(() => upstream.close());

async function start(general: Record<string, unknown>, env: Record<string, string> = {}, port = 0): Promise<RunningFakeLitellm> {
  const file = join(dir, `config-${running.length}-${Date.now()}.yaml`);
  await writeFile(file, JSON.stringify({
    model_list: [
      { model_name: 'gpt-probe', litellm_params: { model: 'openai/gpt-x', api_base: `${upstream.url}/v1`, api_key: 'sk-up-openai' } },
      { model_name: 'claude-probe', litellm_params: { model: 'anthropic/claude-x', api_base: upstream.url, api_key: 'sk-up-anthropic' } },
    ],
    general_settings: { master_key: MASTER, ...general },
  }));
  const fake = await startFakeLitellm({ configFile: file, env, port });
  running.push(fake);
  return fake;
}

const CLIENT_HEADERS = {
  'content-type': 'application/json',
  'x-sm-user-id': 'claude-cli',
  'x-stainless-os': 'Linux',
  'anthropic-beta': 'tools-2024',
  'user-agent': 'claude-cli/2.0.14',
};

async function post(fake: RunningFakeLitellm, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${fake.url}${path}`, { method: 'POST', headers: { ...CLIENT_HEADERS, authorization: `Bearer ${MASTER}`, ...headers }, body: JSON.stringify(body) });
}

const chat = { model: 'gpt-probe', messages: [{ role: 'user', content: 'hi' }] };
const messages = { model: 'claude-probe', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] };

describe('the fake LiteLLM keeps the real proxy rules', () => {
  it('prints its version like `litellm --version`, set by FAKE_LITELLM_VERSION', async () => {
    const { stdout } = await run(process.execPath, [FAKE_LITELLM_PATH, '--version'], { env: { ...process.env, FAKE_LITELLM_VERSION: '1.77.5' } });
    expect(stdout).toContain('LiteLLM: Current Version = 1.77.5');
  });

  it('forwards client headers only with forward_client_headers_to_llm_api, and then only x-* (not x-stainless) and anthropic-beta', async () => {
    const off = await start({});
    expect((await post(off, '/v1/chat/completions', chat)).status).toBe(200);
    expect(upstream.requests.at(-1)!.headers['x-sm-user-id']).toBeUndefined();

    const on = await start({ forward_client_headers_to_llm_api: true });
    const res = await post(on, '/v1/chat/completions', chat);
    expect(res.status).toBe(200);
    const seen = upstream.requests.at(-1)!;
    expect(seen.path).toBe('/v1/chat/completions');
    expect(seen.headers).toMatchObject({ 'x-sm-user-id': 'claude-cli', 'anthropic-beta': 'tools-2024', authorization: 'Bearer sk-up-openai' });
    expect(seen.headers['x-stainless-os']).toBeUndefined();
    expect(seen.headers['user-agent']).toMatch(/^litellm\//);
    // provider headers come back prefixed, the OpenAI rate-limit ones also unprefixed
    expect(res.headers.get('llm_provider-x-request-id')).toBe('req_up');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('9');
    expect(res.headers.get('x-request-id')).toBeNull();
  });

  it('below 1.80 the /v1/messages → Anthropic route forwards no client header; 1.80 does', async () => {
    const old = await start({ forward_client_headers_to_llm_api: true }, { FAKE_LITELLM_VERSION: '1.77.5' });
    expect((await post(old, '/v1/messages', messages)).status).toBe(200);
    expect(upstream.requests.at(-1)!.path).toBe('/v1/messages');
    expect(upstream.requests.at(-1)!.headers['x-sm-user-id']).toBeUndefined();
    expect((await post(old, '/v1/chat/completions', chat)).status).toBe(200);
    expect(upstream.requests.at(-1)!.headers['x-sm-user-id']).toBe('claude-cli');

    const current = await start({ forward_client_headers_to_llm_api: true }, { FAKE_LITELLM_VERSION: '1.80.0' });
    expect((await post(current, '/v1/messages', messages)).status).toBe(200);
    expect(upstream.requests.at(-1)!.headers).toMatchObject({ 'x-sm-user-id': 'claude-cli', 'x-api-key': 'sk-up-anthropic' });
  });

  it('authenticates with the FIRST credential header: x-litellm-api-key beats Authorization', async () => {
    const fake = await start({});
    expect((await post(fake, '/v1/chat/completions', chat, { 'x-litellm-api-key': 'sk-client-guess' })).status).toBe(400);
    expect((await post(fake, '/v1/chat/completions', chat, { 'x-api-key': 'sk-client-key' })).status).toBe(200);
    const custom = await start({ litellm_key_header_name: 'x-team-key' });
    expect((await post(custom, '/v1/chat/completions', chat)).status).toBe(401);
    expect((await post(custom, '/v1/chat/completions', chat, { 'x-team-key': MASTER })).status).toBe(200);
  });

  it('fans a model with commas out, and lets a body user_config choose the api_base', async () => {
    const fake = await start({});
    const batch = await (await post(fake, '/v1/chat/completions', { ...chat, model: 'gpt-probe,claude-probe' })).json();
    expect(batch).toHaveLength(2);
    const elsewhere = await startFakeUpstream(() => ({ kind: 'json', body: { id: 'x', object: 'chat.completion', created: 1, model: 'x', choices: [] } }));
    try {
      const body = { ...chat, model: 'evil', user_config: { model_list: [{ model_name: 'evil', litellm_params: { model: 'openai/x', api_base: elsewhere.url } }] } };
      expect((await post(fake, '/v1/chat/completions', body)).status).toBe(200);
      expect(elsewhere.requests).toHaveLength(1);
    } finally {
      await elsewhere.close();
    }
  });

  it('moves silently off port 4000 when 4000 is taken (and only 4000)', async () => {
    // if listening fails, someone else holds 4000: taken either way
    const blocker = createServer();
    await new Promise<void>((resolve) => {
      blocker.once('error', () => resolve());
      blocker.listen(4000, '127.0.0.1', () => resolve());
    });
    try {
      const fake = await start({}, {}, 4000);
      expect(fake.port).not.toBe(4000);
    } finally {
      blocker.close();
    }
  });
});
