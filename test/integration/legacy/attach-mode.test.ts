// Attach mode: binary mode forwards to a LiteLLM proxy started separately (a team's shared proxy) with its
// own key, instead of spawning one. Switching and rollback work the same; the key never leaves the gateway.
import OpenAI from 'openai';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { startFakeLitellm } from '../../fixtures/fake-litellm';
import type { RunningFakeLitellm } from '../../fixtures/fake-litellm';
import { makeDataDir, readJson, startTestGateway, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch, waitUntil } from '../modes/mode-harness';
import { fileScene } from './file-scene';

const TEAM_KEY = 'sk-team-shared-proxy-key-5f2c9a';
const scene = fileScene();
let proxy: RunningFakeLitellm | null = null;
scene.afterEachTest(async () => {
  await proxy?.stop();
  proxy = null;
});

async function startSharedProxy(version = '1.80.17'): Promise<RunningFakeLitellm> {
  const dir = await makeDataDir();
  const file = join(dir, 'team-litellm.yaml');
  await writeFile(file, JSON.stringify({
    model_list: [
      { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o', api_base: `${scene.openai.url}/v1`, api_key: 'sk-team-openai' } },
      { model_name: 'claude-sonnet-4.5', litellm_params: { model: 'anthropic/claude-sonnet-4-5', api_base: scene.anthropic.url, api_key: 'sk-team-anthropic' } },
    ],
    general_settings: { master_key: TEAM_KEY, forward_client_headers_to_llm_api: true },
  }));
  proxy = await startFakeLitellm({ configFile: file, env: { FAKE_LITELLM_VERSION: version } });
  return proxy;
}

async function gatewayAttachedTo(url: string, readyTimeoutMs = 5000): Promise<TestGateway> {
  const binary = `  binary:\n    url: ${url}\n    key: os.environ/TEAM_LITELLM_KEY\n    ready_timeout_ms: ${readyTimeoutMs}\n`;
  return scene.keep(await startTestGateway({ yaml: twoProviderYaml(scene.anthropic.url, scene.openai.url, binary), env: { ...TEST_PROVIDER_ENV, TEAM_LITELLM_KEY: TEAM_KEY } }));
}


describe('attach mode (switchboard.binary.url)', () => {
  it('switches to a running proxy, says "attached to <host>", forwards with its key and the identity, and rolls back', async () => {
    const shared = await startSharedProxy();
    const g = await gatewayAttachedTo(shared.url);
    const events: GatewayEvent[] = [];
    g.gateway.admin.onEvent((e) => events.push(e));
    const admin = adminFetch(g.url, g.adminToken);

    const switched = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
    expect(switched.error).toBeNull();
    const host = new URL(shared.url).host;
    expect(switched.mode.backends.binary).toMatchObject({ status: 'ready', attachedTo: host, version: '1.80.17', pid: null });

    const client = new OpenAI({ baseURL: `${g.url}/v1`, apiKey: g.key, maxRetries: 0, defaultHeaders: { 'user-agent': 'OpenAIClientImpl/Java' } });
    const reply = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
    expect(scene.openai.requests.at(-1)!.headers.authorization).toBe('Bearer sk-team-openai');
    await waitUntil(() => /POST \/v1\/chat\/completions HTTP\/1\.1" 200/.test(shared.output()), "the proxy's access log line");
    expect(g.gateway.admin.snapshot().log.at(-1)).toMatchObject({ backend: 'binary', upstreamHost: host });

    const back = (await readJson(await admin('/admin/rollback', {}))) as ModeResult;
    expect(back.mode.mode).toBe('sdk');
    // the shared proxy is not ours to stop
    expect((await fetch(`${shared.url}/health/liveliness`)).status).toBe(200);
    const again = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
    expect(again.mode.mode).toBe('binary');

    const everything = JSON.stringify([g.gateway.admin.snapshot(), events, g.logs]);
    expect(everything).not.toContain(TEAM_KEY);
  });

  it('a proxy that does not answer is reported with its host, and sdk stays active', async () => {
    const shared = await startSharedProxy();
    const url = shared.url;
    await shared.stop();
    proxy = null;
    const g = await gatewayAttachedTo(url, 1500);
    const result = (await readJson(await adminFetch(g.url, g.adminToken)('/admin/mode', { mode: 'binary' }))) as ModeResult;
    expect(result.error?.code).toBe('BINARY_READY_TIMEOUT');
    expect(result.error?.message).toContain(new URL(url).host);
    expect(result.mode.mode).toBe('sdk');
  });

  it('an attached proxy older than 1.80 is refused by its reported version', async () => {
    const shared = await startSharedProxy('1.77.5');
    const g = await gatewayAttachedTo(shared.url);
    const result = (await readJson(await adminFetch(g.url, g.adminToken)('/admin/mode', { mode: 'binary' }))) as ModeResult;
    expect(result.error?.code).toBe('BINARY_VERSION_UNSUPPORTED');
    expect(result.error?.message).toContain('1.77.5 is too old');
  });
});
