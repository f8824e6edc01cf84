// A recorded-shape Claude Code request (~100 KB: system as 3 blocks with cache_control, 22 tools with
// $schema, thinking, output_config, context_management, a role:"system" message) on OpenAI-compatible
// models, and a streamed OpenAI answer back to it, checked by our validators and by the official
// Anthropic SDK's own stream accumulator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { describe, it, expect } from 'vitest';
import { formatSse } from '../../../main/core/providers/sse';
import { anthropicRequestToOpenai, estimateInputTokens, openaiStreamToAnthropic } from '../../../main/core/translate';
import { collect, FIXTURE_DIR, noteSink, parsedEvents, rng, sseChunks } from './helpers';
import { expectValidAnthropicSequence, expectValidOpenaiRequest } from './validators';

const request = JSON.parse(readFileSync(join(FIXTURE_DIR, 'claude-code-request.json'), 'utf8')) as Record<string, unknown>;

describe('Claude Code request on OpenAI-compatible models', () => {
  it('is the recorded shape', () => {
    expect(Buffer.byteLength(JSON.stringify(request))).toBeGreaterThan(95_000);
    expect((request.tools as unknown[]).length).toBeGreaterThanOrEqual(20);
    expect((request.system as unknown[]).length).toBe(3);
  });

  for (const [prefix, model] of [['openai', 'gpt-5'], ['gemini', 'gemini-2.5-pro'], ['openrouter', 'openai/gpt-5'], ['ollama', 'qwen3:32b']] as const) {
    it(`translates to a valid ${prefix} request`, () => {
      const { notes, sink } = noteSink();
      const out = anthropicRequestToOpenai(request, { providerModel: model, providerPrefix: prefix, defaultMaxTokens: 4096, notes: sink });
      expectValidOpenaiRequest(out);
      const text = JSON.stringify(out);
      expect(text).not.toContain('cache_control');
      expect(text).not.toContain('input_schema');
      expect(text).not.toContain('"$schema"');
      if (prefix === 'gemini') expect(text).not.toContain('"additionalProperties"');
      expect((out.tools as unknown[]).length).toBe(22);
      const messages = out.messages as Array<{ role: string; content: unknown }>;
      expect(messages[0]).toEqual({ role: 'system', content: expect.stringContaining("You are Claude Code, Anthropic's official CLI") });
      expect(messages.filter((m) => m.role === 'system')).toHaveLength(2);
      expect(messages.filter((m) => m.role === 'tool')).toHaveLength(3);
      expect(out.stream).toBe(true);
      expect(out.model).toBe(model);
      expect(notes).toContain('dropped field context_management (no OpenAI equivalent)');
      expect(notes.some((n) => n.startsWith('dropped field cache_control'))).toBe(true);
      // thinking maps to an effort where the model takes one, and is named in a note where not
      if (prefix === 'openrouter') expect(out.reasoning).toEqual({ effort: 'high' });
      else expect(out.reasoning_effort).toBe('high');
    });
  }

  it('estimates its input tokens within a plausible range', () => {
    const estimate = estimateInputTokens(request);
    // ~99 KB of mostly ASCII JSON/text: roughly 20-35k tokens
    expect(estimate).toBeGreaterThan(18_000);
    expect(estimate).toBeLessThan(40_000);
  });

  it('a streamed OpenAI answer becomes a valid Anthropic sequence the Anthropic SDK accepts', async () => {
    const answerArgs = JSON.stringify({ file_path: '/home/dev/project/src/f.ts', old_string: 'return x * 12;', new_string: 'return x * x;' });
    const todoArgs = JSON.stringify({ todos: [{ content: 'Fix f12', status: 'in_progress', activeForm: 'Fixing f12' }] });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null, usage?: Record<string, unknown>) => ({
      event: null,
      data: JSON.stringify({ id: 'chatcmpl-cc', object: 'chat.completion.chunk', created: 1, model: 'gpt-5', choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) }),
    });
    const upstream = [
      chunk({ role: 'assistant', content: '', reasoning_content: 'The multiplier ' }),
      chunk({ reasoning_content: 'is wrong.' }),
      chunk({ content: 'Found it: ' }),
      chunk({ content: 'f12 multiplies by 12.' }),
      chunk({ tool_calls: [{ index: 0, id: 'call_edit', type: 'function', function: { name: 'Edit', arguments: answerArgs.slice(0, 20) } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: answerArgs.slice(20) } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_todo', type: 'function', function: { name: 'TodoWrite', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: todoArgs } }] }),
      chunk({}, 'tool_calls'),
      chunk({}, null, { prompt_tokens: 24000, completion_tokens: 120, total_tokens: 24120, prompt_tokens_details: { cached_tokens: 20000 } }),
      { event: null, data: '[DONE]' },
    ];
    const ctx = { requestedModel: 'claude-sonnet-4-5-20250929', includeUsage: false, inputTokensHint: estimateInputTokens(request), notes: noteSink().sink };
    const events = await collect(openaiStreamToAnthropic(parsedEvents(sseChunks(upstream, rng(5), 25)), ctx));
    expectValidAnthropicSequence(events);

    // The official SDK, fed our bytes through its fetch option, must rebuild the same message.
    const body = events.map(formatSse).join('');
    const client = new Anthropic({
      apiKey: 'test-key',
      baseURL: 'http://127.0.0.1:9',
      maxRetries: 0,
      fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    });
    const stream = client.messages.stream(request as unknown as Anthropic.MessageCreateParamsStreaming);
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use', 'tool_use']);
    expect(message.content[0]).toMatchObject({ type: 'thinking', thinking: 'The multiplier is wrong.' });
    expect(message.content[1]).toMatchObject({ type: 'text', text: 'Found it: f12 multiplies by 12.' });
    expect(message.content[2]).toMatchObject({ type: 'tool_use', id: 'call_edit', name: 'Edit', input: JSON.parse(answerArgs) });
    expect(message.content[3]).toMatchObject({ type: 'tool_use', id: 'call_todo', name: 'TodoWrite', input: JSON.parse(todoArgs) });
    expect(message.usage).toMatchObject({ input_tokens: 4000, cache_read_input_tokens: 20000, output_tokens: 120 });
  });
});
