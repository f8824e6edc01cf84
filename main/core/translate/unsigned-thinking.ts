// Thinking blocks that came from an OpenAI-compatible model's reasoning (translated by us, so signed by
// nobody: signature "") are fine to show and to send back to that kind of model, but Anthropic checks
// every thinking block's signature and rejects the whole request for one it did not sign. So on the way
// to an Anthropic model they are dropped, and the caller's conversation still goes through.
import { asArray, isObject } from './json';
import type { Json } from './types';

/** Messages without unsigned thinking blocks, and how many were dropped; null when there were none. */
export function withoutUnsignedThinking(messages: unknown): { messages: Json[]; dropped: number } | null {
  const list = asArray(messages);
  if (!list) return null;
  let dropped = 0;
  const out = list.map((message) => {
    if (!isObject(message) || message.role !== 'assistant') return message;
    const content = asArray(message.content);
    if (!content || !content.some(isUnsigned)) return message;
    const kept = content.filter((block) => !isUnsigned(block));
    dropped += content.length - kept.length;
    // an assistant turn must keep some content; its reasoning is what was removed
    return { ...message, content: kept.length > 0 ? kept : [{ type: 'text', text: '(reasoning omitted)' }] };
  });
  return dropped === 0 ? null : { messages: out as Json[], dropped };
}

function isUnsigned(block: unknown): boolean {
  return isObject(block) && block.type === 'thinking' && (typeof block.signature !== 'string' || block.signature === '');
}
