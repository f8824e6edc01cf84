// Binary mode with a user's config as it may really be, and answers as the real proxy sends them:
// settings that would take the child over, includes, a start-up that fails with exit 3, port 4000,
// llm_provider- headers, LiteLLM's mid-stream error; plus the body and header guards in SDK mode too.
import Anthropic from '@anthropic-ai/sdk';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { openaiCompletion, startFakeUpstream } from '../../fixtures/fake-upstreams';
import { makeDataDir, readJson, startTestGateway, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch, waitUntil } from '../modes/mode-harness';
import { fileScene } from './file-scene';

const scene = fileScene();

const binarySection = (extra = '') => `  binary:\n    command: ${JSON.stringify(FAKE_LITELLM_PATH)}\n    ready_timeout_ms: 20000\n    stop_grace_ms: 2000\n${extra}`;

async function start(options: { yaml?: string; env?: Record<string, string>; binaryExtra?: string; dataDir?: string } = {}): Promise<TestGateway> {
  return scene.keep(await startTestGateway({
    yaml: options.yaml ?? twoProviderYaml(scene.anthropic.url, scene.openai.url, binarySection(options.binaryExtra)),
    env: { ...TEST_PROVIDER_ENV, ...options.env },
    dataDir: options.dataDir,
  }));
}

async function toBinary(g: TestGateway): Promise<ModeResult> {
  return (await readJson(await adminFetch(g.url, g.adminToken)('/admin/mode', { mode: 'binary' }))) as ModeResult;
}

const post = (g: TestGateway, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${g.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${g.key}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe("the child's config is safe whatever the user's file holds", () => {
  it('auth and database settings are left out, DATABASE_URL never reaches the child, and it still serves', async () => {
    const yaml = twoProviderYaml(scene.anthropic.url, scene.openai.url, binarySection()).replace(
      'user_id_mappings:',
      'general_settings:\n  litellm_key_header_name: x-team-key\n  custom_auth: my_auth.handler\n  enable_jwt_auth: true\n  database_url: postgresql://u:secretpw@db/litellm\n  store_model_in_db: true\n  alerting: [slack]\nuser_id_mappings:',
    );
    const g = await start({ yaml, env: { DATABASE_URL: 'postgresql://u:envpw@db/x', DIRECT_URL: 'postgresql://u:envpw@db/y' } });
    const result = await toBinary(g);
    expect(result.error).toBeNull();
    // with litellm_key_header_name kept, the child would read x-team-key and refuse our Bearer token
    expect((await post(g, '/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    const generated = await readFile(join(g.dataDir, 'litellm.config.yaml'), 'utf8');
    for (const gone of ['litellm_key_header_name', 'custom_auth', 'enable_jwt_auth', 'database_url', 'store_model_in_db', 'secretpw']) expect(generated).not.toContain(gone);
    expect(generated).toContain('alerting');
    const tail = g.gateway.admin.snapshot().mode.backends.binary.logTail.join('\n');
    expect(tail).toContain('left out of the generated config');
    expect(tail).not.toContain('DATABASE_URL found');
  });

  it("include: files are inlined from the user's config folder", async () => {
    const dataDir = await makeDataDir();
    await mkdir(join(dataDir, 'conf.d'));
    await writeFile(join(dataDir, 'conf.d', 'extra-models.yaml'), `model_list:\n  - model_name: gpt-included\n    litellm_params:\n      model: openai/gpt-4o-mini\n      api_base: ${scene.openai.url}/v1\n      api_key: os.environ/TEST_OPENAI_KEY\n`);
    const yaml = `include:\n  - conf.d/extra-models.yaml\n${twoProviderYaml(scene.anthropic.url, scene.openai.url, binarySection())}`;
    const g = await start({ yaml, dataDir });
    expect((await toBinary(g)).error).toBeNull();
    const res = await post(g, '/v1/chat/completions', { model: 'gpt-included', messages: [{ role: 'user', content: 'hi' }] }, { 'user-agent': 'OpenAIClientImpl/Java' });
    // the front door does not know the included model (SDK mode reads no includes): it says so clearly
    expect([200, 404]).toContain(res.status);
    const generated = await readFile(join(g.dataDir, 'litellm.config.yaml'), 'utf8');
    expect(generated).toContain('gpt-included');
    expect(generated).not.toContain('include:');
  });

  it('a missing include: file fails the switch naming the file, and sdk stays active', async () => {
    const yaml = `include:\n  - conf.d/missing.yaml\n${twoProviderYaml(scene.anthropic.url, scene.openai.url, binarySection())}`;
    const g = await start({ yaml });
    const result = await toBinary(g);
    expect(result.error?.code).toBe('BINARY_CONFIG_REJECTED');
    expect(result.error?.message).toContain(join(g.dataDir, 'conf.d', 'missing.yaml'));
    expect(result.mode.mode).toBe('sdk');
    expect(result.mode.backends.binary.status).toBe('failed');
  });

  it('a start-up that fails with exit 3 is a rejected config: one failure with the log lines, no restart loop', async () => {
    const g = await start({ env: { FAKE_LITELLM_BEHAVIOUR: 'startup-failed' } });
    const result = await toBinary(g);
    expect(result.error?.code).toBe('BINARY_CONFIG_REJECTED');
    expect(result.error?.message).toContain('Application startup failed');
    expect(result.mode.mode).toBe('sdk');
    expect(result.mode.backends.binary.restarts).toBe(0);
  });

  it('never asks the child for port 4000, and confirms the port it listens on', async () => {
    const g = await start({ binaryExtra: '    port: 4000\n' });
    const result = await toBinary(g);
    expect(result.error).toBeNull();
    const port = result.mode.backends.binary.port;
    expect(port).not.toBe(4000);
    expect(g.gateway.admin.snapshot().mode.backends.binary.logTail.join('\n')).toContain(`Uvicorn running on http://127.0.0.1:${port}`);
  });
});

describe('the LiteLLM log tail stays live', () => {
  it('new output lines reach the dashboard as a backend state event, with no status change', async () => {
    const g = await start();
    expect((await toBinary(g)).error).toBeNull();
    const events: GatewayEvent[] = [];
    g.gateway.admin.onEvent((event) => events.push(event));
    expect((await post(g, '/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    // the child's access log line for that request arrives in a later backend.state event
    await waitUntil(
      () => events.some((e) => e.type === 'backend.state' && e.backend.kind === 'binary' && e.backend.status === 'ready'
        && e.backend.logTail.some((line) => line.includes('POST /v1/chat/completions'))),
      'a live log-tail update',
    );
  });
});

describe('answers as the real proxy sends them', () => {
  it('provider headers come back unprefixed (retry-after, request id, rate limits), never as llm_provider-*', async () => {
    const g = await start();
    expect((await toBinary(g)).error).toBeNull();
    scene.openai.queue({ kind: 'json', body: openaiCompletion('ok'), headers: { 'x-request-id': 'req_abc', 'retry-after': '3', 'x-ratelimit-remaining-tokens': '900' } });
    const res = await post(g, '/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req_abc');
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('x-ratelimit-remaining-tokens')).toBe('900');
    expect([...res.headers.keys()].filter((name) => name.startsWith('llm_provider-'))).toEqual([]);
  });

  it("LiteLLM's bare mid-stream error ends the client's stream with one well-formed error event", async () => {
    const g = await start({ env: { FAKE_LITELLM_BEHAVIOUR: 'mid-stream-error' } });
    expect((await toBinary(g)).error).toBeNull();
    const res = await post(g, '/v1/messages', { model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const transcript = await res.text();
    const events = transcript.split('\n\n').filter(Boolean);
    expect(events.filter((e) => e.includes('"error"'))).toHaveLength(1);
    expect(events.at(-1)).toMatch(/^event: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"fake-litellm: upstream failed mid-stream"/);
    expect(transcript).not.toContain('"None"');
    const client = new Anthropic({ baseURL: g.url, apiKey: g.key, maxRetries: 0 });
    const failure = await client.messages.stream({ model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).finalMessage().catch((e: unknown) => e);
    expect(String(failure)).toContain('upstream failed mid-stream');
  });
});

describe('guards that hold in both modes', () => {
  for (const mode of ['sdk', 'binary'] as const) {
    it(`${mode}: a model naming several models is refused in the caller's dialect`, async () => {
      const g = await start();
      if (mode === 'binary') expect((await toBinary(g)).error).toBeNull();
      const res = await post(g, '/v1/messages', { model: 'claude-a,claude-b', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('contains a comma') } });
    });

    it(`${mode}: credential headers, user_config and extra_body.api_base from a client never reach the provider`, async () => {
      const g = await start();
      if (mode === 'binary') expect((await toBinary(g)).error).toBeNull();
      const elsewhere = await startFakeUpstream(() => ({ kind: 'json', body: openaiCompletion('wrong place') }));
      try {
        const res = await post(
          g,
          '/v1/chat/completions',
          {
            model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }],
            user_config: { model_list: [{ model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o', api_base: elsewhere.url } }] },
            extra_body: { api_base: elsewhere.url, base_url: elsewhere.url, seed: 7 },
          },
          { 'x-litellm-api-key': 'sk-client-litellm-key-1', 'api-key': 'client-azure-key-2', 'x-goog-api-key': 'client-goog-key-3' },
        );
        expect(res.status).toBe(200);
        expect(elsewhere.requests).toHaveLength(0);
        const seen = scene.openai.requests.at(-1)!;
        expect(JSON.stringify(seen.headers)).not.toMatch(/client-(litellm|azure|goog)-key/);
        expect(seen.body).not.toHaveProperty('user_config');
        // the rest of extra_body is the client's business
        expect(JSON.stringify(seen.body)).not.toContain(elsewhere.url);
      } finally {
        await elsewhere.close();
      }
    });
  }
});
