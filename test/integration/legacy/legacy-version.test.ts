// The LiteLLM version is read before the child starts: below 1.80 binary mode is refused (its
// /v1/messages route would drop the identity), unless switchboard.binary.min_version says otherwise.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { readJson, startTestGateway, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch } from '../modes/mode-harness';
import { OFFLINE_LITELLM_ENV } from './legacy-suite';
import { fileScene } from './file-scene';
import { realLitellm } from './real-litellm';

const scene = fileScene();

async function gatewayWith(command: string, env: Record<string, string>, binaryExtra = ''): Promise<TestGateway> {
  const binary = `  binary:\n    command: ${JSON.stringify(command)}\n    ready_timeout_ms: 60000\n${binaryExtra}`;
  return scene.keep(await startTestGateway({ yaml: twoProviderYaml(scene.anthropic.url, scene.openai.url, binary), env: { ...TEST_PROVIDER_ENV, ...env } }));
}

async function switchToBinary(g: TestGateway): Promise<{ status: number; result: ModeResult }> {
  const res = await adminFetch(g.url, g.adminToken)('/admin/mode', { mode: 'binary' });
  return { status: res.status, result: (await readJson(res)) as ModeResult };
}

describe('LiteLLM version', () => {
  it('refuses 1.77.5 in one clear line naming the version, why, and the pinned install command; sdk stays active', async () => {
    const g = await gatewayWith(FAKE_LITELLM_PATH, { FAKE_LITELLM_VERSION: '1.77.5' });
    const { status, result } = await switchToBinary(g);
    expect(status).toBe(409);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('BINARY_VERSION_UNSUPPORTED');
    expect(result.error?.message).toMatch(/LiteLLM 1\.77\.5 is too old .*1\.80\.0 or later.*identity.*pip install 'litellm\[proxy\]==1\.80\.17'/);
    expect(result.mode.mode).toBe('sdk');
    // the Mode view and the tray read the backend state: the same line, and the version found
    expect(result.mode.backends.binary).toMatchObject({ status: 'failed', version: '1.77.5', reason: expect.stringContaining('1.77.5 is too old') });
    // nothing was spawned beyond `--version`: no LiteLLM log line of a start
    expect(g.gateway.admin.snapshot().mode.backends.binary.pid).toBeNull();
  });

  it('switchboard.binary.min_version lets a user who knows better run an old one (and shows why it is risky)', async () => {
    const g = await gatewayWith(FAKE_LITELLM_PATH, { FAKE_LITELLM_VERSION: '1.77.5' }, '    min_version: "1.77.0"\n');
    const { result } = await switchToBinary(g);
    expect(result.error).toBeNull();
    expect(result.mode.backends.binary.version).toBe('1.77.5');
    const client = new Anthropic({ baseURL: g.url, apiKey: g.key, maxRetries: 0, defaultHeaders: { 'user-agent': 'claude-cli/2.0.14 (external, cli)' } });
    await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    // the reason for the minimum: this LiteLLM drops the identity on /v1/messages
    expect(scene.anthropic.requests.at(-1)!.headers['x-sm-user-id']).toBeUndefined();
  });

  it('accepts 1.80.0 and shows the version in the backend state', async () => {
    const g = await gatewayWith(FAKE_LITELLM_PATH, { FAKE_LITELLM_VERSION: '1.80.0' });
    const { result } = await switchToBinary(g);
    expect(result.error).toBeNull();
    expect(result.mode.backends.binary).toMatchObject({ status: 'ready', version: '1.80.0' });
  });

  const old = realLitellm('SWITCHBOARD_TEST_LITELLM_OLD');
  it.skipIf(!old)('refuses the REAL LiteLLM 1.77.5 (SWITCHBOARD_TEST_LITELLM_OLD)', async () => {
    const g = await gatewayWith(old!, OFFLINE_LITELLM_ENV);
    const { status, result } = await switchToBinary(g);
    expect(status).toBe(409);
    expect(result.error?.code).toBe('BINARY_VERSION_UNSUPPORTED');
    expect(result.error?.message).toContain('LiteLLM 1.77.5 is too old');
  }, 120_000);
});
