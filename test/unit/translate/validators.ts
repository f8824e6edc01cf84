// Structural validators for translated output, used by the Claude Code and fuzz tests.
import { expect } from 'vitest';
import type { SseEvent } from '../../../main/core/translate';

const DELTA_FOR_BLOCK: Record<string, string[]> = {
  text: ['text_delta', 'citations_delta'],
  thinking: ['thinking_delta', 'signature_delta'],
  redacted_thinking: [],
  tool_use: ['input_json_delta'],
};

/**
 * A complete Anthropic stream: message_start; per block content_block_start / deltas of the block's kind /
 * content_block_stop with indexes 0, 1, 2…, one block open at a time; message_delta; message_stop.
 * Pings may appear anywhere after message_start.
 */
export function expectValidAnthropicSequence(events: SseEvent[]): void {
  const types = events.map((e) => {
    const data = JSON.parse(e.data) as { type: string };
    expect(e.event, 'SSE event name equals data.type').toBe(data.type);
    return data;
  }) as Array<Record<string, unknown> & { type: string }>;
  expect(types[0]?.type).toBe('message_start');
  expect(types[types.length - 1]?.type).toBe('message_stop');
  expect(types[types.length - 2]?.type).toBe('message_delta');
  let open: { index: number; kind: string } | null = null;
  let next = 0;
  for (const event of types.slice(1, -2)) {
    if (event.type === 'ping') continue;
    if (event.type === 'content_block_start') {
      expect(open, 'a block starts while another is open').toBeNull();
      expect(event.index).toBe(next);
      const block = event.content_block as { type: string };
      expect(Object.keys(DELTA_FOR_BLOCK)).toContain(block.type);
      open = { index: next++, kind: block.type };
    } else if (event.type === 'content_block_delta') {
      expect(open, 'a delta outside a block').not.toBeNull();
      expect(event.index).toBe(open!.index);
      expect(DELTA_FOR_BLOCK[open!.kind]).toContain((event.delta as { type: string }).type);
    } else if (event.type === 'content_block_stop') {
      expect(open).not.toBeNull();
      expect(event.index).toBe(open!.index);
      open = null;
    } else {
      throw new Error(`unexpected event ${event.type} inside the message`);
    }
  }
  expect(open, 'every block is closed').toBeNull();
  const delta = types[types.length - 2]!.delta as { stop_reason: unknown };
  expect(['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal']).toContain(delta.stop_reason);
}

/** A valid OpenAI chat request: known roles, tool messages right after the assistant turn that called them. */
export function expectValidOpenaiRequest(body: Record<string, unknown>): void {
  const messages = body.messages as Array<Record<string, unknown>>;
  expect(Array.isArray(messages)).toBe(true);
  let pending: string[] = [];
  for (const message of messages) {
    expect(['system', 'user', 'assistant', 'tool', 'developer']).toContain(message.role);
    if (message.role === 'tool') {
      expect(pending, 'tool message without a preceding tool call').toContain(message.tool_call_id);
      expect(typeof message.content).toBe('string');
      pending = pending.filter((id) => id !== message.tool_call_id);
      continue;
    }
    expect(pending, 'every tool call is answered before the next turn').toEqual([]);
    if (message.role === 'assistant') {
      const calls = (message.tool_calls as Array<{ id: string; type: string; function: { name: string; arguments: string } }> | undefined) ?? [];
      for (const call of calls) {
        expect(call.type).toBe('function');
        expect(typeof JSON.parse(call.function.arguments)).toBe('object');
      }
      pending = calls.map((c) => c.id);
      expect(message.content === null || typeof message.content === 'string').toBe(true);
    } else {
      expect(typeof message.content === 'string' || Array.isArray(message.content)).toBe(true);
    }
  }
  for (const tool of (body.tools as Array<Record<string, unknown>> | undefined) ?? []) {
    expect(tool.type).toBe('function');
    const fn = tool.function as { name: string; parameters: { type: string } };
    expect(fn.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(fn.parameters.type).toBe('object');
  }
}
