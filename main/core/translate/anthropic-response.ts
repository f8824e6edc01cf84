// Anthropic Messages response -> OpenAI chat.completion.
// Thinking round trip: thinking text goes to `message.reasoning_content` (the de-facto field of
// DeepSeek, vLLM and LiteLLM) and the signed blocks themselves, in order, to `message.thinking_blocks`
// (LiteLLM's field). A caller that sends `thinking_blocks` back on the assistant message gets them to
// Anthropic unchanged on the next turn (openai-messages.ts).
import { toOpenaiCompletionId } from './wire-values';
import { asArray, asObject, asString, stringifyJson } from './json';
import { collectNotes, dropped } from './notes';
import type { NoteCollector } from './notes';
import { anthropicStopToOpenai } from './stop-reasons';
import type { Json, ResponseContext } from './types';
import { readAnthropicUsage, toOpenaiUsage } from './usage-map';

interface Assembled {
  text: string[];
  reasoning: string[];
  thinkingBlocks: Json[];
  toolCalls: Json[];
}

type BlockRule = (block: Json, into: Assembled, notes: NoteCollector) => void;

/** One row per Anthropic content block type. */
const BLOCK_RULES: Record<string, BlockRule> = {
  text: (block, into, notes) => {
    into.text.push(asString(block.text) ?? '');
    if (asArray(block.citations)?.length) notes.add(dropped('content[].citations'));
  },
  thinking: (block, into) => {
    const thinking = asString(block.thinking) ?? '';
    into.reasoning.push(thinking);
    into.thinkingBlocks.push({ type: 'thinking', thinking, signature: asString(block.signature) ?? '' });
  },
  redacted_thinking: (block, into) => {
    into.thinkingBlocks.push({ type: 'redacted_thinking', data: asString(block.data) ?? '' });
  },
  tool_use: (block, into) => {
    into.toolCalls.push({
      id: asString(block.id) ?? `call_sb_${into.toolCalls.length}`,
      type: 'function',
      function: { name: asString(block.name) ?? '', arguments: stringifyJson(block.input ?? {}) },
    });
  },
};

function assembleContent(content: unknown, notes: NoteCollector): Assembled {
  const into: Assembled = { text: [], reasoning: [], thinkingBlocks: [], toolCalls: [] };
  for (const raw of asArray(content) ?? []) {
    const block = asObject(raw);
    const type = asString(block?.type) ?? '';
    const rule = Object.hasOwn(BLOCK_RULES, type) ? BLOCK_RULES[type] : undefined;
    if (block && rule) rule(block, into, notes);
    // server_tool_use, web_search_tool_result, … are the server's own business: nothing to call.
    else notes.add(dropped('content[]', `block type ${type.slice(0, 40) || 'missing'}`));
  }
  return into;
}

export function anthropicResponseToOpenai(body: Record<string, unknown>, ctx: ResponseContext): Record<string, unknown> {
  const notes = collectNotes(ctx.notes);
  const src = asObject(body) ?? {};
  const parts = assembleContent(src.content, notes);
  const message: Json = {
    role: 'assistant',
    // OpenAI convention: content is null when the turn is only tool calls.
    content: parts.text.length === 0 && parts.toolCalls.length > 0 ? null : parts.text.join(''),
  };
  if (parts.reasoning.length > 0) message.reasoning_content = parts.reasoning.join('\n\n');
  if (parts.thinkingBlocks.length > 0) message.thinking_blocks = parts.thinkingBlocks;
  if (parts.toolCalls.length > 0) message.tool_calls = parts.toolCalls;
  const finishReason = anthropicStopToOpenai(src.stop_reason, (note) => notes.add(note));
  const result: Json = {
    id: toOpenaiCompletionId(src.id),
    object: 'chat.completion',
    created: ctx.created ?? 0,
    model: ctx.requestedModel,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage: toOpenaiUsage(readAnthropicUsage(src.usage)),
  };
  notes.flush();
  return result;
}
