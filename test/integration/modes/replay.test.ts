// Compare against a real gateway: a request made in SDK mode (fake providers) is replayed through the
// binary backend (the fake LiteLLM, started for the replay and stopped afterwards); the replay is a
// request of its own in the log, marked as a replay; refusals come back as admin error bodies.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../../shared/protocol/records';
import { MIGRATION_PATHS, type ReplayResult } from '../../../shared/protocol/validation';
import { ADMIN_PATHS } from '../../../shared/protocol/admin-api';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml, type TwoProviders } from '../harness/test-gateway';
import { adminFetch, modesYaml, waitUntil } from './mode-harness';

const JETBRAINS_UA = 'OpenAIClientImpl/Java 1.0.0 (JetBrains AI Assistant)';

describe('POST /admin/replay (Compare)', () => {
  let parts: TwoProviders;
  let admin: ReturnType<typeof adminFetch>;

  beforeAll(async () => {
    parts = await startTwoProviders((a, o) => modesYaml(a, o), { env: TEST_PROVIDER_ENV });
    admin = adminFetch(parts.gw.url, parts.gw.adminToken);
  }, 30_000);

  afterAll(async () => {
    await stopTwoProviders(parts);
  });

  const finishedRecord = (match: (r: RequestRecord) => boolean) =>
    new Promise<RequestRecord>((resolve) => {
      const off = parts.gw.gateway.admin.onEvent((event) => {
        if ((event.type === 'request.finished' || event.type === 'request.failed') && match(event.request)) {
          off();
          resolve(event.request);
        }
      });
    });

  async function sdkRequest(stream: boolean): Promise<RequestRecord> {
    const done = finishedRecord((r) => r.replayOf === null && r.backend === 'sdk');
    const client = new OpenAI({ baseURL: `${parts.gw.url}/v1`, apiKey: parts.gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': JETBRAINS_UA } });
    if (stream) {
      const events = await client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Compare me' }] });
      for await (const _event of events) void _event;
    } else {
      await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Compare me' }] });
    }
    return done;
  }

  it('refuses without confirmCost, naming the cost', async () => {
    const original = await sdkRequest(false);
    const res = await admin(MIGRATION_PATHS.replay, { requestId: original.id });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('REPLAY_NOT_CONFIRMED');
    expect(body.error.message).toContain('costs tokens');
    expect(parts.gw.gateway.admin.snapshot().mode.backends.binary.status).toBe('stopped');
  });

  it('refuses an unknown request id and a request without the admin token', async () => {
    const unknown = await admin(MIGRATION_PATHS.replay, { requestId: 'no-such-id', confirmCost: true });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const anonymous = await fetch(`${parts.gw.url}${MIGRATION_PATHS.replay}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('replays an SDK request through the binary it starts and stops, and marks the replay in the log', async () => {
    const original = await sdkRequest(true);
    const states: string[] = [];
    const off = parts.gw.gateway.admin.onEvent((event) => {
      if (event.type === 'backend.state' && event.backend.kind === 'binary') states.push(event.backend.status);
    });
    const res = await admin(MIGRATION_PATHS.replay, { requestId: original.id, confirmCost: true });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const result = JSON.parse(text) as ReplayResult;

    expect(result.original).toMatchObject({ backend: 'sdk', requestId: original.id, status: 200 });
    expect(result.replay).toMatchObject({ backend: 'binary', status: 200 });
    expect(result.replay.requestId).not.toBe(original.id);
    // both answers streamed; the text names the identity the upstream was sent (fake LiteLLM or, when it
    // forwards to api_base, the fake provider)
    expect(result.original.streamEvents.length).toBeGreaterThan(1);
    expect(result.replay.streamEvents.at(-1)).toBe('[DONE]');
    expect(result.replay.body).toContain('pycharm-ai');
    expect(result.replay.headers['content-type']).toContain('text/event-stream');
    for (const diff of result.differences) expect(diff.field).toMatch(/^(status|body|stream-events|timing|header:.+)$/);

    // the replay is in the log as its own request, marked, on the other backend
    const logged = parts.gw.gateway.admin.snapshot().log.find((r) => r.id === result.replay.requestId);
    expect(logged).toMatchObject({ replayOf: original.id, backend: 'binary', phase: 'done', identity: 'pycharm-ai' });
    const detail = await admin(ADMIN_PATHS.request + result.replay.requestId!);
    expect(((await detail.json()) as { record: RequestRecord }).record.replayOf).toBe(original.id);
    expect(parts.gw.gateway.admin.snapshot().log.find((r) => r.id === original.id)?.replayOf).toBeNull();

    // started for the replay (progress visible as backend.state events), stopped afterwards
    expect(states).toContain('starting');
    expect(states).toContain('ready');
    await waitUntil(() => parts.gw.gateway.admin.snapshot().mode.backends.binary.status === 'stopped', 'the binary to stop after the replay');
    off();
    expect(parts.gw.gateway.admin.snapshot().mode.mode).toBe('sdk');
  }, 40_000);

  it('never returns keys, auth headers or cookie values', async () => {
    const original = await sdkRequest(false);
    const res = await admin(MIGRATION_PATHS.replay, { requestId: original.id, confirmCost: true });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    for (const secret of [parts.gw.key, parts.gw.adminToken, ...Object.values(TEST_PROVIDER_ENV)]) expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('authorization');
  }, 40_000);

  it('replays a binary-mode request through the SDK backend, leaving the active binary running', async () => {
    const switched = await admin(ADMIN_PATHS.mode, { mode: 'binary' });
    expect(switched.status).toBe(200);
    try {
      const done = finishedRecord((r) => r.replayOf === null && r.backend === 'binary');
      const client = new OpenAI({ baseURL: `${parts.gw.url}/v1`, apiKey: parts.gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': JETBRAINS_UA } });
      await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Compare me' }] });
      const original = await done;
      const res = await admin(MIGRATION_PATHS.replay, { requestId: original.id, confirmCost: true });
      const result = (await res.json()) as ReplayResult;
      expect(res.status).toBe(200);
      expect(result.original.backend).toBe('binary');
      expect(result.replay).toMatchObject({ backend: 'sdk', status: 200 });
      expect(parts.gw.gateway.admin.snapshot().log.find((r) => r.id === result.replay.requestId)).toMatchObject({ replayOf: original.id, backend: 'sdk' });
      expect(parts.gw.gateway.admin.snapshot().mode.backends.binary.status).toBe('ready');
    } finally {
      await admin(ADMIN_PATHS.mode, { mode: 'sdk' });
    }
  }, 40_000);

  it('refuses a request whose body was cut at the capture cap', async () => {
    const big = 'x'.repeat(300 * 1024);
    const done = finishedRecord((r) => r.replayOf === null && r.bytesIn > 200 * 1024);
    const client = new OpenAI({ baseURL: `${parts.gw.url}/v1`, apiKey: parts.gw.key, maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: big }] });
    const original = await done;
    const res = await admin(MIGRATION_PATHS.replay, { requestId: original.id, confirmCost: true });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('REPLAY_NOT_CAPTURED');
    expect(body.error.message).toContain('cut at');
  });
});

describe('POST /admin/replay when the other backend cannot start', () => {
  let parts: TwoProviders;

  beforeAll(async () => {
    parts = await startTwoProviders((a, o) => modesYaml(a, o, { command: '/nonexistent/litellm-not-installed' }), { env: TEST_PROVIDER_ENV });
  }, 30_000);

  afterAll(async () => {
    await stopTwoProviders(parts);
  });

  it('says the binary could not be started, and no replay is logged', async () => {
    const admin = adminFetch(parts.gw.url, parts.gw.adminToken);
    const client = new OpenAI({ baseURL: `${parts.gw.url}/v1`, apiKey: parts.gw.key, maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    const original = parts.gw.gateway.admin.snapshot().log.at(-1)!;
    const res = await admin(MIGRATION_PATHS.replay, { requestId: original.id, confirmCost: true });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(503);
    expect(body.error.message).toContain('could not be started for the replay');
    expect(parts.gw.gateway.admin.snapshot().log.some((r) => r.replayOf !== null)).toBe(false);
  }, 30_000);
});

describe('POST /admin/replay when bodies are not captured', () => {
  let parts: TwoProviders;

  beforeAll(async () => {
    parts = await startTwoProviders((a, o) => twoProviderYaml(a, o, '  log:\n    body_capture_entries: 0\n'), { env: TEST_PROVIDER_ENV });
  }, 30_000);

  afterAll(async () => {
    await stopTwoProviders(parts);
  });

  it('refuses with REPLAY_NOT_CAPTURED and says why', async () => {
    const client = new OpenAI({ baseURL: `${parts.gw.url}/v1`, apiKey: parts.gw.key, maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    const original = parts.gw.gateway.admin.snapshot().log.at(-1)!;
    const res = await adminFetch(parts.gw.url, parts.gw.adminToken)(MIGRATION_PATHS.replay, { requestId: original.id, confirmCost: true });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(409);
    expect(body.error.code).toBe('REPLAY_NOT_CAPTURED');
    expect(body.error.message).toContain('not captured');
  });
});
