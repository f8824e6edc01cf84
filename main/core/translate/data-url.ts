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
