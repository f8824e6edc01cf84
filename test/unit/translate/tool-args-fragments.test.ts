// Property: every byte of streamed tool-call arguments arrives on the other side, whatever the
// fragmenting, in both directions and through real SSE text cut at random places.
import { describe, it, expect } from 'vitest';
import { anthropicStreamToOpenai, openaiStreamToAnthropic } from '../../../main/core/translate';
import type { SseEvent } from '../../../main/core/translate';
import { collect, noteSink, parsedEvents, rng, sseChunks } from './helpers';
import { fragment, randomArguments } from './random-json';

const SEEDS = 150;

function anthropicToolStream(tools: Array<{ id: string; args: string }>, random: () => number): SseEvent[] {
  const ev = (type: string, body: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, ...body }) });
  const events: SseEvent[] = [ev('message_start', { message: { id: 'msg_p', content: [], usage: { input_tokens: 1, output_tokens: 1 } } })];
  tools.forEach((tool, index) => {
    events.push(ev('content_block_start', { index, content_block: { type: 'tool_use', id: tool.id, name: `fn${index}`, input: {} } }));
    for (const part of fragment(tool.args, random)) {
      events.push(ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: part } }));
      if (random() < 0.1) events.push(ev('ping', {}));
    }
    events.push(ev('content_block_stop', { index }));
  });
  events.push(ev('message_delta', { delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } }), ev('message_stop', {}));
  return events;
}

function openaiToolStream(tools: Array<{ id: string; args: string }>, random: () => number): SseEvent[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): SseEvent => ({
    event: null,
    data: JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] }),
  });
  const events: SseEvent[] = [chunk({ role: 'assistant', content: null })];
  tools.forEach((tool, index) => {
    const parts = fragment(tool.args, random);
    // The first fragment may ride along with the id and name, as OpenAI and Gemini do.
    const first = random() < 0.5 ? (parts.shift() ?? '') : '';
    events.push(chunk({ tool_calls: [{ index, id: tool.id, type: 'function', function: { name: `fn${index}`, arguments: first } }] }));
    for (const part of parts) events.push(chunk({ tool_calls: [{ index, function: { arguments: part } }] }));
  });
  events.push(chunk({}, 'tool_calls'), { event: null, data: '[DONE]' });
  return events;
}

function makeTools(random: () => number): Array<{ id: string; args: string }> {
  return Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => ({ id: `toolu_${i}_${Math.floor(random() * 1e6)}`, args: randomArguments(random) }));
}

describe('tool-call arguments survive any fragmenting', () => {
  it('Anthropic input_json_delta -> OpenAI tool_calls arguments', async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = rng(seed);
      const tools = makeTools(random);
      const wire = sseChunks(anthropicToolStream(tools, random), random, 1 + Math.floor(random() * 40));
      const out = await collect(anthropicStreamToOpenai(parsedEvents(wire), { requestedModel: 'm', includeUsage: false, notes: noteSink().sink }));
      const args = new Map<number, string>();
      const ids = new Map<number, string>();
      for (const event of out) {
        if (event.data === '[DONE]') continue;
        const chunk = JSON.parse(event.data) as { choices: Array<{ delta: { tool_calls?: Array<{ index: number; id?: string; function?: { arguments?: string } }> } }> };
        for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
          if (call.id) ids.set(call.index, call.id);
          args.set(call.index, (args.get(call.index) ?? '') + (call.function?.arguments ?? ''));
        }
      }
      expect([...ids.values()], `seed ${seed}`).toEqual(tools.map((t) => t.id));
      expect([...args.values()], `seed ${seed}`).toEqual(tools.map((t) => t.args));
      expect(out[out.length - 1]?.data).toBe('[DONE]');
    }
  });

  it('OpenAI tool_calls arguments -> Anthropic input_json_delta', async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = rng(seed * 7919);
      const tools = makeTools(random);
      const wire = sseChunks(openaiToolStream(tools, random), random, 1 + Math.floor(random() * 40));
      const out = await collect(openaiStreamToAnthropic(parsedEvents(wire), { requestedModel: 'm', includeUsage: false, notes: noteSink().sink }));
      const args = new Map<number, string>();
      const ids = new Map<number, string>();
      for (const event of out) {
        const data = JSON.parse(event.data) as { index?: number; content_block?: { id?: string }; delta?: { type?: string; partial_json?: string } };
        if (event.event === 'content_block_start' && data.content_block?.id) ids.set(data.index!, data.content_block.id);
        if (data.delta?.type === 'input_json_delta') args.set(data.index!, (args.get(data.index!) ?? '') + data.delta.partial_json);
      }
      expect([...ids.values()], `seed ${seed}`).toEqual(tools.map((t) => t.id));
      expect([...args.values()], `seed ${seed}`).toEqual(tools.map((t) => t.args));
      expect(out[out.length - 1]?.event).toBe('message_stop');
    }
  });

  it('a round trip OpenAI -> Anthropic -> OpenAI keeps arguments byte for byte', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = rng(seed * 104729);
      const tools = makeTools(random);
      const ctx = { requestedModel: 'm', includeUsage: false, notes: noteSink().sink };
      const anthropic = openaiStreamToAnthropic(parsedEvents(sseChunks(openaiToolStream(tools, random), random, 17)), ctx);
      const back = await collect(anthropicStreamToOpenai(anthropic, ctx));
      const args: string[] = [];
      for (const event of back) {
        if (event.data === '[DONE]') continue;
        const chunk = JSON.parse(event.data) as { choices: Array<{ delta: { tool_calls?: Array<{ index: number; function?: { arguments?: string } }> } }> };
        for (const call of chunk.choices[0]?.delta.tool_calls ?? []) args[call.index] = (args[call.index] ?? '') + (call.function?.arguments ?? '');
      }
      expect(args, `seed ${seed}`).toEqual(tools.map((t) => t.args));
    }
  });
});
