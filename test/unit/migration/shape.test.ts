import { describe, expect, test } from 'vitest';
import { answerShape, errorShape, streamSequence } from '../../../main/core/migration/shape';
import { anthropicMessage, anthropicStream, openaiCompletion, openaiStream } from '../../../main/core/migration/probe-replies';
import type { ProbeTurn } from '../../../main/core/migration/probe-replies';

const turn = (dialect: 'openai' | 'anthropic', includeUsage = false): ProbeTurn => ({ dialect, model: 'm', marker: 'probe:x', toolName: null, toolResult: null, includeUsage });

describe('shape summaries', () => {
  test('well-formed answers in each dialect, tool calls read back', () => {
    expect(answerShape(anthropicMessage(turn('anthropic'), { kind: 'text', text: 'hi' }), 'anthropic')).toEqual({ shape: 'message role=assistant content=[text] stop=end_turn usage=yes', text: 'hi', toolCall: null });
    const tool = answerShape(openaiCompletion(turn('openai'), { kind: 'tool', name: 'get_weather' }), 'openai');
    expect(tool.shape).toBe('chat.completion role=assistant tool_calls=1 finish=tool_calls usage=yes');
    expect(tool.toolCall).toEqual({ id: 'call_probe_01', name: 'get_weather', arguments: { city: 'Paris' } });
  });

  test('another shape is named as unexpected, with its keys', () => {
    expect(answerShape({ object: 'text_completion', result: 'x' }, 'openai').shape).toBe('unexpected {object,result}');
    expect(answerShape({ choices: [] }, 'anthropic').shape).toBe('unexpected {choices}');
  });

  test('error envelopes', () => {
    expect(errorShape({ type: 'error', error: { type: 'x', message: 'm' } })).toBe('error anthropic-envelope');
    expect(errorShape({ error: { message: 'm', type: 'None' } })).toBe('error openai-envelope');
    expect(errorShape('<html>')).toBe('unexpected error body (not JSON)');
  });

  test('stream grammars: repeated deltas collapse, pings and the usage chunk are ignored', () => {
    const anthropic = streamSequence(['event: ping\ndata: {"type":"ping"}\n\n', ...anthropicStream(turn('anthropic'), { kind: 'text', text: 'hello world' })].join(''), 'anthropic');
    expect(anthropic.events).toEqual(['message_start', 'start:text', 'delta:text_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(anthropic.text).toBe('hello world');
    const openai = streamSequence(openaiStream(turn('openai', true), { kind: 'tool', name: 'get_weather' }).join(''), 'openai');
    expect(openai.events).toEqual(['role', 'tool_calls', 'finish:tool_calls', 'done']);
    expect(openai.toolCall).toEqual({ id: 'call_probe_01', name: 'get_weather', arguments: { city: 'Paris' } });
  });

  test('a bare error chunk mid-stream (LiteLLM) shows in the sequence', () => {
    const raw = 'data: {"choices":[{"delta":{"role":"assistant","content":"a"}}]}\n\ndata: {"error":{"message":"boom"}}\n\n';
    expect(streamSequence(raw, 'openai').events).toEqual(['role', 'content', 'error']);
  });
});
