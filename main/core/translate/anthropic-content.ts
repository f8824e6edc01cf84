// Anthropic content blocks -> OpenAI content parts (user turns and tool results).
import { toDataUrl } from './wire-values';
import { asArray, asObject, asString, isObject } from './json';
import { dropped } from './notes';
import type { NoteCollector } from './notes';
import type { Json } from './types';

function imagePart(block: Json, where: string, notes: NoteCollector): Json | undefined {
  const source = asObject(block.source) ?? {};
  if (source.type === 'base64' && typeof source.data === 'string') {
    return { type: 'image_url', image_url: { url: toDataUrl(asString(source.media_type) ?? 'image/png', source.data) } };
  }
  if (source.type === 'url' && typeof source.url === 'string') return { type: 'image_url', image_url: { url: source.url } };
  notes.add(dropped(`${where}.source`, `image source ${String(source.type).slice(0, 20)}`));
  return undefined;
}

function documentPart(block: Json, where: string, notes: NoteCollector): Json | undefined {
  const source = asObject(block.source) ?? {};
  if (source.type === 'text' && typeof source.data === 'string') return { type: 'text', text: source.data };
  if (source.type === 'base64' && source.media_type === 'application/pdf' && typeof source.data === 'string') {
    const file: Json = { file_data: toDataUrl('application/pdf', source.data) };
    file.filename = asString(block.title) ?? 'document.pdf';
    return { type: 'file', file };
  }
  if (source.type === 'content') {
    const texts = (asArray(source.content) ?? []).flatMap((b) => (isObject(b) && typeof b.text === 'string' ? [b.text] : []));
    return { type: 'text', text: texts.join('\n') };
  }
  notes.add(dropped(`${where}.source`, `document source ${String(source.type).slice(0, 20)}`));
  return undefined;
}

type BlockRule = (block: Json, where: string, notes: NoteCollector) => Json | undefined;

/** One row per Anthropic block type that can sit in a user turn or a tool result. */
const USER_BLOCK_RULES: Record<string, BlockRule> = {
  text: (block) => (typeof block.text === 'string' ? { type: 'text', text: block.text } : undefined),
  image: imagePart,
  document: documentPart,
};

/**
 * Blocks -> parts. Block-level `cache_control` and `citations` have no OpenAI field; they are noted once.
 * `tool_result` blocks are not handled here (they become `tool` messages).
 */
export function anthropicBlocksToParts(blocks: unknown[], where: string, notes: NoteCollector): Json[] {
  const parts: Json[] = [];
  for (const raw of blocks) {
    const block = asObject(raw);
    const type = asString(block?.type) ?? '';
    const rule = Object.hasOwn(USER_BLOCK_RULES, type) ? USER_BLOCK_RULES[type] : undefined;
    if (!block || !rule) {
      notes.add(dropped(`${where}[]`, `block type ${type.slice(0, 40) || 'missing'}`));
      continue;
    }
    if (block.cache_control !== undefined) notes.add(dropped('cache_control'));
    if (block.citations !== undefined && block.citations !== null) notes.add(dropped(`${where}[].citations`));
    const part = rule(block, `${where}[]`, notes);
    if (part) parts.push(part);
  }
  return parts;
}

/** Text of an Anthropic `system` (string or text blocks). */
export function anthropicSystemTexts(system: unknown, notes: NoteCollector): string[] {
  if (typeof system === 'string') return system === '' ? [] : [system];
  if (!Array.isArray(system)) {
    if (system !== undefined && system !== null) notes.add(dropped('system', 'not a string or array'));
    return [];
  }
  const texts: string[] = [];
  for (const raw of system) {
    const block = asObject(raw);
    if (block?.type === 'text' && typeof block.text === 'string') {
      if (block.cache_control !== undefined) notes.add(dropped('cache_control'));
      texts.push(block.text);
    } else notes.add(dropped('system[]', 'not a text block'));
  }
  return texts;
}

/** A user message's content in its simplest OpenAI form: a string when it is a single text part. */
export function simplifyParts(parts: Json[]): string | Json[] {
  const only = parts[0];
  return parts.length === 1 && only?.type === 'text' && typeof only.text === 'string' ? only.text : parts;
}
