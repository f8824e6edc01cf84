// Requests refused before routing (wrong key, unknown model) are credited to the client that sent them,
// with the model it asked for, the real cause in the message, and its (redacted) request headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../../shared/protocol/records';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  ({ anthropic, openai, gw } = await startTwoProviders(twoProviderYaml, { env: TEST_PROVIDER_ENV }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

const CLAUDE_UA = 'claude-cli/2.1.3 (external, cli)';

async function send(headers: Record<string, string>, body: unknown): Promise<{ status: number; json: { error: { message: string } } }> {
  const res = await fetch(`${gw.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'user-agent': CLAUDE_UA, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { error: { message: string } } };
}

async function admin<T>(path: string): Promise<T> {
  const res = await fetch(`${gw.url}${path}`, { headers: { authorization: `Bearer ${gw.adminToken}` } });
  return (await res.json()) as T;
}

async function lastRecord(): Promise<RequestRecord> {
  const snapshot = await admin<{ log: RequestRecord[] }>('/admin/snapshot');
  return snapshot.log[snapshot.log.length - 1]!;
}

describe('attribution of refused requests', () => {
  it('credits a wrong key to the identity its User-Agent matches and keeps its redacted headers', async () => {
    const res = await send({ 'x-api-key': 'sk-wrong-key-0123456789' }, { model: 'claude-sonnet-4.5', max_tokens: 5, messages: [] });
    expect(res.status).toBe(401);
    const record = await lastRecord();
    expect(record).toMatchObject({ identity: 'claude-cli', identitySource: 'pattern', clientApp: 'Claude Code 2.1.3', errorCode: 'AUTH_INVALID_KEY', status: 401 });
    const detail = await admin<{ requestHeaders: Record<string, string> }>(`/admin/requests/${record.id}`);
    expect(detail.requestHeaders['user-agent']).toBe(CLAUDE_UA);
    expect(detail.requestHeaders['x-api-key']).toBeDefined();
    expect(JSON.stringify(detail)).not.toContain('sk-wrong-key-0123456789');
  });

  it('records the unknown model name and lists what is configured instead of "no models"', async () => {
    const res = await send({ 'x-api-key': gw.key }, { model: 'gemini-3-pro', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(404);
    expect(res.json.error.message).not.toContain('No models are configured');
    expect(res.json.error.message).toContain('Configured: claude-sonnet-4.5, claude-*, gpt-4o');
    const record = await lastRecord();
    expect(record).toMatchObject({ identity: 'claude-cli', model: 'gemini-3-pro', errorCode: 'UNKNOWN_MODEL' });
    const stats = (await admin<{ identities: { userId: string; routes: { model: string | null; failedAt: string | null }[] }[] }>('/admin/snapshot'))
      .identities.find((i) => i.userId === 'claude-cli')!;
    expect(stats.routes).toContainEqual(expect.objectContaining({ model: 'gemini-3-pro', failedAt: 'model' }));
  });
});
