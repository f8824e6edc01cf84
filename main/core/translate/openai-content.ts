// OpenAI message content (a string or an array of parts) -> Anthropic content blocks.
import { parseDataUrl } from './wire-values';
import { asObject, asString, isObject } from './json';
import { dropped } from './notes';
import type { NoteCollector } from './notes';
import type { Json } from './types';

const ANTHROPIC_IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function imageBlock(part: Json, where: string, notes: NoteCollector): Json | undefined {
  const image = asObject(part.image_url);
  const url = asString(image?.url) ?? asString(part.image_url);
  if (url === undefined) {
    notes.add(dropped(`${where}.image_url`, 'no url'));
    return undefined;
  }
  if (image && image.detail !== undefined && image.detail !== 'auto') notes.add(dropped(`${where}.image_url.detail`));
  if (url.startsWith('data:')) {
    const data = parseDataUrl(url);
    if (!data || !ANTHROPIC_IMAGE_TYPES.has(data.mediaType)) {
      notes.add(dropped(`${where}.image_url`, 'not a base64 jpeg, png, gif or webp data URL'));
      return undefined;
    }
    return { type: 'image', source: { type: 'base64', media_type: data.mediaType, data: data.base64 } };
  }
  return { type: 'image', source: { type: 'url', url } };
}

function fileBlock(part: Json, where: string, notes: NoteCollector): Json | undefined {
  const file = asObject(part.file) ?? {};
  const data = parseDataUrl(asString(file.file_data) ?? '');
  if (!data || data.mediaType !== 'application/pdf') {
    notes.add(dropped(`${where}.file`, 'only base64 PDF file_data maps to a document'));
    return undefined;
  }
  const block: Json = { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: data.base64 } };
  const filename = asString(file.filename);
  if (filename) block.title = filename;
  return block;
}

type PartRule = (part: Json, where: string, notes: NoteCollector) => Json | undefined;

/** One row per OpenAI content part type. */
const PART_RULES: Record<string, PartRule> = {
  text: (part, where, notes) => {
    const text = asString(part.text);
    if (text === undefined) notes.add(dropped(`${where}.text`, 'not a string'));
    return text === undefined ? undefined : { type: 'text', text };
  },
  refusal: (part) => {
    const text = asString(part.refusal);
    return text === undefined ? undefined : { type: 'text', text };
  },
  image_url: imageBlock,
  file: fileBlock,
};

/**
 * Content -> blocks. Empty and whitespace-only text is removed (Anthropic rejects it) with a note; a
 * caller that sent only whitespace gets an empty list and the message is skipped by the caller.
 */
export function openaiContentToBlocks(content: unknown, where: string, notes: NoteCollector): Json[] {
  const blocks: Json[] = [];
  if (content === undefined || content === null) return blocks;
  if (typeof content === 'string') {
    // '' is how OpenAI writes "no text" (next to tool calls): nothing to note.
    if (content !== '') blocks.push({ type: 'text', text: content });
  }
  else if (Array.isArray(content)) {
    for (const part of content) {
      if (!isObject(part)) {
        notes.add(dropped(`${where}[]`, 'not an object'));
        continue;
      }
      const type = asString(part.type) ?? '';
      const rule = Object.hasOwn(PART_RULES, type) ? PART_RULES[type] : undefined;
      if (!rule) {
        notes.add(dropped(`${where}[]`, `part type ${type.slice(0, 40) || 'missing'}`));
        continue;
      }
      const block = rule(part, `${where}[]`, notes);
      if (block) blocks.push(block);
    }
  } else notes.add(dropped(where, 'not a string or array'));
  return blocks.filter((block) => {
    if (block.type !== 'text' || (block.text as string).trim() !== '') return true;
    notes.add(`removed empty or whitespace-only text in ${where}`);
    return false;
  });
}

/** Text of system/developer content; non-text parts cannot live in Anthropic's system. */
export function openaiContentToText(content: unknown, where: string, notes: NoteCollector): string[] {
  return openaiContentToBlocks(content, where, notes).flatMap((block) => {
    if (block.type === 'text') return [block.text as string];
    notes.add(dropped(`${where}[]`, `${String(block.type)} in a system message`));
    return [];
  });
}
