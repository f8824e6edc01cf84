// The quirk and capability tables, and the small pure helpers around them.
import { describe, it, expect } from 'vitest';
import { cleanToolSchema, estimateInputTokens, isContextLengthError, providerSupportsReasoningEffort, quirksFor, streamErrorEvent } from '../../../main/core/translate';
import { noteSink } from './helpers';

describe('providerSupportsReasoningEffort', () => {
  it.each([
    ['openai', 'o3', true], ['openai', 'gpt-5-mini', true], ['openai', 'gpt-4o', false], ['openai', 'gpt-4.1', false],
    ['gemini', 'gemini-2.5-flash', true], ['gemini', 'gemini-2.0-flash', false], ['gemini', 'gemini-3-pro-preview', true],
    ['openrouter', 'meta-llama/llama-3-70b', true], ['ollama', 'gpt-oss:20b', true], ['ollama', 'llama3.1', false],
    ['deepseek', 'deepseek-reasoner', false], ['groq', 'openai/gpt-oss-120b', true], ['unknown-provider', 'o3', false],
    ['gemini', 'google/gemini-2.5-pro', true], ['__proto__', 'x', false],
  ])('%s %s -> %s', (prefix, model, expected) => {
    expect(providerSupportsReasoningEffort(prefix, model)).toBe(expected);
  });
});

describe('quirksFor', () => {
  it('falls back to defaults for unknown prefixes, including inherited property names', () => {
    expect(quirksFor('somebody-new').maxTokensField).toBe('max_tokens');
    expect(quirksFor('constructor').maxTokensField).toBe('max_tokens');
    expect(quirksFor('openai').maxTokensField).toBe('max_completion_tokens');
  });
});

describe('cleanToolSchema', () => {
  it('returns non-objects unchanged and never mutates its input', () => {
    expect(cleanToolSchema('x', 'gemini')).toBe('x');
    expect(cleanToolSchema(null, 'gemini')).toBe(null);
    const schema = { type: 'object', $schema: 's', properties: { a: { type: ['string', 'null'] } } };
    const copy = structuredClone(schema);
    cleanToolSchema(schema, 'gemini');
    expect(schema).toEqual(copy);
  });

  it('survives self-referencing and dangling refs', () => {
    const schema = { $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' };
    const out = cleanToolSchema(schema, 'gemini') as Record<string, unknown>;
    expect(out).toEqual({ type: 'object', properties: { next: {} } });
    expect(cleanToolSchema({ $ref: '#/nowhere' }, 'gemini')).toEqual({});
  });

  it('keeps Anthropic schemas whole', () => {
    const schema = { $schema: 'x', type: 'object', additionalProperties: false, properties: {} };
    const { notes, sink } = noteSink();
    expect(cleanToolSchema(schema, 'anthropic', sink)).toEqual(schema);
    expect(notes).toEqual([]);
  });
});

describe('isContextLengthError', () => {
  it.each([
    'prompt is too long: 201000 tokens > 200000 maximum',
    "This model's maximum context length is 8192 tokens",
    'input length and `max_tokens` exceed context limit: 190000 + 32000 > 200000',
    'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
    "This endpoint's maximum context length is 131072 tokens. However, you requested about 140000 tokens",
  ])('recognises %s', (message) => {
    expect(isContextLengthError(message, null)).toBe(true);
  });

  it('does not flag ordinary errors', () => {
    expect(isContextLengthError('Invalid API key', null)).toBe(false);
    expect(isContextLengthError('', 'context_length_exceeded')).toBe(true);
  });
});

describe('streamErrorEvent', () => {
  it('names the event for Anthropic callers and uses an error member for OpenAI callers', () => {
    expect(streamErrorEvent('anthropic', 'overloaded_error', 'Overloaded')).toEqual({
      event: 'error', data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    });
    expect(streamErrorEvent('openai', 'server_error', 'boom')).toEqual({
      event: null, data: '{"error":{"message":"boom","type":"server_error","code":null,"param":null}}',
    });
  });
});

describe('estimateInputTokens', () => {
  it('counts ASCII at 4 characters a token, other characters as one, images at a fixed price', () => {
    const base = estimateInputTokens({ messages: [] });
    expect(estimateInputTokens({ messages: [{ role: 'user', content: 'abcdefgh' }] }) - base).toBe(4 + 2);
    expect(estimateInputTokens({ messages: [{ role: 'user', content: '世界' }] }) - base).toBe(4 + 2);
    const image = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } };
    expect(estimateInputTokens({ messages: [{ role: 'user', content: [image] }] }) - base).toBe(4 + 1600);
    expect(estimateInputTokens({ system: 'abcd', messages: [] }) - base).toBe(1);
  });

  it('never throws on odd input', () => {
    expect(estimateInputTokens({ messages: 'nope', tools: [null, 1], system: 5 } as Record<string, unknown>)).toBeGreaterThan(0);
  });
});
