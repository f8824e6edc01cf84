// A body kept for the detail panel: at most `limit` bytes are copied (the rest is only counted), and the
// text is decoded and scrubbed when someone looks, not on the request path.
import type { CapturedBody } from '../../../shared/protocol/records';

export interface BodyBuffer {
  /** counts every byte; copies only what still fits under the limit */
  append(chunk: Buffer | string): void;
  readonly totalBytes: number;
  /** decoded text passed through `scrub` (secrets out); `cut` says the text stops at the cap */
  view(scrub: (text: string, cut: boolean) => string): CapturedBody;
}

export function isEventStream(contentType: string | null | undefined): boolean {
  return typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/event-stream');
}

export function createBodyBuffer(limit: number, contentType: string | null, sse: boolean): BodyBuffer {
  const cap = Math.max(0, Math.floor(limit));
  const parts: Buffer[] = [];
  let kept = 0;
  let total = 0;

  return {
    append(chunk) {
      const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      total += length;
      const room = cap - kept;
      if (room <= 0 || length === 0) return;
      // A UTF-8 char is at least one byte, so `room` chars always cover `room` bytes: never encode more
      // of a large string than can be kept.
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk.length > room ? chunk.slice(0, room) : chunk) : chunk;
      const take = Math.min(room, bytes.length);
      // Always a copy: the caller's buffer may be reused, and a slice would pin all of a 150 KB body.
      parts.push(Buffer.from(bytes.subarray(0, take)));
      kept += take;
    },
    get totalBytes() {
      return total;
    },
    view(scrub) {
      const truncated = total > kept;
      // A cut inside a multi-byte character decodes to U+FFFD; acceptable for a preview.
      const text = Buffer.concat(parts, kept).toString('utf8');
      return { text: scrub(text, truncated), truncated, totalBytes: total, contentType, sse };
    },
  };
}
