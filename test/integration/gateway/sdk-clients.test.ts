// The official SDKs as callers, same-dialect pass-through, both auth styles, stream and not.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
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

const openaiClient = (headers: Record<string, string> = {}) =>
  new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0, defaultHeaders: headers });
const anthropicClient = (options: { headers?: Record<string, string>; authToken?: boolean } = {}) =>
  new Anthropic({
    baseURL: gw.url,
    ...(options.authToken ? { authToken: gw.key, apiKey: null } : { apiKey: gw.key }),
    maxRetries: 0,
    defaultHeaders: options.headers ?? {},
  });

describe('OpenAI SDK through Switchboard', () => {
  it('gets a completion; params reach the upstream unchanged; identity from JetBrains UA', async () => {
    const client = openaiClient({ 'user-agent': 'OpenAIClientImpl/Java 1.0' });
    const before = openai.requests.length;
    const answer = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.3,
      max_tokens: 77,
      top_p: 0.9,
    });
    expect(answer.choices[0]?.message.content).toBe('Hello identity=pycharm-ai');
    const seen = openai.requests[before]!;
    expect(seen.path).toBe('/v1/chat/completions');
    expect(seen.body).toMatchObject({ model: 'gpt-4o-2024-08-06', temperature: 0.3, max_tokens: 77, top_p: 0.9 });
    expect(seen.headers['x-sm-user-id']).toBe('pycharm-ai');
    expect(seen.headers.authorization).toBe(`Bearer ${TEST_PROVIDER_ENV.TEST_OPENAI_KEY}`);
    expect(JSON.stringify(seen.headers)).not.toContain(gw.key);
  });

  it('streams chunks with usage, and the custom header wins over patterns', async () => {
    const client = openaiClient({ 'user-agent': 'OpenAIClientImpl/Java 1.0', 'x-memory-user-id': 'team-alpha' });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Hello from identity=team-alpha');
    expect(usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 5 });
    expect(openai.requests.at(-1)!.headers['x-sm-user-id']).toBe('team-alpha');
  });

  it('uses default-dev when nothing matches, and sends no Supermemory key to a non-Supermemory model', async () => {
    await openaiClient({ 'user-agent': 'my-script/1.0' }).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] });
    const seen = openai.requests.at(-1)!;
    expect(seen.headers['x-sm-user-id']).toBe('default-dev');
    expect(seen.headers['x-supermemory-api-key']).toBeUndefined();
  });

  it('accepts the key as x-api-key too', async () => {
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { authorization: null as unknown as string, 'x-api-key': gw.key } });
    const answer = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] });
    expect(answer.choices[0]?.message.content).toContain('Hello');
  });
});

describe('Anthropic SDK through Switchboard', () => {
  it('gets a message with x-api-key; anthropic-version/-beta and unknown fields pass through untouched', async () => {
    const client = anthropicClient({ headers: { 'anthropic-beta': 'interleaved-thinking-2025-05-14,context-1m-2025-08-07', 'user-agent': 'claude-cli/2.0.14 (external, cli)' } });
    const before = anthropic.requests.length;
    const message = await client.messages.create({
      model: 'claude-sonnet-4.5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
      // fields this SDK version does not type must reach the provider as sent
      ...({ temperature: 0.2, top_p: 0.8, context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] } } as object),
    });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Hello identity=claude-cli' });
    const seen = anthropic.requests[before]!;
    expect(seen.body).toMatchObject({
      model: 'claude-sonnet-4-5-20250929', max_tokens: 64, temperature: 0.2, top_p: 0.8,
      context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] },
    });
    expect(seen.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14,context-1m-2025-08-07');
    // whatever version the SDK sends (1.x sends new ones) is passed on, not replaced by our default
    expect(seen.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seen.headers['x-api-key']).toBe(TEST_PROVIDER_ENV.TEST_ANTHROPIC_KEY);
    expect(seen.headers['x-sm-user-id']).toBe('claude-cli');
  });

  it('streams with Authorization: Bearer (SDK 1.x authToken) and reports usage in the log', async () => {
    const client = anthropicClient({ authToken: true });
    const stream = client.messages.stream({ model: 'claude-sonnet-4.5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] });
    const final = await stream.finalMessage();
    expect(final.content[0]).toMatchObject({ type: 'text', text: 'Hello from identity=default-dev' });
    const record = gw.gateway.admin.snapshot().log.at(-1)!;
    expect(record).toMatchObject({ endpoint: 'messages', stream: true, status: 200, phase: 'done', provider: 'anthropic' });
    expect(record.usage).toMatchObject({ input: 12, output: 7, cacheRead: 3 });
    expect(record.ttfbMs).not.toBeNull();
  });

  it('forwards the exact bytes when nothing had to change', async () => {
    const body = '{"model":"claude-sonnet-4-5-20250929" , "max_tokens":5,"messages":[{"role":"user","content":"x"}],"zz_unknown":1}';
    const before = anthropic.requests.length;
    await fetch(`${gw.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': gw.key, 'content-type': 'application/json' }, body });
    // the provider model differs from the client name in this config, so bytes change; use the wildcard route
    const exact = '{"model":"claude-opus-4-8" , "max_tokens":5,"messages":[{"role":"user","content":"x"}],"zz_unknown":1}';
    await fetch(`${gw.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': gw.key, 'content-type': 'application/json', 'anthropic-version': '2099-01-01' }, body: exact });
    expect(anthropic.requests.length).toBe(before + 2);
    expect(anthropic.requests.at(-2)!.headers['anthropic-version']).toBe('2023-06-01');
    expect(anthropic.requests.at(-1)!.raw.toString()).toBe(exact);
    expect(anthropic.requests.at(-1)!.headers['anthropic-version']).toBe('2099-01-01');
  });

  it('counts tokens upstream for Anthropic models', async () => {
    const client = anthropicClient();
    const count = await client.messages.countTokens({ model: 'claude-sonnet-4.5', messages: [{ role: 'user', content: 'hi' }] });
    expect(count.input_tokens).toBe(42);
    expect(anthropic.requests.at(-1)!.path).toBe('/v1/messages/count_tokens');
  });
});
