// Thinking blocks must survive an OpenAI-dialect round trip: Anthropic answer -> OpenAI message with
// reasoning_content + thinking_blocks -> the caller sends that message back -> the same signed blocks
// reach Anthropic on the next turn (required mid tool loop when thinking is on).
import { describe, it, expect } from 'vitest';
import { anthropicResponseToOpenai, anthropicStreamToOpenai, openaiRequestToAnthropic } from '../../../main/core/translate';
import type { SseEvent } from '../../../main/core/translate';
import { collect, iterate, noteSink } from './helpers';

const THINKING = { type: 'thinking', thinking: 'Plan: call the tool.', signature: 'EqoBCkgIARABGAIiQsig' };
const REDACTED = { type: 'redacted_thinking', data: 'EmwKAhgBEgy3abc' };
const TOOL_USE = { type: 'tool_use', id: 'toolu_01X', name: 'lookup', input: { q: 'oslo' } };

function nextTurn(assistant: Record<string, unknown>): Record<string, unknown> {
  const { notes, sink } = noteSink();
  const out = openaiRequestToAnthropic({
    model: 'c',
    max_tokens: 20000,
    reasoning_effort: 'medium',
    tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
    messages: [{ role: 'user', content: 'find oslo' }, assistant, { role: 'tool', tool_call_id: 'toolu_01X', content: 'found' }],
  }, { providerModel: 'claude', providerPrefix: 'anthropic', defaultMaxTokens: 4096, notes: sink });
  expect(notes).toEqual([]);
  return out;
}

describe('thinking round trip through the OpenAI dialect', () => {
  it('non-stream: the signed blocks come back unchanged and thinking stays on', () => {
    const answer = anthropicResponseToOpenai({
      id: 'msg_1', type: 'message', role: 'assistant', content: [THINKING, REDACTED, TOOL_USE], stop_reason: 'tool_use', usage: { input_tokens: 1, output_tokens: 1 },
    }, { requestedModel: 'm', notes: noteSink().sink });
    const message = (answer.choices as Array<{ message: Record<string, unknown> }>)[0]!.message;
    const next = nextTurn(message);
    const assistantTurn = (next.messages as Array<{ role: string; content: unknown[] }>)[1]!;
    expect(assistantTurn.content).toEqual([THINKING, REDACTED, TOOL_USE]);
    expect(next.thinking).toEqual({ type: 'enabled', budget_tokens: 8192 });
  });

  it('stream: a client that concatenates delta fields rebuilds the same blocks', async () => {
    const ev = (type: string, body: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, ...body }) });
    const upstream = [
      ev('message_start', { message: { id: 'msg_2', content: [], usage: { input_tokens: 3, output_tokens: 1 } } }),
      ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
      ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'Plan: call ' } }),
      ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'the tool.' } }),
      ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: THINKING.signature } }),
      ev('content_block_stop', { index: 0 }),
      ev('content_block_start', { index: 1, content_block: REDACTED }),
      ev('content_block_stop', { index: 1 }),
      ev('content_block_start', { index: 2, content_block: { ...TOOL_USE, input: {} } }),
      ev('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '{"q":"oslo"}' } }),
      ev('content_block_stop', { index: 2 }),
      ev('message_delta', { delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } }),
      ev('message_stop', {}),
    ];
    const chunks = await collect(anthropicStreamToOpenai(iterate(upstream), { requestedModel: 'm', includeUsage: false, notes: noteSink().sink }));
    // LiteLLM-style accumulation: strings concatenate, thinking_blocks arrays append, tool calls by index.
    const message: Record<string, unknown> = { role: 'assistant', content: '', reasoning_content: '', thinking_blocks: [] };
    const calls: Array<{ id: string; type: string; function: { name: string; arguments: string } }> = [];
    for (const chunk of chunks) {
      if (chunk.data === '[DONE]') continue;
      const delta = (JSON.parse(chunk.data) as { choices: Array<{ delta: Record<string, unknown> }> }).choices[0]!.delta;
      if (typeof delta.content === 'string') message.content += delta.content;
      if (typeof delta.reasoning_content === 'string') message.reasoning_content += delta.reasoning_content;
      if (Array.isArray(delta.thinking_blocks)) (message.thinking_blocks as unknown[]).push(...delta.thinking_blocks);
      for (const call of (delta.tool_calls as Array<{ index: number; id?: string; function: { name?: string; arguments?: string } }> | undefined) ?? []) {
        calls[call.index] ??= { id: call.id ?? '', type: 'function', function: { name: call.function.name ?? '', arguments: '' } };
        calls[call.index]!.function.arguments += call.function.arguments ?? '';
      }
    }
    expect(message.reasoning_content).toBe(THINKING.thinking);
    const next = nextTurn({ ...message, content: null, tool_calls: calls });
    expect((next.messages as Array<{ content: unknown[] }>)[1]!.content).toEqual([THINKING, REDACTED, TOOL_USE]);
  });
});
