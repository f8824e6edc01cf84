// An OpenAI-compatible provider may interleave the argument fragments of parallel tool calls (index 0,
// then 1, then 0 again). Anthropic's blocks are sequential, so the translation must still deliver every
// fragment to the right tool_use block, in order, whatever the interleaving.
import { describe, expect, it } from 'vitest';
import { openaiStreamToAnthropic } from '../../../main/core/translate';
import type { SseEvent } from '../../../main/core/translate';
import { collect, noteSink } from './helpers';

const chunk = (delta: Record<string, unknown>, finish: string | null = null): SseEvent => ({
  event: null,
  data: JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] }),
});

async function* from(events: SseEvent[]): AsyncIterable<SseEvent> {
  yield* events;
}

/** Rebuilds the content blocks the way the Anthropic SDK does: by index, deltas appended. */
function blocks(events: SseEvent[]): Array<{ type: string; id?: string; name?: string; json: string; stopped: boolean }> {
  const out: Array<{ type: string; id?: string; name?: string; json: string; stopped: boolean }> = [];
  for (const e of events) {
    const data = JSON.parse(e.data) as Record<string, unknown> & { index?: number };
    if (data.type === 'content_block_start') {
      const block = data.content_block as { type: string; id?: string; name?: string };
      out[data.index!] = { type: block.type, id: block.id, name: block.name, json: '', stopped: false };
    } else if (data.type === 'content_block_delta') {
      const target = out[data.index!]!;
      expect(target.stopped, `delta for block ${data.index} after its stop`).toBe(false);
      const delta = data.delta as { partial_json?: string };
      if (delta.partial_json !== undefined) target.json += delta.partial_json;
    } else if (data.type === 'content_block_stop') {
      out[data.index!]!.stopped = true;
    }
  }
  return out;
}

describe('interleaved tool-call fragments (OpenAI stream -> Anthropic)', () => {
  it('keeps every fragment of two calls whose arguments interleave', async () => {
    const { notes, sink } = noteSink();
    const events = await collect(
      openaiStreamToAnthropic(
        from([
          chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'first', arguments: '{"x":' } }] }),
          chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'second', arguments: '{"y":' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
          chunk({ tool_calls: [{ index: 1, function: { arguments: '2}' } }] }),
          chunk({}, 'tool_calls'),
          { event: null, data: '[DONE]' },
        ]),
        { requestedModel: 'm', notes: sink, includeUsage: false },
      ),
    );
    const tools = blocks(events).filter((b) => b.type === 'tool_use');
    expect(tools.map((t) => ({ id: t.id, name: t.name, input: JSON.parse(t.json) as unknown, stopped: t.stopped }))).toEqual([
      { id: 'call_a', name: 'first', input: { x: 1 }, stopped: true },
      { id: 'call_b', name: 'second', input: { y: 2 }, stopped: true },
    ]);
    expect(notes.join(' ')).not.toContain('dropped');
    const last = JSON.parse(events.at(-2)!.data) as { delta: { stop_reason: string } };
    expect(last.delta.stop_reason).toBe('tool_use');
  });

  it('three calls, fragments in a scrambled order', async () => {
    const { sink } = noteSink();
    const start = (index: number) => chunk({ tool_calls: [{ index, id: `call_${index}`, type: 'function', function: { name: `f${index}`, arguments: '' } }] });
    const part = (index: number, text: string) => chunk({ tool_calls: [{ index, function: { arguments: text } }] });
    const events = await collect(
      openaiStreamToAnthropic(
        from([start(0), start(1), part(1, '{"b"'), start(2), part(0, '{"a"'), part(2, '{"c":3}'), part(0, ':1}'), part(1, ':2}'), chunk({}, 'tool_calls')]),
        { requestedModel: 'm', notes: sink, includeUsage: false },
      ),
    );
    const inputs = blocks(events).filter((b) => b.type === 'tool_use').map((b) => JSON.parse(b.json) as unknown);
    expect(inputs).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });
});
