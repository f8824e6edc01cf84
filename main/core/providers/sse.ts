// Server-sent events, both directions. Parsing follows the WHATWG event-stream rules (LF, CRLF or lone CR
// line ends; `field: value` with one optional space; multi-line data joined by LF; comments start with ':')
// but also keeps the exact text of every event, so a same-dialect pass-through forwards upstream bytes
// untouched while still seeing event names (usage accounting, error detection).
//
// Deliberate departures from the browser algorithm, because a gateway is not a browser:
// - a final event without its terminating blank line is still yielded (providers cut streams short and
//   the translators must see the last event to end the caller's stream properly);
// - blocks holding only comments (`: keep-alive`, OpenRouter's `: OPENROUTER PROCESSING`) or only
//   id/retry lines are yielded too, with `comment: true`, `event: null` and `data: ''`, so a
//   pass-through forwards keep-alives as they come instead of holding them back. Translators skip them
//   (they skip any event whose data is empty).
// - `id:` and `retry:` are not interpreted (no reconnection here); they stay in `raw`.

import { DEFAULT_MAX_SSE_EVENT_BYTES, eventTooLarge } from './sse-splitter';

/** One server-sent event. `event` is null when the block had no `event:` line. */
export interface SseEvent {
  event: string | null;
  data: string;
}

export interface ParsedSseEvent extends SseEvent {
  /** The exact text of the block including its terminating blank line (absent only at end of stream). */
  raw: string;
  /** true for blocks without any `data:` line (comments, keep-alives): nothing to dispatch. */
  comment?: boolean;
}

interface BlockState {
  event: string | null;
  dataLines: string[];
  sawData: boolean;
}

// A block's text always starts at buffer[0]: consumed text is dropped after each block.
function newBlock(): BlockState {
  return { event: null, dataLines: [], sawData: false };
}

function applyLine(block: BlockState, line: string): void {
  if (line.startsWith(':')) return;
  const colon = line.indexOf(':');
  const field = colon === -1 ? line : line.slice(0, colon);
  let value = colon === -1 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  if (field === 'event') block.event = value;
  else if (field === 'data') {
    block.dataLines.push(value);
    block.sawData = true;
  }
}

function finish(block: BlockState, raw: string): ParsedSseEvent {
  if (!block.sawData) return { event: null, data: '', raw, comment: true };
  return { event: block.event === '' ? null : block.event, data: block.dataLines.join('\n'), raw };
}

/**
 * Parse a byte or text stream into events. Chunk boundaries may fall anywhere, including inside a UTF-8
 * sequence or between the CR and LF of a CRLF. Invalid UTF-8 becomes U+FFFD (so `raw` is then not
 * byte-identical; providers send valid UTF-8). A leading byte-order mark is dropped, as the spec says.
 * An unfinished event longer than `maxEventBytes` throws STREAM_EVENT_TOO_LARGE instead of growing.
 */
export async function* parseSse(
  chunks: AsyncIterable<Uint8Array | string>,
  maxEventBytes = DEFAULT_MAX_SSE_EVENT_BYTES,
): AsyncIterable<ParsedSseEvent> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let pos = 0; // start of the next unread line in `buffer`
  let scan = 0; // where the search for a line end resumes (no rescans of a long partial line)
  let block = newBlock();
  let first = true;

  const drain = function* (final: boolean): Generator<ParsedSseEvent> {
    for (;;) {
      let end = -1;
      let next = -1;
      for (let i = Math.max(pos, scan); i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c === 10) { end = i; next = i + 1; break; }
        if (c === 13) {
          // A CR as the last character may be the first half of CRLF split across chunks.
          if (i + 1 >= buffer.length && !final) { scan = i; return; }
          end = i;
          next = buffer.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
          break;
        }
      }
      if (end === -1) { scan = buffer.length; return; }
      const line = buffer.slice(pos, end);
      pos = next;
      scan = next;
      if (line === '') {
        yield finish(block, buffer.slice(0, pos));
        // Drop consumed text so the buffer holds at most one event.
        buffer = buffer.slice(pos);
        pos = 0;
        scan = 0;
        block = newBlock();
      } else {
        applyLine(block, line);
      }
    }
  };

  for await (const chunk of chunks) {
    // A string after bytes: flush what the decoder holds first so the text stays in order.
    let text = typeof chunk === 'string' ? decoder.decode() + chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    buffer += text;
    yield* drain(false);
    // the buffer now holds only the unfinished event; counted in UTF-16 units, which never exceed bytes
    if (buffer.length > maxEventBytes) throw eventTooLarge(maxEventBytes);
  }
  buffer += decoder.decode();
  yield* drain(true);
  // The stream ended inside a block: apply its unterminated last line and yield what there is.
  if (pos < buffer.length) applyLine(block, buffer.slice(pos));
  if (buffer.length > 0) yield finish(block, buffer);
}

function singleLine(value: string): string {
  return value.replace(/[\r\n]/g, ' ');
}

/** Serialize one event: `event: x\ndata: …\n\n`; no event line when `event` is null; data split on line ends. */
export function formatSse(event: SseEvent): string {
  const head = event.event === null ? '' : `event: ${singleLine(event.event)}\n`;
  const data = event.data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`).join('');
  return `${head}${data}\n`;
}
