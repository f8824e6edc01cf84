// Compressed upstream answers (gzip, br, deflate) reach the client decoded, on every response path
// (JSON and streams, same dialect and translated), without a content-encoding header on the re-framed
// body. An encoding we cannot decode, or a body that does not decode, is a clear error in the caller's
// dialect, never an internal error.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicMessage, openaiCompletion } from '../../fixtures/fake-upstreams';
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

const ENCODERS = {
  gzip: (b: Buffer) => gzipSync(b),
  br: (b: Buffer) => brotliCompressSync(b),
  deflate: (b: Buffer) => deflateSync(b),
} as const;

const sse = (event: string | null, data: unknown) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

function anthropicStreamText(text: string): string {
  return [
    sse('message_start', { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-test', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } }),
    sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
    sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 2 } }),
    sse('message_stop', { type: 'message_stop' }),
  ].join('');
}

/** a compressed body cut into a few chunks, so the decoder sees real chunk boundaries */
function compressed(encoding: keyof typeof ENCODERS, text: string, contentType: string) {
  const bytes = ENCODERS[encoding](Buffer.from(text));
  const third = Math.ceil(bytes.length / 3);
  return {
    kind: 'sse-bytes' as const,
    chunks: [bytes.subarray(0, third), bytes.subarray(third, 2 * third), bytes.subarray(2 * third)],
    headers: { 'content-type': contentType, 'content-encoding': encoding },
    then: 'end' as const,
  };
}

describe.each(Object.keys(ENCODERS) as Array<keyof typeof ENCODERS>)('content-encoding %s', (encoding) => {
  it('OpenAI JSON, same dialect: decoded, no content-encoding passed on', async () => {
    openai.queue(compressed(encoding, JSON.stringify(openaiCompletion(`hello ${encoding}`)), 'application/json'));
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.headers.get('content-encoding')).toBeNull();
    const json = (await res.json()) as { choices: Array<{ message: { content: string } }> };
    expect(json.choices[0]!.message.content).toBe(`hello ${encoding}`);
  });

  it('Anthropic stream, same dialect (Anthropic SDK)', async () => {
    anthropic.queue(compressed(encoding, anthropicStreamText(`streamed ${encoding}`), 'text/event-stream'));
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
    const message = await client.messages.stream({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).finalMessage();
    expect(message.content[0]).toMatchObject({ type: 'text', text: `streamed ${encoding}` });
  });

  it('Anthropic JSON translated for an OpenAI caller (OpenAI SDK)', async () => {
    anthropic.queue(compressed(encoding, JSON.stringify(anthropicMessage(`translated ${encoding}`)), 'application/json'));
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
    const answer = await client.chat.completions.create({ model: 'claude-sonnet-4.5', messages: [{ role: 'user', content: 'x' }] });
    expect(answer.choices[0]!.message.content).toBe(`translated ${encoding}`);
  });

  it('Anthropic stream translated for an OpenAI caller (OpenAI SDK)', async () => {
    anthropic.queue(compressed(encoding, anthropicStreamText(`both ${encoding}`), 'text/event-stream'));
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'claude-sonnet-4.5', stream: true, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(`both ${encoding}`);
  });
});

describe('encodings that cannot be decoded', () => {
  it('an unsupported encoding is UPSTREAM_BAD_ENCODING (502) in the caller dialect', async () => {
    openai.queue({ kind: 'sse-bytes', chunks: ['(compressed by something else)'], headers: { 'content-type': 'application/json', 'content-encoding': 'compress' }, then: 'end' });
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_bad_encoding', message: expect.stringContaining('compress') } });
    expect(gw.gateway.admin.snapshot().log.at(-1)?.errorCode).toBe('UPSTREAM_BAD_ENCODING');
  });

  it('a gzip body that does not decode is the same error, for an Anthropic caller in its dialect', async () => {
    anthropic.queue({ kind: 'sse-bytes', chunks: [Buffer.from('not gzip at all')], headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, then: 'end' });
    const res = await fetch(`${gw.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': gw.key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'api_error', message: expect.stringContaining('gzip') } });
    expect(gw.gateway.admin.snapshot().log.at(-1)?.errorCode).toBe('UPSTREAM_BAD_ENCODING');
  });
});
