// Translated streams fed to the official SDKs (through their `fetch` option, no network): what each SDK
// accumulates must be the answer the upstream gave, and mid-stream failures must surface as SDK errors.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, it, expect } from 'vitest';
import { formatSse } from '../../../main/core/providers/sse';
import { anthropicStreamToOpenai, openaiStreamToAnthropic } from '../../../main/core/translate';
import type { SseEvent } from '../../../main/core/translate';
import { collect, iterate, noteSink } from './helpers';

function sseResponse(events: SseEvent[]): () => Promise<Response> {
  const body = events.map(formatSse).join('');
  return async () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const ev = (type: string, body: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, ...body }) });

const ANTHROPIC_UPSTREAM: SseEvent[] = [
  ev('message_start', { message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], model: 'claude', usage: { input_tokens: 50, cache_read_input_tokens: 10, output_tokens: 1 } } }),
  ev('ping', {}),
  ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
  ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'Two cities.' } }),
  ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'sig123' } }),
  ev('content_block_stop', { index: 0 }),
  ev('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
  ev('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'Checking both.' } }),
  ev('content_block_stop', { index: 1 }),
  ev('content_block_start', { index: 2, content_block: { type: 'tool_use', id: 'toolu_P', name: 'get_weather', input: {} } }),
  ev('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '{"city":' } }),
  ev('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } }),
  ev('content_block_stop', { index: 2 }),
  ev('content_block_start', { index: 3, content_block: { type: 'tool_use', id: 'toolu_R', name: 'get_weather', input: {} } }),
  ev('content_block_delta', { index: 3, delta: { type: 'input_json_delta', partial_json: '{"city":"Rome"}' } }),
  ev('content_block_stop', { index: 3 }),
  ev('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 33 } }),
  ev('message_stop', {}),
];

describe('OpenAI SDK reading a translated Anthropic stream', () => {
  it('accumulates text, both tool calls with their arguments, finish_reason and usage', async () => {
    const events = await collect(anthropicStreamToOpenai(iterate(ANTHROPIC_UPSTREAM), { requestedModel: 'my-claude', includeUsage: true, created: 1, notes: noteSink().sink }));
    const client = new OpenAI({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch: sseResponse(events) });
    const stream = client.chat.completions.stream({ model: 'my-claude', messages: [{ role: 'user', content: 'weather?' }], stream_options: { include_usage: true } });
    const completion = await stream.finalChatCompletion();
    const choice = completion.choices[0]!;
    expect(completion.model).toBe('my-claude');
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe('Checking both.');
    expect(choice.message.tool_calls?.map((c) => c.type === 'function' && [c.id, c.function.name, c.function.arguments])).toEqual([
      ['toolu_P', 'get_weather', '{"city":"Paris"}'],
      ['toolu_R', 'get_weather', '{"city":"Rome"}'],
    ]);
    expect(completion.usage).toMatchObject({ prompt_tokens: 60, completion_tokens: 33, total_tokens: 93, prompt_tokens_details: { cached_tokens: 10 } });
  });

  it('raises an APIError when the upstream fails mid-stream', async () => {
    const failing = [...ANTHROPIC_UPSTREAM.slice(0, 8), { event: 'error', data: JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }) }];
    const events = await collect(anthropicStreamToOpenai(iterate(failing), { requestedModel: 'm', includeUsage: false, notes: noteSink().sink }));
    expect(events.some((e) => e.data === '[DONE]')).toBe(false);
    const client = new OpenAI({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch: sseResponse(events) });
    const stream = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
    const seen: string[] = [];
    await expect(async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    }).rejects.toThrow(/Overloaded/);
    expect(seen.join('')).toBe('Checking both.');
  });
});

describe('Anthropic SDK reading a translated OpenAI stream', () => {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): SseEvent => ({
    event: null,
    data: JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt', choices: [{ index: 0, delta, finish_reason: finish }] }),
  });

  it('raises an error of the mapped type when the upstream stops without finishing', async () => {
    const upstream = [chunk({ role: 'assistant', content: 'Hal' }), chunk({ content: 'f an answ' })];
    const events = await collect(openaiStreamToAnthropic(iterate(upstream), { requestedModel: 'm', includeUsage: false, notes: noteSink().sink }));
    const client = new Anthropic({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', maxRetries: 0, fetch: sseResponse(events) });
    const stream = client.messages.stream({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
    const error = await stream.finalMessage().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String((error as Error).message)).toMatch(/ended abnormally/);
  });

  it('a translated stream of an iterator that throws still ends with an error event', async () => {
    async function* broken(): AsyncIterable<SseEvent> {
      yield chunk({ role: 'assistant', content: 'Hi' });
      throw new Error('socket hang up');
    }
    const events = await collect(openaiStreamToAnthropic(broken(), { requestedModel: 'm', includeUsage: false, notes: noteSink().sink }));
    expect(events.map((e) => e.event)).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'error']);
    expect(JSON.parse(events[4]!.data)).toEqual({ type: 'error', error: { type: 'api_error', message: 'Upstream stream ended abnormally: socket hang up' } });
  });
});
