// Small value conversions between the dialects: ids and data URLs.
//
// Tool-call ids cross dialects unchanged when they can. Anthropic accepts only [A-Za-z0-9_-] in tool_use
// ids, and some OpenAI-compatible servers omit ids altogether, so ids are sanitised deterministically (the
// same input id always maps to the same output id, keeping tool_use and tool_result paired).
export function toAnthropicToolId(id: unknown, fallback: string): string {
  if (typeof id !== 'string' || id === '') return fallback;
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
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
