// Splits an SSE byte stream into whole events without decoding it, so pass-through streams forward the
// upstream's exact bytes event by event (never half an event: a mid-stream error must start on a clean
// event boundary) at the cost of a byte scan.

import { GatewayError } from '../../../shared/errors';

const LF = 0x0a;
const CR = 0x0d;

/** Default cap on one event (switchboard.upstream.max_sse_event_bytes). */
export const DEFAULT_MAX_SSE_EVENT_BYTES = 1024 * 1024;

/** The error a stream ends with when one upstream event grows past the cap. */
export function eventTooLarge(maxBytes: number): GatewayError {
  return new GatewayError(
    'STREAM_EVENT_TOO_LARGE',
    `Upstream sent a stream event larger than ${maxBytes} bytes (switchboard.upstream.max_sse_event_bytes); the stream was stopped`,
  );
}

export interface SseSplitter {
  /**
   * returns the complete events (each with its terminating blank line) this chunk finished; throws
   * STREAM_EVENT_TOO_LARGE when the unfinished event grows past the cap, so an upstream that never sends
   * a boundary cannot make us hold its whole body
   */
  push(chunk: Buffer): Buffer[];
  /** whatever is left without a terminating blank line */
  rest(): Buffer | null;
}

export function createSseSplitter(maxEventBytes = DEFAULT_MAX_SSE_EVENT_BYTES): SseSplitter {
  let pending: Buffer | null = null;
  return {
    push(chunk) {
      const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
      const events: Buffer[] = [];
      let start = 0;
      // resume the scan just before the old tail so a boundary split across chunks is found
      let i = pending ? Math.max(0, pending.length - 3) : 0;
      for (; i < buf.length; i++) {
        if (buf[i] !== LF) continue;
        const end = boundaryEnd(buf, i);
        if (end > 0) {
          events.push(buf.subarray(start, end));
          start = end;
          i = end - 1;
        }
      }
      pending = start < buf.length ? buf.subarray(start) : null;
      if (pending && pending.length > maxEventBytes) {
        pending = null;
        throw eventTooLarge(maxEventBytes);
      }
      return events;
    },
    rest() {
      const out = pending;
      pending = null;
      return out && out.length > 0 ? out : null;
    },
  };
}

/** If the LF at `i` ends a blank line ("\n\n", "\n\r\n", "\r\n\r\n"), the index after it; else -1. */
function boundaryEnd(buf: Buffer, i: number): number {
  const next = buf[i + 1];
  if (next === LF) return i + 2;
  if (next === CR && buf[i + 2] === LF) return i + 3;
  return -1;
}

/** The `data:` payload of one raw event (multi-line data joined by "\n"), or null. */
export function sseData(event: Buffer | string): string | null {
  const text = typeof event === 'string' ? event : event.toString('utf8');
  let data: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('data:')) continue;
    const value = line.charCodeAt(5) === 0x20 ? line.slice(6) : line.slice(5);
    data = data === null ? value : `${data}\n${value}`;
  }
  return data;
}

/**
 * A stream's last bytes that lack their blank line: returned completed (with the blank line) when they
 * are the stream's own end (`[DONE]`, `message_stop`, an in-band error) in whole, parseable form, so a
 * provider that omits the final blank line still ends properly; null for a torn event, which must never
 * reach the caller (an SDK would glue it to the next event and parse neither).
 */
export function completeFinalEvent(rest: Buffer, isTerminator: (data: string) => boolean): Buffer | null {
  const data = sseData(rest);
  if (data === null || !isTerminator(data)) return null;
  if (data !== '[DONE]') {
    try {
      JSON.parse(data);
    } catch {
      return null;
    }
  }
  const text = rest.toString('utf8');
  const tail = text.endsWith('\n') || text.endsWith('\r') ? '\n' : '\n\n';
  return Buffer.concat([rest, Buffer.from(tail)]);
}
