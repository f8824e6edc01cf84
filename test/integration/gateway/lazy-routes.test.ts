// The routes behind express (info, /v1/models, admin, dashboard) are built on the first request that
// needs them (issue 14). The first requests right after start, many at once and mixed with hot-path
// requests, are all answered as before: none lost, none answered by the wrong route.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'switchboard-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard dashboard</title>');
  ({ anthropic, openai, gw } = await startTwoProviders(twoProviderYaml, { env: TEST_PROVIDER_ENV, rendererDir }));
});

afterAll(async () => {
  await stopTwoProviders({ anthropic, openai, gw });
  await rm(rendererDir, { recursive: true, force: true });
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${gw.url}${path}`, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('the cold routes, first requests after start', () => {
  it('answers concurrent first requests to every kind of cold route, alongside hot-path requests', async () => {
    const admin = { authorization: `Bearer ${gw.adminToken}` };
    const client = { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' };
    const chatBody = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    // nothing has been asked of the gateway yet: these all arrive while express is being loaded
    const [health, health2, models, snapshot, snapshot2, resolve, ui, uiRedirect, noToken, unknown, chat, chat2] = await Promise.all([
      call('/health'),
      call('/health'),
      call('/v1/models', { headers: client }),
      call('/admin/snapshot', { headers: admin }),
      call('/admin/snapshot', { headers: admin }),
      call('/admin/identity/resolve', {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ headers: { 'user-agent': 'claude-cli/2.0.14 (external, cli)' } }),
      }),
      call('/ui/'),
      call('/ui', { redirect: 'manual' }),
      call('/admin/snapshot'),
      call('/v1/messages/batches'),
      call('/v1/chat/completions', { method: 'POST', headers: client, body: chatBody }),
      call('/v1/chat/completions', { method: 'POST', headers: client, body: chatBody }),
    ]);
    for (const h of [health, health2]) {
      expect(h.status).toBe(200);
      expect(JSON.parse(h.text)).toMatchObject({ status: 'healthy', mode: 'sdk' });
    }
    expect(models.status).toBe(200);
    expect(JSON.parse(models.text)).toMatchObject({ object: 'list' });
    for (const s of [snapshot, snapshot2]) {
      expect(s.status).toBe(200);
      expect(JSON.parse(s.text)).toHaveProperty('seq');
    }
    expect(resolve.status).toBe(200);
    expect(resolve.text).toContain('claude-cli');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('Switchboard dashboard');
    expect(ui.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(uiRedirect.status).toBe(301);
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.text).error.code).toBe('ADMIN_UNAUTHORIZED');
    // a 404 under /v1/messages is in the Anthropic dialect
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    for (const c of [chat, chat2]) {
      expect(c.status).toBe(200);
      expect(JSON.parse(c.text)).toMatchObject({ object: 'chat.completion' });
    }
  });

  it('refuses a foreign Host on a cold route as before', async () => {
    // fetch() would not send a Host of our choosing
    const res = await request(`${gw.url}/health`, { headers: { host: 'evil.example.com' } });
    await res.body.text();
    expect(res.statusCode).toBe(403);
  });
});
