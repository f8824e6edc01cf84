// OpenAI `messages` -> Anthropic `system` + `messages`.
// - system/developer messages become `system` text (wherever they stood; a note says when one moved);
// - `tool` (and legacy `function`) messages become `tool_result` blocks in a user turn;
// - consecutive turns of one role merge (Anthropic wants alternation), tool results first in a user turn;
// - assistant `thinking_blocks` (the signed blocks our answers carry) come back as thinking blocks;
// - empty turns are skipped, and a final assistant prefill loses trailing whitespace (Anthropic rejects it).
import { toAnthropicToolId } from './wire-values';
import { asArray, asObject, asString, isObject, parseJson } from './json';
import { dropped } from './notes';
import type { NoteCollector } from './notes';
import { openaiContentToBlocks, openaiContentToText } from './openai-content';
import type { Json } from './types';

export interface AnthropicConversation {
  systemTexts: string[];
  messages: Array<{ role: 'user' | 'assistant'; content: Json[] }>;
}

interface Walk {
  notes: NoteCollector;
  /** tool call ids of the latest assistant turn not yet answered, for tool messages without an id */
  pendingToolIds: string[];
  /** counter for ids we have to invent */
  generated: number;
  /** legacy function_call ids by function name */
  legacyIds: Map<string, string>;
}

/** Keys of an OpenAI message we read; anything else gets a note. */
const MESSAGE_KEYS = new Set(['role', 'content', 'name', 'tool_calls', 'tool_call_id', 'function_call', 'refusal',
  'thinking_blocks', 'reasoning_content', 'reasoning']);

function thinkingBlocks(message: Json, walk: Walk): Json[] {
  const blocks: Json[] = [];
  for (const raw of asArray(message.thinking_blocks) ?? []) {
    const block = asObject(raw);
    if (block?.type === 'thinking' && typeof block.thinking === 'string' && typeof block.signature === 'string') {
      blocks.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    } else if (block?.type === 'redacted_thinking' && typeof block.data === 'string') {
      blocks.push({ type: 'redacted_thinking', data: block.data });
    } else walk.notes.add(dropped('messages[].thinking_blocks[]', 'not a signed thinking block'));
  }
  if (blocks.length === 0 && (typeof message.reasoning_content === 'string' || typeof message.reasoning === 'string')) {
    // Anthropic accepts thinking only with its signature; bare reasoning text cannot be sent back.
    walk.notes.add(dropped('messages[].reasoning_content', 'no signed thinking_blocks'));
  }
  return blocks;
}

function toolUse(id: string, name: unknown, args: unknown, walk: Walk): Json {
  let input: unknown = args;
  if (typeof args === 'string') input = args.trim() === '' ? {} : parseJson(args);
  if (!isObject(input)) {
    walk.notes.add(dropped('messages[].tool_calls[].function.arguments', 'not a JSON object'));
    input = {};
  }
  return { type: 'tool_use', id, name: asString(name) ?? '', input };
}

function assistantBlocks(message: Json, walk: Walk): Json[] {
  const blocks = thinkingBlocks(message, walk);
  blocks.push(...openaiContentToBlocks(message.content, 'messages[].content', walk.notes));
  if (typeof message.refusal === 'string' && message.refusal.trim() !== '') blocks.push({ type: 'text', text: message.refusal });
  const ids: string[] = [];
  for (const raw of asArray(message.tool_calls) ?? []) {
    const call = asObject(raw);
    const fn = asObject(call?.function);
    if (!call || !fn) {
      walk.notes.add(dropped('messages[].tool_calls[]', 'not a function call'));
      continue;
    }
    const id = toAnthropicToolId(call.id, '') || `toolu_sb_${walk.generated++}`;
    ids.push(id);
    blocks.push(toolUse(id, fn.name, fn.arguments, walk));
  }
  const legacy = asObject(message.function_call);
  if (legacy) {
    const id = `toolu_sb_${walk.generated++}`;
    walk.legacyIds.set(asString(legacy.name) ?? '', id);
    ids.push(id);
    blocks.push(toolUse(id, legacy.name, legacy.arguments, walk));
  }
  walk.pendingToolIds = ids;
  return blocks;
}

function toolResult(message: Json, walk: Walk): Json {
  let id: string;
  if (message.role === 'function') {
    const name = asString(message.name) ?? '';
    id = walk.legacyIds.get(name) ?? walk.pendingToolIds[0] ?? `toolu_sb_${walk.generated++}`;
    walk.legacyIds.delete(name);
  } else if (typeof message.tool_call_id === 'string' && message.tool_call_id !== '') {
    id = toAnthropicToolId(message.tool_call_id, '');
  } else {
    walk.notes.add('tool message without tool_call_id paired with the oldest unanswered tool call');
    id = walk.pendingToolIds[0] ?? `toolu_sb_${walk.generated++}`;
  }
  walk.pendingToolIds = walk.pendingToolIds.filter((pending) => pending !== id);
  const result: Json = { type: 'tool_result', tool_use_id: id };
  if (typeof message.content === 'string') result.content = message.content;
  else {
    const blocks = openaiContentToBlocks(message.content, 'messages[].content', walk.notes);
    if (blocks.length > 0) result.content = blocks;
  }
  return result;
}

function noteUnknownKeys(message: Json, walk: Walk): void {
  for (const key of Object.keys(message)) {
    if (!MESSAGE_KEYS.has(key)) walk.notes.add(dropped(`messages[].${key.slice(0, 40)}`));
  }
  if (message.name !== undefined && message.role !== 'function') walk.notes.add(dropped('messages[].name'));
}

export function openaiMessagesToAnthropic(messages: unknown[], notes: NoteCollector): AnthropicConversation {
  const walk: Walk = { notes, pendingToolIds: [], generated: 0, legacyIds: new Map() };
  const systemTexts: string[] = [];
  const turns: AnthropicConversation['messages'] = [];
  const push = (role: 'user' | 'assistant', content: Json[]) => {
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.content.push(...content);
    else turns.push({ role, content });
  };
  messages.forEach((raw, index) => {
    if (!isObject(raw)) {
      notes.add(dropped('messages[]', 'not an object'));
      return;
    }
    noteUnknownKeys(raw, walk);
    const role = raw.role;
    if (role === 'system' || role === 'developer') {
      if (turns.length > 0) notes.add(`moved the ${role} message at messages[${index}] into system`);
      systemTexts.push(...openaiContentToText(raw.content, 'messages[].content', notes));
      return;
    }
    let content: Json[];
    if (role === 'user') content = openaiContentToBlocks(raw.content, 'messages[].content', notes);
    else if (role === 'assistant') content = assistantBlocks(raw, walk);
    else if (role === 'tool' || role === 'function') content = [toolResult(raw, walk)];
    else {
      notes.add(dropped('messages[]', `role ${String(role).slice(0, 40)}`));
      return;
    }
    if (content.length === 0) {
      notes.add(`skipped an empty ${String(role)} message`);
      return;
    }
    push(role === 'assistant' ? 'assistant' : 'user', content);
  });
  for (const turn of turns) {
    // Anthropic: in a user turn, tool_result blocks come before any other content.
    if (turn.role === 'user') {
      turn.content = [...turn.content.filter((b) => b.type === 'tool_result'), ...turn.content.filter((b) => b.type !== 'tool_result')];
    }
  }
  trimFinalAssistant(turns, notes);
  return { systemTexts, messages: turns };
}

function trimFinalAssistant(turns: AnthropicConversation['messages'], notes: NoteCollector): void {
  const last = turns[turns.length - 1];
  const block = last?.role === 'assistant' ? last.content[last.content.length - 1] : undefined;
  if (!last || block?.type !== 'text') return;
  const text = block.text as string;
  const trimmed = text.trimEnd();
  if (trimmed === text) return;
  notes.add('trimmed trailing whitespace of the final assistant message');
  block.text = trimmed;
}
