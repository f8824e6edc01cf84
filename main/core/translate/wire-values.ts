// Small value conversions between the dialects: ids and data URLs.
//
// Tool-call ids cross dialects unchanged when they can. Anthropic accepts only [A-Za-z0-9_-] in tool_use
// ids, and some OpenAI-compatible servers omit ids altogether, so ids are sanitised deterministically (the
// same input id always maps to the same output id, keeping tool_use and tool_result paired).
export function toAnthropicToolId(id: unknown, fallback: string): string {
  if (typeof id !== 'string' || id === '') return fallback;
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

// Gemini's OpenAI-compatible endpoint signs each tool call (`extra_content.google.thought_signature`)
// and rejects the next turn without it. An Anthropic client keeps only the tool_use id, so the signature
// rides inside the id (its text as base64url: characters Anthropic accepts, exact both ways) and comes out again on the way back.
const SIGNATURE_MARK = '__tsig_';

/** The tool_use id for an OpenAI tool call, carrying its Gemini thought signature when there is one. */
export function withThoughtSignature(anthropicId: string, call: Record<string, unknown>): string {
  const extra = call.extra_content as { google?: { thought_signature?: unknown } } | undefined;
  const signature = extra?.google?.thought_signature;
  if (typeof signature !== 'string' || signature === '') return anthropicId;
  return `${anthropicId}${SIGNATURE_MARK}${Buffer.from(signature, 'utf8').toString('base64url')}`;
}

/** An Anthropic tool_use id split into the provider's id and the thought signature it carried. */
export function splitToolId(id: string): { id: string; signature: string | null } {
  const at = id.indexOf(SIGNATURE_MARK);
  if (at === -1) return { id, signature: null };
  return { id: id.slice(0, at), signature: Buffer.from(id.slice(at + SIGNATURE_MARK.length), 'base64url').toString('utf8') };
}

// Mistral accepts only tool-call ids of exactly 9 characters [a-zA-Z0-9]: other ids are hashed
// (FNV-1a, 64 bit) into 9 base62 characters, the same input always giving the same id.
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function toMistralToolId(id: string): string {
  if (/^[A-Za-z0-9]{9}$/.test(id)) return id;
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(id, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  let out = '';
  for (let i = 0; i < 9; i += 1) {
    out += BASE62[Number(hash % 62n)];
    hash /= 62n;
  }
  return out;
}

/** An Anthropic message id from an OpenAI completion id: keeps it recognisable in both logs. */
export function toAnthropicMessageId(id: unknown): string {
  if (typeof id !== 'string' || id === '') return 'msg_switchboard';
  return id.startsWith('msg_') ? id : `msg_${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function toOpenaiCompletionId(id: unknown): string {
  if (typeof id !== 'string' || id === '') return 'chatcmpl-switchboard';
  return id.startsWith('chatcmpl') ? id : `chatcmpl-${id}`;
}

// data: URLs carry images and files in OpenAI content parts; Anthropic wants media type and base64 apart.
export interface DataUrl {
  mediaType: string;
  base64: string;
}

/** Parses `data:<type>[;param]*;base64,<data>`; plain (non-base64) data URLs are not accepted. */
export function parseDataUrl(url: string): DataUrl | undefined {
  if (!url.startsWith('data:')) return undefined;
  const comma = url.indexOf(',');
  if (comma === -1) return undefined;
  const meta = url.slice(5, comma).split(';');
  if (meta[meta.length - 1]?.toLowerCase() !== 'base64') return undefined;
  const mediaType = (meta[0] ?? '').trim().toLowerCase();
  return { mediaType: mediaType === '' ? 'application/octet-stream' : mediaType, base64: url.slice(comma + 1) };
}

export function toDataUrl(mediaType: string, base64: string): string {
  return `data:${mediaType};base64,${base64}`;
}
