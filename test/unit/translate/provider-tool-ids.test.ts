// Provider rules for tool calls that a translation must keep, written by hand from the providers' docs:
// - Gemini (OpenAI-compatible endpoint) puts a thought signature on each tool call
//   (`extra_content.google.thought_signature`) and rejects the next turn if it does not come back;
// - Mistral accepts only tool-call ids of exactly 9 characters [a-zA-Z0-9].
// A Claude client (Anthropic dialect) cannot carry extra fields on tool_use blocks, so the signature
// rides in the tool_use id (only characters Anthropic allows) and is taken out again on the way back.
import { describe, expect, it } from 'vitest';
import { anthropicRequestToOpenai, openaiResponseToAnthropic, openaiStreamToAnthropic } from '../../../main/core/translate';
import type { SseEvent } from '../../../main/core/translate';
import { collect, noteSink } from './helpers';

const SIGNATURE = 'CiQBcsjafz+/8Q0ZrY3W9Xw==';

const geminiAnswer = {
  id: 'chatcmpl-g', object: 'chat.completion', created: 1, model: 'gemini-3-pro',
  choices: [{
    index: 0, finish_reason: 'tool_calls',
    message: {
      role: 'assistant', content: null,
      tool_calls: [{ id: 'call_gem_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"cats"}' }, extra_content: { google: { thought_signature: SIGNATURE } } }],
    },
  }],
  usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
};

const toOpenai = (body: Record<string, unknown>, providerPrefix: string) =>
  anthropicRequestToOpenai(body, { providerModel: 'm', providerPrefix, defaultMaxTokens: 100, notes: noteSink().sink });

function nextTurn(toolUse: Record<string, unknown>) {
  return {
    model: 'x', max_tokens: 10,
    messages: [
      { role: 'user', content: 'find cats' },
      { role: 'assistant', content: [toolUse] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'many' }] },
    ],
  };
}

type Msg = { role: string; tool_calls?: Array<{ id: string; extra_content?: unknown }>; tool_call_id?: string };

describe('Gemini thought signatures on tool calls', () => {
  it('survive a round trip through an Anthropic client (non-stream)', () => {
    const answer = openaiResponseToAnthropic(geminiAnswer, { requestedModel: 'gemini', notes: noteSink().sink });
    const toolUse = (answer.content as Array<Record<string, unknown>>).find((b) => b.type === 'tool_use')!;
    expect(toolUse.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(toolUse.input).toEqual({ q: 'cats' });
    const sent = toOpenai(nextTurn(toolUse), 'gemini').messages as Msg[];
    const assistant = sent.find((m) => m.role === 'assistant')!;
    expect(assistant.tool_calls![0]).toMatchObject({ id: 'call_gem_1', extra_content: { google: { thought_signature: SIGNATURE } } });
    expect(sent.find((m) => m.role === 'tool')!.tool_call_id).toBe('call_gem_1');
  });

  it('survive a round trip when the answer was streamed', async () => {
    const chunk = (delta: Record<string, unknown>, finish: string | null = null): SseEvent => ({
      event: null,
      data: JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] }),
    });
    async function* upstream(): AsyncIterable<SseEvent> {
      yield chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_gem_2', type: 'function', function: { name: 'lookup', arguments: '{"q":' }, extra_content: { google: { thought_signature: SIGNATURE } } }] });
      yield chunk({ tool_calls: [{ index: 0, function: { arguments: '"dogs"}' } }] });
      yield chunk({}, 'tool_calls');
    }
    const events = await collect(openaiStreamToAnthropic(upstream(), { requestedModel: 'gemini', notes: noteSink().sink, includeUsage: false }));
    const start = events.map((e) => JSON.parse(e.data) as Record<string, unknown>).find((d) => d.type === 'content_block_start')!;
    const id = (start.content_block as { id: string }).id;
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    const sent = toOpenai(nextTurn({ type: 'tool_use', id, name: 'lookup', input: { q: 'dogs' } }), 'gemini').messages as Msg[];
    expect(sent.find((m) => m.role === 'assistant')!.tool_calls![0]).toMatchObject({ id: 'call_gem_2', extra_content: { google: { thought_signature: SIGNATURE } } });
  });

  it('go to Gemini only: another provider gets the plain id and no extra_content', () => {
    const answer = openaiResponseToAnthropic(geminiAnswer, { requestedModel: 'gemini', notes: noteSink().sink });
    const toolUse = (answer.content as Array<Record<string, unknown>>).find((b) => b.type === 'tool_use')!;
    const sent = toOpenai(nextTurn(toolUse), 'openai').messages as Msg[];
    const call = sent.find((m) => m.role === 'assistant')!.tool_calls![0]!;
    expect(call.id).toBe('call_gem_1');
    expect(call.extra_content).toBeUndefined();
    expect(sent.find((m) => m.role === 'tool')!.tool_call_id).toBe('call_gem_1');
  });
});

describe('Mistral tool-call ids', () => {
  it('Anthropic ids become 9 characters [a-zA-Z0-9], the same for the call and its result', () => {
    const sent = toOpenai(nextTurn({ type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'lookup', input: {} }), 'mistral').messages as Msg[];
    const id = sent.find((m) => m.role === 'assistant')!.tool_calls![0]!.id;
    expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(sent.find((m) => m.role === 'tool')!.tool_call_id).toBe(id);
  });

  it('different ids stay different; a valid Mistral id is kept as it is', () => {
    const a = (toOpenai(nextTurn({ type: 'tool_use', id: 'toolu_aaaaaaaaaaaa', name: 'f', input: {} }), 'mistral').messages as Msg[])[1]!.tool_calls![0]!.id;
    const b = (toOpenai(nextTurn({ type: 'tool_use', id: 'toolu_aaaaaaaaaaab', name: 'f', input: {} }), 'mistral').messages as Msg[])[1]!.tool_calls![0]!.id;
    expect(a).not.toBe(b);
    const kept = (toOpenai(nextTurn({ type: 'tool_use', id: 'aB3dE6gH9', name: 'f', input: {} }), 'mistral').messages as Msg[])[1]!.tool_calls![0]!.id;
    expect(kept).toBe('aB3dE6gH9');
  });

  it('other providers keep the Anthropic id', () => {
    const sent = toOpenai(nextTurn({ type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'lookup', input: {} }), 'openai').messages as Msg[];
    expect(sent.find((m) => m.role === 'assistant')!.tool_calls![0]!.id).toBe('toolu_01A09q90qw90lq917835lq9');
  });
});
