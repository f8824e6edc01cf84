// Any client on any model, through the gateway with real sockets: the OpenAI SDK on an Anthropic model and
// the Anthropic SDK on an OpenAI-compatible model, non-stream and stream, each with a tool-call round trip.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SseStep } from '../../fixtures/fake-upstreams';
import { anthropicMessage, anthropicStreamSteps, openaiCompletion, openaiStreamSteps } from '../../fixtures/fake-upstreams';
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

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const anthropicToolUse = (stream: boolean) => {
  const usage = { input_tokens: 20, output_tokens: 9 };
  if (!stream) {
    return { kind: 'json' as const, body: { ...anthropicMessage('', 'claude-x', usage), content: [{ type: 'text', text: 'Let me check.' }, { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { city: 'Paris' } }], stop_reason: 'tool_use' } };
  }
  const steps: SseStep[] = [
    { event: 'message_start', data: { type: 'message_start', message: { id: 'msg_t', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, usage: { input_tokens: 20, output_tokens: 1 } } } },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: {} } } },
    ...['{"ci', 'ty": "Pa', 'ris"}'].map((partial_json) => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json } }, delayMs: 3 })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 9 } } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
  return { kind: 'sse' as const, steps };
};

const openaiToolCall = (stream: boolean) => {
  if (!stream) {
    const body = openaiCompletion('', 'gpt-x') as { choices: Array<Record<string, unknown>> };
    body.choices[0] = { index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] }, finish_reason: 'tool_calls' };
    return { kind: 'json' as const, body };
  }
  const base = { id: 'chatcmpl-t', object: 'chat.completion.chunk', created: 1, model: 'gpt-x' };
  const steps: SseStep[] = [
    { data: { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '' } }] }, finish_reason: null }] } },
    ...['{"ci', 'ty":"Pa', 'ris"}'].map((args) => ({ data: { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args } }] }, finish_reason: null }] }, delayMs: 3 })),
    { data: { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] } },
    { data: { ...base, choices: [], usage: { prompt_tokens: 20, completion_tokens: 9, total_tokens: 29 } } },
    { data: '[DONE]' },
  ];
  return { kind: 'sse' as const, steps };
};

describe('OpenAI SDK on an Anthropic model', () => {
  const client = () => new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });

  it.each([false, true])('does a tool round trip (stream=%s)', async (stream) => {
    anthropic.queue(anthropicToolUse(stream));
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Weather in Paris?' }];
    const tools = [{ type: 'function' as const, function: weatherTool }];
    let first: OpenAI.Chat.ChatCompletion;
    if (stream) {
      first = await client().chat.completions.stream({ model: 'claude-sonnet-4.5', messages, tools }).finalChatCompletion() as OpenAI.Chat.ChatCompletion;
    } else {
      first = await client().chat.completions.create({ model: 'claude-sonnet-4.5', messages, tools });
    }
    const call = first.choices[0]!.message.tool_calls![0]!;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(call).toMatchObject({ id: 'toolu_01A', type: 'function', function: { name: 'get_weather' } });
    expect(JSON.parse((call as { function: { arguments: string } }).function.arguments)).toEqual({ city: 'Paris' });
    const sent = anthropic.requests.at(-1)!.body!;
    expect(sent).toMatchObject({ model: 'claude-sonnet-4-5-20250929', system: 'Be brief.', tools: [{ name: 'get_weather', input_schema: weatherTool.parameters }] });
    expect(typeof sent.max_tokens).toBe('number');
    expect(anthropic.requests.at(-1)!.headers['x-sm-user-id']).toBe('default-dev');

    anthropic.queue(stream ? { kind: 'sse', steps: anthropicStreamSteps(['Sunny', ', 21°C']) } : { kind: 'json', body: anthropicMessage('Sunny, 21°C') });
    const followUp: OpenAI.Chat.ChatCompletionMessageParam[] = [
      ...messages,
      first.choices[0]!.message as OpenAI.Chat.ChatCompletionMessageParam,
      { role: 'tool', tool_call_id: call.id, content: '{"temp":21,"sky":"sunny"}' },
    ];
    let text: string;
    if (stream) {
      text = (await client().chat.completions.stream({ model: 'claude-sonnet-4.5', messages: followUp, tools }).finalChatCompletion()).choices[0]!.message.content ?? '';
    } else {
      text = (await client().chat.completions.create({ model: 'claude-sonnet-4.5', messages: followUp, tools })).choices[0]!.message.content ?? '';
    }
    expect(text).toBe('Sunny, 21°C');
    const second = anthropic.requests.at(-1)!.body! as { messages: Array<{ role: string; content: Array<Record<string, unknown>> }> };
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(second.messages[1]!.content).toContainEqual({ type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { city: 'Paris' } });
    expect(second.messages[2]!.content[0]).toMatchObject({ type: 'tool_result', tool_use_id: 'toolu_01A' });
  });
});

describe('Anthropic SDK on an OpenAI-compatible model', () => {
  const client = () => new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
  const tools = [{ name: 'get_weather', description: 'Weather for a city', input_schema: weatherTool.parameters as Anthropic.Tool.InputSchema }];

  it.each([false, true])('does a tool round trip (stream=%s)', async (stream) => {
    openai.queue(openaiToolCall(stream));
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = stream
      ? await client().messages.stream({ model: 'gpt-4o', max_tokens: 100, system: 'Be brief.', messages, tools }).finalMessage()
      : await client().messages.create({ model: 'gpt-4o', max_tokens: 100, system: 'Be brief.', messages, tools });
    expect(first.stop_reason).toBe('tool_use');
    const toolUse = first.content.find((b) => b.type === 'tool_use')!;
    expect(toolUse).toMatchObject({ type: 'tool_use', id: 'call_9', name: 'get_weather', input: { city: 'Paris' } });
    const sent = openai.requests.at(-1)!.body! as { model: string; messages: Array<Record<string, unknown>>; tools: unknown[] };
    expect(sent.model).toBe('gpt-4o-2024-08-06');
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(sent.tools).toEqual([{ type: 'function', function: weatherTool }]);

    openai.queue(stream ? { kind: 'sse', steps: openaiStreamSteps(['Sunny', ', 21°C'], { includeUsage: true }) } : { kind: 'json', body: openaiCompletion('Sunny, 21°C') });
    const followUp: Anthropic.MessageParam[] = [
      ...messages,
      { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: '{"temp":21}' }] },
    ];
    const final = stream
      ? await client().messages.stream({ model: 'gpt-4o', max_tokens: 100, messages: followUp, tools }).finalMessage()
      : await client().messages.create({ model: 'gpt-4o', max_tokens: 100, messages: followUp, tools });
    expect(final.content[0]).toMatchObject({ type: 'text', text: 'Sunny, 21°C' });
    expect(final.stop_reason).toBe('end_turn');
    const second = openai.requests.at(-1)!.body! as { messages: Array<Record<string, unknown>> };
    expect(second.messages.find((m) => m.role === 'tool')).toMatchObject({ role: 'tool', tool_call_id: 'call_9' });
    expect(second.messages.find((m) => m.role === 'assistant')).toMatchObject({ tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'get_weather' } }] });
  });

  it('answers count_tokens with an estimate for OpenAI models', async () => {
    const count = await client().messages.countTokens({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello '.repeat(100) }] });
    expect(count.input_tokens).toBeGreaterThan(50);
  });

  it('returns an OpenAI upstream error as an Anthropic error with the same status', async () => {
    openai.queue({ kind: 'json', status: 400, body: { error: { message: "This model's maximum context length is 128000 tokens", type: 'invalid_request_error', code: 'context_length_exceeded', param: 'messages' } } });
    const error = (await client().messages.create({ model: 'gpt-4o', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect((error.error as { error: { message: string } }).error.message).toContain('prompt is too long');
  });
});
