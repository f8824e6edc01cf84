// Flip sdk -> binary -> rollback while 200 streamed and non-streamed requests from the official SDKs
// are in flight: none fails, and each is served wholly by one backend.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { readJson, startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch, modesYaml, waitUntil } from './mode-harness';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  ({ anthropic, openai, gw } = await startTwoProviders(modesYaml, { env: { ...TEST_PROVIDER_ENV, FAKE_LITELLM_CHUNK_DELAY_MS: '5', FAKE_LITELLM_ECHO: '1' } }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

type Served = 'sdk' | 'binary' | 'mixed';

/** SDK answers come from the fake providers ("Hello … identity=…"), binary ones from the fake LiteLLM. */
function servedBy(text: string): Served {
  const sdk = text.startsWith('Hello');
  const binary = text.includes('fake-litellm');
  if (sdk && !binary) return 'sdk';
  if (binary && !sdk) return 'binary';
  return 'mixed';
}

async function one(i: number): Promise<string> {
  const stream = i % 2 === 0;
  if (i % 4 < 2) {
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
    if (!stream) return (await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `r${i}` }] })).choices[0]!.message.content ?? '';
    let text = '';
    for await (const chunk of await client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: `r${i}` }] })) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    return text;
  }
  const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
  const message = stream
    ? await client.messages.stream({ model: 'claude-sonnet-4.5', max_tokens: 20, messages: [{ role: 'user', content: `r${i}` }] }).finalMessage()
    : await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 20, messages: [{ role: 'user', content: `r${i}` }] });
  return message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}

describe('switching under load', () => {
  it('loses no request and never mixes backends within one', async () => {
    const concurrency = 16;
    const results: Array<{ ok: boolean; text: string; error?: string }> = [];
    // Traffic runs until both switches are done and enough requests followed each, however fast the
    // requests are compared with a switch (at least 200 in all).
    let finished = false;
    let next = 0;
    const worker = async () => {
      while (!finished || next < 200) {
        const i = next++;
        try {
          results[i] = { ok: true, text: await one(i) };
        } catch (error) {
          results[i] = { ok: false, text: '', error: String(error) };
        }
      }
    };
    const done = () => results.filter(Boolean).length;
    const admin = adminFetch(gw.url, gw.adminToken);
    const workers = Array.from({ length: concurrency }, worker);
    const switching = (async () => {
      await waitUntil(() => done() >= 30, '30 requests done');
      const toBinary = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
      expect(toBinary.ok).toBe(true);
      const atBinary = done();
      await waitUntil(() => done() >= atBinary + 60, '60 requests after the switch to binary', 60_000);
      const back = (await readJson(await admin('/admin/rollback', {}))) as ModeResult;
      expect(back.ok).toBe(true);
      expect(back.mode.mode).toBe('sdk');
      const atSdk = done();
      await waitUntil(() => done() >= atSdk + 30, '30 requests after the rollback', 60_000);
    })().finally(() => {
      finished = true;
    });
    await Promise.all([...workers, switching]);

    const failures = results.filter((r) => !r.ok);
    expect(failures, JSON.stringify(failures.slice(0, 3))).toEqual([]);
    const served = results.map((r) => servedBy(r.text));
    expect(served.filter((s) => s === 'mixed')).toEqual([]);
    const binary = served.filter((s) => s === 'binary').length;
    const sdk = served.filter((s) => s === 'sdk').length;
    expect(binary).toBeGreaterThan(0);
    expect(sdk).toBeGreaterThan(0);
    // each switch is followed by a health check through the front door, logged under its own identity
    const log = gw.gateway.admin.snapshot().log.filter((r) => r.identity !== 'switchboard-health');
    expect(log.filter((r) => r.backend === 'binary' && r.status === 200)).toHaveLength(binary);
    expect(log.filter((r) => r.backend === 'sdk' && r.status === 200)).toHaveLength(sdk);
  }, 120_000);
});
