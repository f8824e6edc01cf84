// OpenAI chat.completion -> Anthropic Message.
// Reasoning text (`reasoning_content`: DeepSeek, vLLM, LiteLLM; `reasoning`: OpenRouter, Ollama) becomes
// a thinking block with an empty signature: OpenAI-compatible providers sign nothing, and the block is
// dropped again (or echoed as reasoning_content, per provider) when the caller sends it back.
import { toAnthropicMessageId, toAnthropicToolId, withThoughtSignature } from './wire-values';
import { asArray, asObject, asString, isObject, parseJson } from './json';
import { collectNotes, dropped } from './notes';
import type { NoteCollector } from './notes';
import { openaiFinishToAnthropic } from './stop-reasons';
import type { Json, ResponseContext } from './types';
import { readOpenaiUsage, toAnthropicUsage } from './usage-map';

export function reasoningText(source: Json): string | undefined {
  const text = asString(source.reasoning_content) ?? asString(source.reasoning);
  return text === undefined || text === '' ? undefined : text;
}

/** Text of OpenAI message content: a string, or text parts (some servers answer with parts). */
function contentText(content: unknown, notes: NoteCollector): string {
  if (typeof content === 'string') return content;
  const parts = asArray(content);
  if (!parts) return '';
  return parts.map((part) => {
    if (isObject(part) && typeof part.text === 'string') return part.text;
    notes.add(dropped('choices[].message.content[]', 'not a text part'));
    return '';
  }).join('');
}

function toolInput(args: unknown, notes: NoteCollector): Json {
  if (isObject(args)) return args; // a few servers send the object itself
  if (typeof args === 'string' && args.trim() === '') return {};
  const parsed = typeof args === 'string' ? parseJson(args) : undefined;
  if (isObject(parsed)) return parsed;
  notes.add(dropped('tool_calls[].function.arguments', 'not a JSON object'));
  return {};
}

function messageContent(message: Json, notes: NoteCollector): Json[] {
  const blocks: Json[] = [];
  const reasoning = reasoningText(message);
  if (reasoning !== undefined) blocks.push({ type: 'thinking', thinking: reasoning, signature: '' });
  const text = contentText(message.content, notes);
  if (text !== '') blocks.push({ type: 'text', text });
  if (typeof message.refusal === 'string' && message.refusal !== '') blocks.push({ type: 'text', text: message.refusal });
  asArray(message.tool_calls)?.forEach((raw, index) => {
    const call = asObject(raw);
    const fn = asObject(call?.function);
    if (!call || !fn) {
      notes.add(dropped('tool_calls[]', 'not a function call'));
      return;
    }
    blocks.push({ type: 'tool_use', id: withThoughtSignature(toAnthropicToolId(call.id, `toolu_sb_${index}`), call), name: asString(fn.name) ?? '', input: toolInput(fn.arguments, notes) });
  });
  const legacy = asObject(message.function_call);
  if (legacy) blocks.push({ type: 'tool_use', id: 'toolu_sb_legacy', name: asString(legacy.name) ?? '', input: toolInput(legacy.arguments, notes) });
  if (asArray(message.annotations)?.length) notes.add(dropped('choices[].message.annotations'));
  if (message.audio !== undefined && message.audio !== null) notes.add(dropped('choices[].message.audio'));
  return blocks;
}

export function openaiResponseToAnthropic(body: Record<string, unknown>, ctx: ResponseContext): Record<string, unknown> {
  const notes = collectNotes(ctx.notes);
  const src = asObject(body) ?? {};
  const choices = asArray(src.choices) ?? [];
  if (choices.length > 1) notes.add(dropped('choices[]', 'only the first choice is kept'));
  const choice = asObject(choices[0]) ?? {};
  const content = messageContent(asObject(choice.message) ?? {}, notes);
  const sawTools = content.some((block) => block.type === 'tool_use');
  const result: Json = {
    id: toAnthropicMessageId(src.id),
    type: 'message',
    role: 'assistant',
    model: ctx.requestedModel,
    content,
    stop_reason: openaiFinishToAnthropic(choice.finish_reason, sawTools, (note) => notes.add(note)),
    stop_sequence: null,
    usage: toAnthropicUsage(readOpenaiUsage(src.usage) ?? { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 }),
  };
  if (choice.logprobs !== undefined && choice.logprobs !== null) notes.add(dropped('choices[].logprobs'));
  notes.flush();
  return result;
}
