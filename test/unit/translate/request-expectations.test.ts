// Request translation checked against expectations written by hand from the two APIs' documentation,
// not recorded from the code (the golden files can be regenerated from whatever the code does; these
// cannot). Each case names the rule it holds.
import { describe, expect, it } from 'vitest';
import { anthropicRequestToOpenai, openaiRequestToAnthropic } from '../../../main/core/translate';

const notes = () => {
  const list: string[] = [];
  return { list, sink: { push: (note: string) => list.push(note) } };
};

const toAnthropic = (body: Record<string, unknown>, defaultMaxTokens = 4096) =>
  openaiRequestToAnthropic(body, { providerModel: 'claude-x', providerPrefix: 'anthropic', defaultMaxTokens, notes: notes().sink });

const toOpenai = (body: Record<string, unknown>, providerPrefix = 'openai') =>
  anthropicRequestToOpenai(body, { providerModel: 'gpt-x', providerPrefix, defaultMaxTokens: 4096, notes: notes().sink });

describe('OpenAI chat request -> Anthropic messages request', () => {
  it('system messages become the top-level system; the provider model replaces the name', () => {
    const out = toAnthropic({ model: 'alias', max_tokens: 100, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] });
    expect(out.model).toBe('claude-x');
    expect(out.system).toBe('Be brief.');
    expect(out.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
    expect(out.max_tokens).toBe(100);
  });

  it('max_tokens is required by Anthropic: the default applies when the caller sent none; max_completion_tokens counts', () => {
    expect(toAnthropic({ model: 'a', messages: [{ role: 'user', content: 'x' }] }, 1234).max_tokens).toBe(1234);
    expect(toAnthropic({ model: 'a', max_completion_tokens: 77, messages: [{ role: 'user', content: 'x' }] }).max_tokens).toBe(77);
  });

  it('stop (string or list) becomes stop_sequences (always a list)', () => {
    expect(toAnthropic({ model: 'a', stop: 'END', messages: [{ role: 'user', content: 'x' }] }).stop_sequences).toEqual(['END']);
    expect(toAnthropic({ model: 'a', stop: ['A', 'B'], messages: [{ role: 'user', content: 'x' }] }).stop_sequences).toEqual(['A', 'B']);
  });

  it('function tools become name/description/input_schema; tool_choice required -> any, named -> tool', () => {
    const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
    const out = toAnthropic({ model: 'a', tools, tool_choice: 'required', messages: [{ role: 'user', content: 'x' }] });
    expect(out.tools).toEqual([{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }]);
    expect(out.tool_choice).toMatchObject({ type: 'any' });
    const named = toAnthropic({ model: 'a', tools, tool_choice: { type: 'function', function: { name: 'get_weather' } }, messages: [{ role: 'user', content: 'x' }] });
    expect(named.tool_choice).toMatchObject({ type: 'tool', name: 'get_weather' });
  });

  it('assistant tool_calls become tool_use blocks with parsed input; tool messages become tool_result blocks in a user turn', () => {
    const out = toAnthropic({
      model: 'a',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '18C' },
      ],
    });
    const messages = out.messages as Array<{ role: string; content: Array<Record<string, unknown>> }>;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1]!.content).toEqual([{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }]);
    expect(messages[2]!.content).toEqual([expect.objectContaining({ type: 'tool_result', tool_use_id: 'call_1', content: expect.anything() })]);
    expect(JSON.stringify(messages[2]!.content)).toContain('18C');
  });

  it('an image_url data URL becomes a base64 image block', () => {
    const out = toAnthropic({ model: 'a', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }, { type: 'text', text: 'What is it?' }] }] });
    const [message] = out.messages as Array<{ content: unknown[] }>;
    expect(message!.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'text', text: 'What is it?' },
    ]);
  });
});

describe('Anthropic messages request -> OpenAI chat request', () => {
  it('the system (string or blocks) becomes the first system message; max_tokens is kept', () => {
    const out = toOpenai({ model: 'alias', max_tokens: 50, system: [{ type: 'text', text: 'Rule one.' }, { type: 'text', text: 'Rule two.' }], messages: [{ role: 'user', content: 'Hi' }] });
    expect(out.model).toBe('gpt-x');
    const messages = out.messages as Array<{ role: string; content: unknown }>;
    expect(messages[0]!.role).toBe('system');
    expect(JSON.stringify(messages[0]!.content)).toContain('Rule one.');
    expect(JSON.stringify(messages[0]!.content)).toContain('Rule two.');
    expect(messages.at(-1)).toMatchObject({ role: 'user' });
    expect(JSON.stringify(messages.at(-1)!.content)).toContain('Hi');
    expect(out.max_tokens ?? out.max_completion_tokens).toBe(50);
  });

  it('stop_sequences become stop', () => {
    expect(toOpenai({ model: 'a', max_tokens: 5, stop_sequences: ['X'], messages: [{ role: 'user', content: 'x' }] }).stop).toEqual(['X']);
  });

  it('tools become function tools; tool_choice any -> required, tool -> named function', () => {
    const tools = [{ name: 'lookup', description: 'Find', input_schema: { type: 'object', properties: { q: { type: 'string' } } } }];
    const out = toOpenai({ model: 'a', max_tokens: 5, tools, tool_choice: { type: 'any' }, messages: [{ role: 'user', content: 'x' }] });
    expect(out.tools).toEqual([{ type: 'function', function: { name: 'lookup', description: 'Find', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }]);
    expect(out.tool_choice).toBe('required');
    const named = toOpenai({ model: 'a', max_tokens: 5, tools, tool_choice: { type: 'tool', name: 'lookup' }, messages: [{ role: 'user', content: 'x' }] });
    expect(named.tool_choice).toEqual({ type: 'function', function: { name: 'lookup' } });
  });

  it('tool_use blocks become tool_calls with JSON-string arguments; tool_result blocks become tool messages', () => {
    const out = toOpenai({
      model: 'a',
      max_tokens: 5,
      messages: [
        { role: 'user', content: 'Find cats' },
        { role: 'assistant', content: [{ type: 'text', text: 'Looking.' }, { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'cats' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'many cats' }] },
      ],
    });
    const messages = out.messages as Array<Record<string, unknown>>;
    const assistant = messages.find((m) => m.role === 'assistant')!;
    const calls = assistant.tool_calls as Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: 'toolu_1', type: 'function', function: { name: 'lookup' } });
    expect(JSON.parse(calls[0]!.function.arguments)).toEqual({ q: 'cats' });
    const tool = messages.find((m) => m.role === 'tool')!;
    expect(tool.tool_call_id).toBe('toolu_1');
    expect(JSON.stringify(tool.content)).toContain('many cats');
  });
});
