// How a captured body is shown: pretty JSON, an SSE transcript as a list of events (each data payload
// pretty-printed when it is JSON), or plain text. Pure, so the detail panel stays a thin view.
import type { CapturedBody } from '../../../shared/protocol/records';
import { createSseParser } from './sse-parser';
import { formatBytes } from './format';

export interface TranscriptEvent {
  event: string;
  data: string;
}

export type BodyView =
  | { kind: 'empty' }
  | { kind: 'json'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'sse'; events: TranscriptEvent[]; tail: string };

export function prettyJson(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}

export function bodyView(body: CapturedBody | null): BodyView {
  if (!body || body.text.length === 0) return { kind: 'empty' };
  if (body.sse) {
    const parser = createSseParser();
    const items = parser.push(body.text);
    const events: TranscriptEvent[] = [];
    for (const item of items) {
      if (item.kind !== 'message') continue;
      events.push({ event: item.event, data: prettyJson(item.data) ?? item.data });
    }
    // a capped transcript ends mid-event: keep what was cut as raw text instead of hiding it
    const consumed = lastCompleteEventEnd(body.text);
    return { kind: 'sse', events, tail: body.text.slice(consumed).trim() };
  }
  const json = prettyJson(body.text);
  return json === null ? { kind: 'text', text: body.text } : { kind: 'json', text: json };
}

function lastCompleteEventEnd(text: string): number {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (normalised.length !== text.length) return text.length; // exotic line endings: show no tail
  const end = normalised.lastIndexOf('\n\n');
  return end === -1 ? 0 : end + 2;
}

/** The "size-capped" note: null when the whole body was captured. */
export function capNote(body: CapturedBody | null): string | null {
  if (!body || !body.truncated) return null;
  const shown = new TextEncoder().encode(body.text).length;
  return `Showing the first ${formatBytes(shown)} of ${formatBytes(body.totalBytes)} (capture limit).`;
}
