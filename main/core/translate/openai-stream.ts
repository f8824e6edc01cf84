// OpenAI chat.completion.chunk stream -> the full Anthropic event sequence:
// message_start, then per block content_block_start / content_block_delta… / content_block_stop with
// increasing index (thinking from reasoning deltas, text, tool_use with input_json_delta fragments
// forwarded byte for byte), then message_delta (stop_reason, usage) and message_stop.
// Blocks are sequential as in Anthropic's own streams: a new kind of delta closes the open block. Tool
// calls: the first one streams live; a call that starts while another is open is held (its fragments
// collected) and sent whole when the open one ends (at the finish, or when text or thinking follows), so
// a provider that interleaves the fragments of parallel calls loses none of them. Only a fragment for a
// call whose block was already closed (text came in between) cannot be placed; it is dropped with a note.
// Ending early (error chunk, iterator failure, no finish_reason): the open block is closed and an
// Anthropic `error` event ends the stream; no message_stop.
import { failureFromException, failureFromTruncation, mapErrorType, maskKeyLike, streamErrorEvent } from './errors';
import type { StreamFailure } from './errors';
import { toAnthropicMessageId, toAnthropicToolId, withThoughtSignature } from './wire-values';
import { asArray, asNumber, asObject, asString, isObject, parseJson, stringifyJson } from './json';
import { onceNotes } from './notes';
import { openaiFinishToAnthropic } from './stop-reasons';
import { reasoningText } from './openai-response';
import type { Json, SseEvent, StreamContext } from './types';
import { readOpenaiUsage, toAnthropicUsage } from './usage-map';
import type { UsageCounts } from './usage-map';

interface ToolState {
  id: string;
  /** the Anthropic block index once its block is open; null while the call is held back */
  blockIndex: number | null;
  /** held back: the block it will open with, and its arguments so far */
  held?: { contentBlock: Json; args: string };
}

function event(type: string, body: Json): SseEvent {
  return { event: type, data: stringifyJson({ type, ...body }) };
}

class OpenaiToAnthropicStream {
  private started = false;
  private open: { kind: 'text' | 'thinking' | 'tool_use'; index: number } | null = null;
  private nextIndex = 0;
  private tools = new Map<number, ToolState>();
  private generated = 0;
  private finishReason: unknown = null;
  private usage: UsageCounts | undefined;
  sawFinish = false;
  done = false;
  sawToolCalls = false;
  failure: StreamFailure | null = null;
  readonly notes;

  constructor(private ctx: StreamContext) {
    this.notes = onceNotes(ctx.notes);
  }

  private *start(id: unknown): Generator<SseEvent> {
    if (this.started) return;
    this.started = true;
    yield event('message_start', {
      message: {
        id: this.ctx.id ?? toAnthropicMessageId(id), type: 'message', role: 'assistant', model: this.ctx.requestedModel,
        content: [], stop_reason: null, stop_sequence: null,
        usage: { input_tokens: this.ctx.inputTokensHint ?? 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 },
      },
    });
  }

  private *close(): Generator<SseEvent> {
    if (!this.open) return;
    yield event('content_block_stop', { index: this.open.index });
    this.open = null;
    yield* this.releaseHeld();
  }

  /** Sends every held tool call as one whole block, in the order the calls started. */
  private *releaseHeld(): Generator<SseEvent> {
    for (const tool of this.tools.values()) {
      if (!tool.held) continue;
      const { contentBlock, args } = tool.held;
      tool.held = undefined;
      const index = this.nextIndex++;
      tool.blockIndex = index;
      yield event('content_block_start', { index, content_block: contentBlock });
      if (args !== '') yield event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: args } });
      yield event('content_block_stop', { index });
    }
  }

  private *openBlock(kind: 'text' | 'thinking' | 'tool_use', contentBlock: Json): Generator<SseEvent> {
    yield* this.close();
    this.open = { kind, index: this.nextIndex++ };
    yield event('content_block_start', { index: this.open.index, content_block: contentBlock });
  }

  *handle(data: string): Generator<SseEvent> {
    if (data.trim() === '') return;
    if (data.trim() === '[DONE]') {
      this.done = true;
      return;
    }
    const chunk = asObject(parseJson(data));
    if (!chunk) {
      this.notes.add('skipped an upstream event that is not JSON');
      return;
    }
    const error = chunk.error;
    if (error !== undefined && error !== null) {
      // OpenRouter and others report mid-stream failures as a chunk with an `error` member.
      const e = asObject(error) ?? { message: String(error) };
      this.failure = {
        type: mapErrorType(asString(e.type) ?? asString(e.code), asNumber(e.code) ?? 500, 'anthropic'),
        message: maskKeyLike(asString(e.message) ?? 'Upstream stream error'),
      };
      return;
    }
    yield* this.start(chunk.id);
    const usage = readOpenaiUsage(chunk.usage);
    if (usage) this.usage = usage;
    const choices = asArray(chunk.choices) ?? [];
    if (choices.length > 1) this.notes.add('dropped field choices[] (only the first choice is kept)');
    const choice = asObject(choices[0]);
    if (!choice || (choice.index !== undefined && choice.index !== 0)) return;
    const delta = asObject(choice.delta) ?? {};
    yield* this.delta(delta);
    if (choice.finish_reason !== undefined && choice.finish_reason !== null) {
      this.finishReason = choice.finish_reason;
      this.sawFinish = true;
    }
  }

  private *delta(delta: Json): Generator<SseEvent> {
    const reasoning = reasoningText(delta);
    if (reasoning !== undefined) {
      if (this.open?.kind !== 'thinking') yield* this.openBlock('thinking', { type: 'thinking', thinking: '', signature: '' });
      yield event('content_block_delta', { index: this.open?.index, delta: { type: 'thinking_delta', thinking: reasoning } });
    }
    for (const text of [delta.content, delta.refusal]) {
      if (typeof text !== 'string' || text === '') continue;
      if (this.open?.kind !== 'text') yield* this.openBlock('text', { type: 'text', text: '' });
      yield event('content_block_delta', { index: this.open?.index, delta: { type: 'text_delta', text } });
    }
    const calls = asArray(delta.tool_calls) ?? [];
    const legacy = asObject(delta.function_call);
    if (legacy) calls.push({ index: 0, id: this.tools.has(0) ? undefined : 'toolu_sb_legacy', function: legacy });
    for (const raw of calls) if (isObject(raw)) yield* this.toolCall(raw);
  }

  private *toolCall(call: Json): Generator<SseEvent> {
    const fn = asObject(call.function) ?? {};
    const id = asString(call.id);
    let key = asNumber(call.index);
    if (key === undefined) {
      // Some servers omit `index`: an id names the call; a fragment without one continues the last call.
      const known = id ? [...this.tools].find(([, tool]) => tool.id === id)?.[0] : undefined;
      key = known ?? (id ? this.tools.size : Math.max(0, this.tools.size - 1));
    }
    let tool = this.tools.get(key);
    if (!tool || (id !== undefined && id !== '' && id !== tool.id)) {
      const anthropicId = withThoughtSignature(toAnthropicToolId(id, '') || `toolu_sb_${this.generated++}`, call);
      const contentBlock = { type: 'tool_use', id: anthropicId, name: asString(fn.name) ?? '', input: {} };
      if (this.open?.kind === 'tool_use') {
        // another call is still streaming: hold this one so late fragments of either can still be placed
        tool = { id: id ?? anthropicId, blockIndex: null, held: { contentBlock, args: '' } };
      } else {
        yield* this.openBlock('tool_use', contentBlock);
        tool = { id: id ?? anthropicId, blockIndex: this.open?.index ?? 0 };
      }
      this.tools.delete(key);
      this.tools.set(key, tool);
      this.sawToolCalls = true;
    }
    let args = fn.arguments;
    if (isObject(args)) args = stringifyJson(args);
    if (typeof args !== 'string' || args === '') return;
    if (tool.held) {
      tool.held.args += args;
      return;
    }
    if (this.open?.kind !== 'tool_use' || this.open.index !== tool.blockIndex) {
      this.notes.add('dropped a tool-call argument fragment that arrived after its block closed');
      return;
    }
    yield event('content_block_delta', { index: tool.blockIndex, delta: { type: 'input_json_delta', partial_json: args } });
  }

  get stopReason(): string | null {
    return this.sawFinish ? openaiFinishToAnthropic(this.finishReason, this.sawToolCalls, (note) => this.notes.add(note)) : null;
  }

  *finish(): Generator<SseEvent> {
    if (this.failure) {
      yield* this.close();
      yield streamErrorEvent('anthropic', this.failure.type, this.failure.message);
      return;
    }
    yield* this.start(undefined);
    yield* this.close();
    if (!this.usage) this.notes.add('provider reported no usage; message_delta usage is zero');
    const usage = this.usage ?? { input: this.ctx.inputTokensHint ?? 0, output: 0, cacheRead: 0, cacheCreation: 0 };
    yield event('message_delta', { delta: { stop_reason: this.stopReason, stop_sequence: null }, usage: toAnthropicUsage(usage) });
    yield event('message_stop', {});
  }
}

export async function* openaiStreamToAnthropic(events: AsyncIterable<SseEvent>, ctx: StreamContext): AsyncIterable<SseEvent> {
  const state = new OpenaiToAnthropicStream(ctx);
  try {
    for await (const upstream of events) {
      yield* state.handle(upstream.data);
      if (state.done || state.failure) break;
    }
  } catch (error) {
    state.failure = failureFromException(error, 'anthropic');
  }
  // A finish_reason without [DONE] still made a whole answer (several servers omit [DONE]).
  if (!state.failure && !state.sawFinish) state.failure = failureFromTruncation('anthropic', 'finish_reason');
  if (state.failure) state.notes.add(`upstream stream ended early: ${state.failure.type}`);
  ctx.onOutcome?.({ complete: state.failure === null, stopReason: state.stopReason, error: state.failure });
  yield* state.finish();
}
