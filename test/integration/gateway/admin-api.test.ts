// The admin API: token-protected snapshot + event stream (seq-ordered, no replay), request details,
// clear, identity "try" box, pause/resume, key reveal.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { readJson, startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  ({ anthropic, openai, gw } = await startTwoProviders(twoProviderYaml, { env: TEST_PROVIDER_ENV }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${gw.url}${path}`, { ...init, headers: { authorization: `Bearer ${gw.adminToken}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });

/** Reads SSE events from /admin/events until `until` says stop. */
async function collectEvents(until: (events: GatewayEvent[]) => boolean, during: () => Promise<void>): Promise<GatewayEvent[]> {
  const controller = new AbortController();
  const res = await admin('/admin/events', { signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: GatewayEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = raw.split('\n').find((l) => l.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)) as GatewayEvent);
      }
    }
  })();
  await during();
  await reading;
  controller.abort();
  return events;
}

describe('admin API', () => {
  it('refuses every admin route without the token', async () => {
    for (const path of ['/admin/snapshot', '/admin/events', '/admin/key']) {
      const res = await fetch(`${gw.url}${path}`, { headers: { authorization: `Bearer ${gw.key}` } });
      expect(res.status, path).toBe(401);
    }
  });

  it('streams request events with increasing seq after a snapshot', async () => {
    const snapshot = (await (await admin('/admin/snapshot')).json()) as Snapshot;
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': 'OpenAIClientImpl/Java 1.0' } });
    const events = await collectEvents(
      (list) => list.some((e) => e.type === 'request.finished'),
      async () => {
        await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] });
      },
    );
    const types = events.map((e) => e.type);
    expect(types).toContain('request.started');
    expect(types).toContain('request.first_byte');
    const seqs = events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(seqs[0]!).toBeGreaterThan(snapshot.seq);
    const finished = events.find((e) => e.type === 'request.finished') as Extract<GatewayEvent, { type: 'request.finished' }>;
    expect(finished.request).toMatchObject({ identity: 'pycharm-ai', clientApp: 'JetBrains AI Assistant', model: 'gpt-4o', backend: 'sdk', status: 200 });
  });

  it('gives request details with redacted headers and the captured bodies', async () => {
    const snapshot = (await (await admin('/admin/snapshot')).json()) as Snapshot;
    const last = snapshot.log.at(-1)!;
    const detail = await readJson(await admin(`/admin/requests/${last.id}`));
    expect(detail.record.id).toBe(last.id);
    expect(detail.requestHeaders.authorization).toMatch(/redacted/);
    expect(detail.upstreamRequestHeaders.authorization).toMatch(/redacted/);
    expect(detail.upstreamRequestHeaders['x-sm-user-id']).toBe('pycharm-ai');
    expect(detail.requestBody.text).toContain('"gpt-4o"');
    expect(JSON.stringify(detail)).not.toContain(gw.key);
    expect(JSON.stringify(detail)).not.toContain(TEST_PROVIDER_ENV.TEST_OPENAI_KEY);
    expect((await admin('/admin/requests/nope')).status).toBe(404);
  });

  it('resolves identities for the "try a User-Agent" box through the real resolver', async () => {
    const res = await admin('/admin/identity/resolve', { method: 'POST', body: JSON.stringify({ headers: { 'User-Agent': 'claude-cli/2.0.14 (external, cli)' } }) });
    expect(await readJson(res)).toMatchObject({ user_id: 'claude-cli', is_default: false });
  });

  it('pauses and resumes the gateway', async () => {
    expect((await readJson(await admin('/admin/pause', { method: 'POST' }))).paused).toBe(true);
    const paused = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(paused.status).toBe(503);
    expect((await admin('/admin/resume', { method: 'POST' })).status).toBe(200);
  });

  it('reveals the key only through the admin API, and clears the log', async () => {
    expect((await readJson(await admin('/admin/key'))).key).toBe(gw.key);
    expect((await admin('/admin/log/clear', { method: 'POST' })).status).toBe(200);
    const snapshot = (await (await admin('/admin/snapshot')).json()) as Snapshot;
    expect(snapshot.log).toEqual([]);
  });

  it('rejects a bad mode switch body', async () => {
    const res = await admin('/admin/mode', { method: 'POST', body: JSON.stringify({ mode: 'turbo' }) });
    expect(res.status).toBe(400);
  });

  it('checks every body against the shared contract and says which field is wrong', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/admin/mode', { mode: 'turbo' }, 'mode:'],
      ['/admin/cookies/clear', { domain: 5 }, 'domain:'],
      ['/admin/identity/resolve', { headers: 'x' }, 'headers:'],
      ['/admin/replay', { requestId: '' }, 'requestId:'],
      ['/admin/validation', { phase: 'pre', extra: 1 }, 'body:'],
    ];
    for (const [path, body, field] of cases) {
      const res = await admin(path, { method: 'POST', body: JSON.stringify(body) });
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect([path, res.status, error.code], error.message).toEqual([path, 400, 'INVALID_REQUEST']);
      expect(error.message, path).toContain(field);
    }
  });
});
