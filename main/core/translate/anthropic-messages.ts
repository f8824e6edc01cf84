// Anthropic `system` + `messages` -> OpenAI `messages`.
// - `system` (string or blocks) becomes one leading system message; a `role:"system"` message inside
//   `messages` (Claude Code sends them) stays a system message where it stood;
// - `tool_result` blocks become `tool` messages placed right after the assistant turn that called them
//   (OpenAI requires that order); images inside a tool result move to a user message after the tool
//   messages; `is_error: true` prefixes the result text with "Error: " (OpenAI has no error flag);
// - assistant thinking is dropped with a note, or sent back as `reasoning_content` where the provider
//   wants it (quirks.echoReasoningContent).
import { anthropicBlocksToParts, anthropicSystemTexts, simplifyParts } from './anthropic-content';
import { asArray, asObject, asString, isObject, stringifyJson } from './json';
import { dropped } from './notes';
import type { NoteCollector } from './notes';
import type { ProviderQuirks } from './provider-quirks';
import type { Json } from './types';
import { splitToolId, toMistralToolId } from './wire-values';

export const TOOL_ERROR_PREFIX = 'Error: ';

/** A tool_use id as this provider takes it: the thought signature taken out, Mistral's id format. */
function providerToolId(anthropicId: string, quirks: ProviderQuirks): { id: string; signature: string | null } {
  const { id, signature } = splitToolId(anthropicId);
  return { id: quirks.toolIds === 'mistral' ? toMistralToolId(id) : id, signature };
}

function toolMessage(block: Json, notes: NoteCollector, images: Json[], quirks: ProviderQuirks): Json {
  let text: string;
  if (typeof block.content === 'string') text = block.content;
  else {
    const parts = anthropicBlocksToParts(asArray(block.content) ?? [], 'messages[].content[].content', notes);
    text = parts.filter((p) => p.type === 'text').map((p) => p.text as string).join('\n');
    const moved = parts.filter((p) => p.type !== 'text');
    if (moved.length > 0) {
      notes.add('moved images from a tool_result into the following user message');
      images.push(...moved);
    }
  }
  if (block.is_error === true) text = `${TOOL_ERROR_PREFIX}${text}`;
  if (block.cache_control !== undefined) notes.add(dropped('cache_control'));
  return { role: 'tool', tool_call_id: providerToolId(asString(block.tool_use_id) ?? '', quirks).id, content: text };
}

function userMessages(content: unknown, notes: NoteCollector, quirks: ProviderQuirks): Json[] {
  if (typeof content === 'string') {
    if (content !== '') return [{ role: 'user', content }];
    notes.add('skipped an empty user message');
    return [];
  }
  const blocks = asArray(content);
  if (!blocks) {
    notes.add(dropped('messages[].content', 'not a string or array'));
    return [];
  }
  const out: Json[] = [];
  const images: Json[] = [];
  const rest: unknown[] = [];
  for (const raw of blocks) {
    if (isObject(raw) && raw.type === 'tool_result') out.push(toolMessage(raw, notes, images, quirks));
    else rest.push(raw);
  }
  const parts = [...images, ...anthropicBlocksToParts(rest, 'messages[].content', notes)];
  if (parts.length > 0) out.push({ role: 'user', content: simplifyParts(parts) });
  return out;
}

function assistantMessage(content: unknown, notes: NoteCollector, quirks: ProviderQuirks): Json | undefined {
  if (typeof content === 'string') return content === '' ? undefined : { role: 'assistant', content };
  const text: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: Json[] = [];
  for (const raw of asArray(content) ?? []) {
    const block = asObject(raw);
    const type = asString(block?.type) ?? '';
    if (block?.cache_control !== undefined) notes.add(dropped('cache_control'));
    if (type === 'text' && typeof block?.text === 'string') {
      if (block.text !== '') text.push(block.text);
    }
    else if (type === 'tool_use' && block) {
      const { id, signature } = providerToolId(asString(block.id) ?? `call_sb_${toolCalls.length}`, quirks);
      const call: Json = { id, type: 'function', function: { name: asString(block.name) ?? '', arguments: stringifyJson(block.input ?? {}) } };
      if (signature !== null && quirks.thoughtSignatures) call.extra_content = { google: { thought_signature: signature } };
      toolCalls.push(call);
    } else if (type === 'thinking' && quirks.echoReasoningContent && typeof block?.thinking === 'string') {
      reasoning.push(block.thinking);
    } else if (type === 'thinking' || type === 'redacted_thinking') {
      notes.add(dropped('messages[].content[]', `${type} block: the provider cannot take it back`));
    } else notes.add(dropped('messages[].content[]', `block type ${type.slice(0, 40) || 'missing'}`));
  }
  if (text.length === 0 && toolCalls.length === 0) return undefined;
  const message: Json = { role: 'assistant', content: text.length === 0 ? null : text.join('') };
  if (reasoning.length > 0) message.reasoning_content = reasoning.join('\n\n');
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return message;
}

export function anthropicMessagesToOpenai(system: unknown, messages: unknown[], notes: NoteCollector, quirks: ProviderQuirks): Json[] {
  const out: Json[] = [];
  const systemTexts = anthropicSystemTexts(system, notes);
  if (systemTexts.length > 0) out.push({ role: 'system', content: systemTexts.join('\n\n') });
  for (const raw of messages) {
    const message = asObject(raw);
    if (!message) {
      notes.add(dropped('messages[]', 'not an object'));
      continue;
    }
    for (const key of Object.keys(message)) {
      if (key !== 'role' && key !== 'content') notes.add(dropped(`messages[].${key.slice(0, 40)}`));
    }
    if (message.role === 'user') out.push(...userMessages(message.content, notes, quirks));
    else if (message.role === 'assistant') {
      const assistant = assistantMessage(message.content, notes, quirks);
      if (assistant) out.push(assistant);
      else notes.add('skipped an empty assistant message');
    } else if (message.role === 'system') {
      const texts = anthropicSystemTexts(message.content, notes);
      if (texts.length > 0) out.push({ role: 'system', content: texts.join('\n\n') });
    } else notes.add(dropped('messages[]', `role ${String(message.role).slice(0, 40)}`));
  }
  return out;
}
