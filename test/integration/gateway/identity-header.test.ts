// An identity header value must be a clean header value we can forward as is: printable ASCII. C1
// control characters (a\x85b) and UTF-8 bytes (which Node reads as latin-1, so "usér" would be forwarded
// as "usÃ©r") are refused with 400 in the caller's dialect, and nothing reaches the upstream.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A raw request whose identity header carries exactly these bytes (node:http writes strings as latin-1). */
function send(path: string, identityBytes: Buffer, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, gw.url);
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'x-api-key': gw.key, 'content-type': 'application/json', 'x-memory-user-id': identityBytes.toString('latin1') },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const openaiBody = { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] };
const anthropicBody = { model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] };

describe('identity header values', () => {
  it.each([
    ['a C1 control character', Buffer.from([0x61, 0x85, 0x62])],
    ['UTF-8 (usér)', Buffer.from('usér', 'utf8')],
    ['latin-1 (usér)', Buffer.from('usér', 'latin1')],
  ])('%s: 400 in the OpenAI dialect, nothing forwarded', async (_name, bytes) => {
    const before = openai.requests.length;
    const { status, json } = await send('/v1/chat/completions', bytes, openaiBody);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_identity' } });
    expect(openai.requests.length).toBe(before);
  });

  it('the same in the Anthropic dialect', async () => {
    const before = anthropic.requests.length;
    const { status, json } = await send('/v1/messages', Buffer.from('usér', 'utf8'), anthropicBody);
    expect(status).toBe(400);
    expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(anthropic.requests.length).toBe(before);
  });

  it('printable ASCII identities are forwarded unchanged', async () => {
    const { status } = await send('/v1/chat/completions', Buffer.from('team-a.dev_1 (laptop)'), openaiBody);
    expect(status).toBe(200);
    expect(openai.requests.at(-1)?.headers['x-sm-user-id']).toBe('team-a.dev_1 (laptop)');
  });
});
