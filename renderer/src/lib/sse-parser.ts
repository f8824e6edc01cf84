// Incremental parser for text/event-stream (WHATWG HTML "event stream interpretation"). We read the
// admin event stream with fetch() so the admin token travels in a header; EventSource cannot send one.
// Chunks may split anywhere, including between "\r" and "\n", so the parser keeps the partial line.

export interface SseMessage {
  kind: 'message';
  id: string | null;
  event: string;
  data: string;
}

export interface SseComment {
  kind: 'comment';
  text: string;
}

export type SseItem = SseMessage | SseComment;

export interface SseParser {
  /** Feeds decoded text; returns the complete messages and comments it finished. */
  push(chunk: string): SseItem[];
}

export function createSseParser(): SseParser {
  let partial = '';
  let skipLeadingLf = false;
  let data: string[] = [];
  let event = '';
  let id: string | null = null;

  function line(text: string, out: SseItem[]): void {
    if (text === '') {
      if (data.length > 0) out.push({ kind: 'message', id, event: event || 'message', data: data.join('\n') });
      data = [];
      event = '';
      id = null;
      return;
    }
    if (text.startsWith(':')) {
      out.push({ kind: 'comment', text: text.slice(1).trimStart() });
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  return {
    push(chunk) {
      const out: SseItem[] = [];
      let text = chunk;
      if (skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
      skipLeadingLf = false;
      let buffer = partial + text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== '\n' && ch !== '\r') continue;
        line(buffer.slice(start, i), out);
        if (ch === '\r') {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      partial = buffer;
      return out;
    },
  };
}
