// Upstream streams that break in the worst places: in the middle of an event, or one event that never
// ends. The caller must always get well-formed events and, last, one error event it can parse, in its
// own dialect, and the gateway must not hold an unbounded event in memory.
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

const sse = (event: string | null, data: unknown) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

const anthropicHead = [
  sse('message_start', {
    type: 'message_start',
    message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-test', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 3, output_tokens: 1 } },
  }),
  sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
  sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'partial' } }),
];

const openaiChunk = (content: string) =>
  sse(null, { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-test', choices: [{ index: 0, delta: { content }, finish_reason: null }] });

/** Every block of an event stream, split on blank lines; each must be a whole `data:` event. */
function blocks(text: string): string[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text.slice(0, -2).split('\n\n');
}

function dataOf(block: string): unknown {
  const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
  return JSON.parse(data);
}

async function post(path: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { 'x-api-key': gw.key, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.text();
}

const lastRecord = () => gw.gateway.admin.snapshot().log.at(-1);
const torn = '"index":0,"delta":{"type":"text_delta","text":"lo';

describe('an upstream stream that ends inside an event', () => {
  it('Anthropic pass-through: drops the torn event and sends a parseable error event', async () => {
    const chunks = [...anthropicHead, `event: content_block_delta\ndata: {"type":"content_block_delta",${torn}`];
    anthropic.queue({ kind: 'sse-bytes', chunks, then: 'end' });
    const text = await post('/v1/messages', { model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] });
    const all = blocks(text);
    for (const block of all) expect(() => dataOf(block)).not.toThrow();
    expect(all.at(-1)).toMatch(/^event: error\n/);
    expect(dataOf(all.at(-1)!)).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(lastRecord()?.errorCode).toBe('STREAM_INTERRUPTED');
  });

  it('Anthropic SDK: sees the text before the fault, then the error as an APIError', async () => {
    const chunks = [...anthropicHead, `event: content_block_delta\ndata: {"type":"content_block_delta",${torn}`];
    anthropic.queue({ kind: 'sse-bytes', chunks, then: 'end' });
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
    const stream = await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    const consume = async () => {
      for await (const event of stream) if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    };
    const error = await consume().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as Error).message).toContain('Upstream closed the stream');
    expect(text).toBe('partial');
  });

  it('OpenAI pass-through: drops the torn chunk and the SDK gets the error chunk as an APIError', async () => {
    const chunks = [openaiChunk('partial'), `data: {"id":"c1","object":"chat.completion.chunk","choices":[{${torn}`];
    openai.queue({ kind: 'sse-bytes', chunks, then: 'end' });
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    const consume = async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    };
    const error = await consume().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain('Upstream closed the stream');
    expect(text).toBe('partial');
  });

  it('a connection cut inside an event: the same, without the torn bytes', async () => {
    const chunks = [...anthropicHead, `event: content_block_delta\ndata: {"type":"content_block_delta",${torn}`];
    anthropic.queue({ kind: 'sse-bytes', chunks, then: 'destroy' });
    const text = await post('/v1/messages', { model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] });
    const all = blocks(text);
    for (const block of all) expect(() => dataOf(block)).not.toThrow();
    expect(text).not.toContain('"text":"lo');
    expect(dataOf(all.at(-1)!)).toMatchObject({ type: 'error', error: { type: 'api_error' } });
  });

  it('keeps a last event that lacks only its blank line when it is the stream end', async () => {
    openai.queue({ kind: 'sse-bytes', chunks: [openaiChunk('all'), 'data: [DONE]'], then: 'end' });
    const text = await post('/v1/chat/completions', { model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(blocks(text).at(-1)).toBe('data: [DONE]');
    expect(lastRecord()?.status).toBe(200);
    expect(lastRecord()?.errorCode ?? null).toBeNull();
  });
});

describe('one upstream event larger than the cap (1 MB by default)', () => {
  const huge = (head: string) => {
    const piece = 'x'.repeat(64 * 1024);
    return [head, ...Array.from({ length: 64 }, () => piece)]; // 4 MB without an event boundary
  };

  it('Anthropic pass-through: ends the stream cleanly with an error instead of holding 4 MB', async () => {
    anthropic.queue({ kind: 'sse-bytes', chunks: [...anthropicHead, ...huge('event: content_block_delta\ndata: {"text":"')], then: 'end' });
    const text = await post('/v1/messages', { model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(text.length).toBeLessThan(64 * 1024);
    const all = blocks(text);
    for (const block of all) expect(() => dataOf(block)).not.toThrow();
    expect(dataOf(all.at(-1)!)).toMatchObject({ type: 'error', error: { message: expect.stringContaining('1048576 bytes') } });
    expect(lastRecord()?.errorCode).toBe('STREAM_EVENT_TOO_LARGE');
  });

  it('OpenAI pass-through: the same, as an OpenAI error chunk', async () => {
    openai.queue({ kind: 'sse-bytes', chunks: [openaiChunk('partial'), ...huge('data: {"x":"')], then: 'end' });
    const text = await post('/v1/chat/completions', { model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(text.length).toBeLessThan(64 * 1024);
    expect(dataOf(blocks(text).at(-1)!)).toMatchObject({ error: { code: 'stream_event_too_large' } });
    expect(lastRecord()?.errorCode).toBe('STREAM_EVENT_TOO_LARGE');
  });

  it('translated stream (OpenAI caller, Anthropic model): the same, in the caller dialect', async () => {
    anthropic.queue({ kind: 'sse-bytes', chunks: [...anthropicHead, ...huge('event: content_block_delta\ndata: {"text":"')], then: 'end' });
    const text = await post('/v1/chat/completions', { model: 'claude-sonnet-4.5', stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(text.length).toBeLessThan(64 * 1024);
    expect(dataOf(blocks(text).at(-1)!)).toMatchObject({ error: { message: expect.stringContaining('1048576 bytes') } });
    expect(lastRecord()?.errorCode).toBe('STREAM_EVENT_TOO_LARGE');
  });
});
