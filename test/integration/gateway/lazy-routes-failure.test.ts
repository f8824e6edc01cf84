// When express cannot be loaded (a broken install), the requests that need it are answered 500 in the
// caller's dialect — not left hanging — the failure is logged, and the hot path goes on working.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

vi.mock('express', () => {
  throw new Error('express is not installed (test)');
});

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  ({ anthropic, openai, gw } = await startTwoProviders());
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

describe('the cold routes when express cannot be loaded', () => {
  it('answers 500 in the caller\'s dialect, logs why, and keeps serving the hot path', async () => {
    const signal = AbortSignal.timeout(5_000);
    const [health, messagesRoute, chat] = await Promise.all([
      fetch(`${gw.url}/health`, { signal }),
      fetch(`${gw.url}/v1/messages/batches`, { signal }),
      fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
        signal,
      }),
    ]);
    expect(health.status).toBe(500);
    expect(await health.json()).toMatchObject({ error: { type: 'server_error' } });
    expect(messagesRoute.status).toBe(500);
    expect(await messagesRoute.json()).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(chat.status).toBe(200);
    expect(gw.logs.join('')).toContain('could not load the admin and dashboard routes');

    // a later request tries again (and fails the same way here)
    const again = await fetch(`${gw.url}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(again.status).toBe(500);
  });
});
