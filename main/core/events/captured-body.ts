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

/** A kept reference may pin at most this much memory beyond the bytes it shows. */
const PIN_SLACK = 16 * 1024;

/** `onKept` hears how many bytes each append kept (for a bound on all captures together). */
export function createBodyBuffer(limit: number, contentType: string | null, sse: boolean, onKept?: (bytes: number) => void): BodyBuffer {
  return new CappedBody(Math.max(0, Math.floor(limit)), contentType, sse, onKept ?? null);
}

/** A class, not closures: two are made for every request, and shared methods cost one allocation each. */
class CappedBody implements BodyBuffer {
  readonly #parts: Array<Buffer | string> = [];
  #kept = 0;
  #total = 0;

  constructor(
    private readonly cap: number,
    private readonly contentType: string | null,
    private readonly sse: boolean,
    private readonly onKept: ((bytes: number) => void) | null,
  ) {}

  append(chunk: Buffer | string): void {
    const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    this.#total += length;
    const room = this.cap - this.#kept;
    if (room <= 0 || length === 0) return;
    if (length <= room && (typeof chunk === 'string' || chunk.buffer.byteLength <= length + PIN_SLACK)) {
      // Whole chunks that fit are kept by reference: the request path never reuses a buffer it handed
      // over (fresh request bodies, upstream chunks, strings), and copying was a large share of its cost.
      this.#parts.push(chunk);
      this.#kept += length;
      this.onKept?.(length);
      return;
    }
    // A UTF-8 char is at least one byte, so `room` chars always cover `room` bytes: never encode more
    // of a large string than can be kept.
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk.length > room ? chunk.slice(0, room) : chunk) : chunk;
    const take = Math.min(room, bytes.length);
    // A copy: a slice would pin all of a large body (or of a pooled slab) for as long as it is kept.
    this.#parts.push(Buffer.from(bytes.subarray(0, take)));
    this.#kept += take;
    this.onKept?.(take);
  }

  get totalBytes(): number {
    return this.#total;
  }

  view(scrub: (text: string, cut: boolean) => string): CapturedBody {
    const truncated = this.#total > this.#kept;
    const buffers = this.#parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
    // A cut inside a multi-byte character decodes to U+FFFD; acceptable for a preview.
    const text = Buffer.concat(buffers, this.#kept).toString('utf8');
    return { text: scrub(text, truncated), truncated, totalBytes: this.#total, contentType: this.contentType, sse: this.sse };
  }
}
