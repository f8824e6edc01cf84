// Anthropic Messages stream -> OpenAI chat.completion.chunk stream.
// Order: a role chunk first; text, reasoning and tool-call deltas as they arrive (tool calls keep a
// stable `index` counted over tool_use blocks only, argument fragments forwarded byte for byte); on
// message_stop a chunk with finish_reason, a usage chunk when include_usage was asked, then [DONE].
// Thinking: each thinking_delta is a `reasoning_content` delta; when a thinking block closes, one delta
// carries the whole signed block in `thinking_blocks` (see anthropic-response.ts for the round trip).
// Ending early (upstream error event, iterator failure, no message_stop): a finish chunk (the known
// finish_reason, else `length`: the answer is cut), then an OpenAI error event; never [DONE].
import { failureFromException, failureFromTruncation, mapErrorType, maskKeyLike, streamErrorEvent } from './errors';
import type { StreamFailure } from './errors';
import { toOpenaiCompletionId } from './wire-values';
import { asNumber, asObject, asString, parseJson, stringifyJson } from './json';
import { dropped, onceNotes } from './notes';
import { anthropicStopToOpenai } from './stop-reasons';
import type { Json, SseEvent, StreamContext } from './types';
import { readAnthropicUsage, toOpenaiUsage } from './usage-map';
import type { UsageCounts } from './usage-map';

interface Block {
  type: string;
  toolIndex: number;
  thinking: string;
  signature: string;
  data: string;
  sawArguments: boolean;
  startInput: unknown;
}

class AnthropicToOpenaiStream {
  private id: string;
  private roleSent = false;
  private blocks = new Map<number, Block>();
  private toolCount = 0;
  private usage: UsageCounts = { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };
  private stopReason: unknown = null;
  stopped = false;
  failure: StreamFailure | null = null;
  readonly notes;

  constructor(private ctx: StreamContext) {
    this.id = ctx.id ?? 'chatcmpl-switchboard';
    this.notes = onceNotes(ctx.notes);
  }

  private chunk(delta: Json, finishReason: string | null = null): SseEvent {
    return {
      event: null,
      data: stringifyJson({
        id: this.id, object: 'chat.completion.chunk', created: this.ctx.created ?? 0, model: this.ctx.requestedModel,
        choices: [{ index: 0, delta, finish_reason: finishReason }],
      }),
    };
  }

  private *role(): Generator<SseEvent> {
    if (this.roleSent) return;
    this.roleSent = true;
    yield this.chunk({ role: 'assistant', content: '' });
  }

  *handle(name: string | null, data: string): Generator<SseEvent> {
    if (data.trim() === '') return; // comments and keep-alives
    const event = asObject(parseJson(data));
    if (!event) {
      this.notes.add('skipped an upstream event that is not JSON');
      return;
    }
    const type = asString(event.type) ?? name ?? '';
    switch (type) {
      case 'message_start': {
        const message = asObject(event.message) ?? {};
        if (this.ctx.id === undefined) this.id = toOpenaiCompletionId(message.id);
        this.usage = readAnthropicUsage(message.usage, this.usage);
        yield* this.role();
        return;
      }
      case 'content_block_start':
        yield* this.role();
        yield* this.start(asNumber(event.index) ?? -1, asObject(event.content_block) ?? {});
        return;
      case 'content_block_delta':
        yield* this.role();
        yield* this.delta(asNumber(event.index) ?? -1, asObject(event.delta) ?? {});
        return;
      case 'content_block_stop':
        yield* this.stop(asNumber(event.index) ?? -1);
        return;
      case 'message_delta':
        this.stopReason = asObject(event.delta)?.stop_reason ?? this.stopReason;
        this.usage = readAnthropicUsage(event.usage, this.usage);
        return;
      case 'message_stop':
        this.stopped = true;
        return;
      case 'ping':
        return;
      case 'error': {
        const error = asObject(event.error) ?? {};
        this.failure = {
          type: mapErrorType(asString(error.type), 500, 'openai'),
          message: maskKeyLike(asString(error.message) ?? 'Upstream stream error'),
        };
        return;
      }
      default:
        this.notes.add(`skipped upstream stream event ${type.slice(0, 40) || 'without type'}`);
    }
  }

  private *start(index: number, block: Json): Generator<SseEvent> {
    const type = asString(block.type) ?? '';
    const state: Block = { type, toolIndex: -1, thinking: '', signature: asString(block.signature) ?? '', data: asString(block.data) ?? '', sawArguments: false, startInput: block.input };
    this.blocks.set(index, state);
    if (type === 'text' && typeof block.text === 'string' && block.text !== '') yield this.chunk({ content: block.text });
    else if (type === 'thinking' && typeof block.thinking === 'string' && block.thinking !== '') {
      state.thinking = block.thinking;
      yield this.chunk({ reasoning_content: block.thinking });
    } else if (type === 'tool_use') {
      state.toolIndex = this.toolCount++;
      yield this.chunk({
        tool_calls: [{ index: state.toolIndex, id: asString(block.id) ?? `call_sb_${state.toolIndex}`, type: 'function', function: { name: asString(block.name) ?? '', arguments: '' } }],
      });
    } else if (type !== 'text' && type !== 'thinking' && type !== 'redacted_thinking') {
      this.notes.add(dropped('content[]', `block type ${type.slice(0, 40) || 'missing'}`));
    }
  }

  private *delta(index: number, delta: Json): Generator<SseEvent> {
    const block = this.blocks.get(index);
    switch (delta.type) {
      case 'text_delta':
        if (typeof delta.text === 'string' && delta.text !== '') yield this.chunk({ content: delta.text });
        return;
      case 'thinking_delta':
        if (typeof delta.thinking !== 'string' || delta.thinking === '') return;
        if (block) block.thinking += delta.thinking;
        yield this.chunk({ reasoning_content: delta.thinking });
        return;
      case 'signature_delta':
        if (block && typeof delta.signature === 'string') block.signature += delta.signature;
        return;
      case 'input_json_delta':
        if (!block || block.type !== 'tool_use') {
          this.notes.add('skipped input_json_delta outside a tool_use block');
          return;
        }
        if (typeof delta.partial_json !== 'string' || delta.partial_json === '') return;
        block.sawArguments = true;
        yield this.chunk({ tool_calls: [{ index: block.toolIndex, function: { arguments: delta.partial_json } }] });
        return;
      case 'citations_delta':
        this.notes.add(dropped('content[].citations'));
        return;
      default:
        this.notes.add(`skipped delta type ${String(delta.type).slice(0, 40)}`);
    }
  }

  private *stop(index: number): Generator<SseEvent> {
    const block = this.blocks.get(index);
    if (!block) return;
    this.blocks.delete(index);
    if (block.type === 'thinking') {
      yield this.chunk({ thinking_blocks: [{ type: 'thinking', thinking: block.thinking, signature: block.signature }] });
    } else if (block.type === 'redacted_thinking') {
      yield this.chunk({ thinking_blocks: [{ type: 'redacted_thinking', data: block.data }] });
    } else if (block.type === 'tool_use' && !block.sawArguments) {
      // No input_json_delta at all: the input came whole in content_block_start (or is empty).
      const input = asObject(block.startInput) ?? {};
      yield this.chunk({ tool_calls: [{ index: block.toolIndex, function: { arguments: stringifyJson(input) } }] });
    }
  }

  *finish(): Generator<SseEvent> {
    const known = this.finishReason;
    if (this.failure) {
      // Nothing sent yet: the error alone says it all.
      if (this.roleSent) yield this.chunk({}, known ?? 'length');
      yield streamErrorEvent('openai', this.failure.type, this.failure.message);
      return;
    }
    yield* this.role();
    yield this.chunk({}, known ?? 'stop');
    if (this.ctx.includeUsage) {
      yield {
        event: null,
        data: stringifyJson({
          id: this.id, object: 'chat.completion.chunk', created: this.ctx.created ?? 0, model: this.ctx.requestedModel,
          choices: [], usage: toOpenaiUsage(this.usage),
        }),
      };
    }
    yield { event: null, data: '[DONE]' };
  }

  get finishReason(): string | null {
    return this.stopReason === null ? null : anthropicStopToOpenai(this.stopReason, (note) => this.notes.add(note));
  }
}

export async function* anthropicStreamToOpenai(events: AsyncIterable<SseEvent>, ctx: StreamContext): AsyncIterable<SseEvent> {
  const state = new AnthropicToOpenaiStream(ctx);
  try {
    for await (const event of events) {
      yield* state.handle(event.event, event.data);
      if (state.stopped || state.failure) break;
    }
  } catch (error) {
    state.failure = failureFromException(error, 'openai');
  }
  // message_delta with a stop_reason but a lost message_stop still made a whole answer.
  if (!state.stopped && !state.failure && state.finishReason === null) state.failure = failureFromTruncation('openai', 'message_stop');
  if (state.failure) state.notes.add(`upstream stream ended early: ${state.failure.type}`);
  // Reported before the closing events: a consumer may stop pulling right after [DONE].
  ctx.onOutcome?.({ complete: state.failure === null, stopReason: state.finishReason, error: state.failure });
  yield* state.finish();
}
