// A body kept for the detail panel: at most `limit` bytes are copied into the captures' ring (the rest
// is only counted), and the text is decoded and scrubbed when someone looks, not on the request path.
import type { CapturedBody } from '../../../shared/protocol/records';
import { CaptureRing } from './capture-ring';

export interface BodyBuffer {
  /** counts every byte; copies only what still fits under the limit */
  append(chunk: Buffer | string): void;
  readonly totalBytes: number;
  /** decoded text passed through `scrub` (secrets out); `cut` says the text stops at the cap */
  view(scrub: (text: string, cut: boolean) => string): CapturedBody;
}

/** The capture a body belongs to: once dropped, the bytes its request still sends are only counted. */
export interface CaptureOwner {
  readonly dropped: boolean;
}

/** Where a body's bytes go, and who hears what each write kept (for the bound on all captures). */
export interface CaptureSink {
  readonly ring: CaptureRing;
  kept(owner: CaptureOwner, pos: number, bytes: number): void;
}

export function isEventStream(contentType: string | null | undefined): boolean {
  return typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/event-stream');
}

/** A body of its own (tests, tools): a ring just large enough for it. */
export function createBodyBuffer(limit: number, contentType: string | null, sse: boolean): BodyBuffer {
  const cap = Math.max(0, Math.floor(limit));
  const ring = new CaptureRing(Math.max(1, cap), () => 0);
  return new CappedBody(cap, contentType, sse, { ring, kept: () => undefined }, null);
}

/** A body written into a store's ring on behalf of `owner`. */
export function createCapturedBody(limit: number, contentType: string | null, sink: CaptureSink, owner: CaptureOwner): BodyBuffer {
  return new CappedBody(Math.max(0, Math.floor(limit)), contentType, isEventStream(contentType), sink, owner);
}

/** A class, not closures: two are made for every request, and shared methods cost one allocation each. */
class CappedBody implements BodyBuffer {
  /** where the kept bytes are in the ring: [position, length] pairs, adjacent runs merged */
  #spans: number[] = [];
  #kept = 0;
  #total = 0;

  constructor(
    private readonly cap: number,
    private readonly contentType: string | null,
    private readonly sse: boolean,
    private readonly sink: CaptureSink,
    private readonly owner: CaptureOwner | null,
  ) {}

  append(chunk: Buffer | string): void {
    const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    this.#total += length;
    const room = this.cap - this.#kept;
    if (room <= 0 || length === 0 || this.owner?.dropped) return;
    let take = length;
    let bytes = chunk;
    if (length > room) {
      // A UTF-8 char is at least one byte, so `room` chars always cover `room` bytes: never encode more
      // of a large string than can be kept. The cut may split a character (it decodes to U+FFFD).
      if (typeof chunk === 'string') bytes = Buffer.from(chunk.length > room ? chunk.slice(0, room) : chunk, 'utf8');
      take = Math.min(room, bytes.length);
    }
    // Copied, never kept by reference: a reference kept the request's own buffer alive for as long
    // as the capture, which is what made captures expensive for the garbage collector.
    const pos = this.sink.ring.write(bytes, take);
    const spans = this.#spans;
    const last = spans.length - 2;
    if (last >= 0 && spans[last]! + spans[last + 1]! === pos) spans[last + 1]! += take;
    else spans.push(pos, take);
    this.#kept += take;
    if (this.owner) this.sink.kept(this.owner, pos, take);
  }

  get totalBytes(): number {
    return this.#total;
  }

  view(scrub: (text: string, cut: boolean) => string): CapturedBody {
    const ring = this.sink.ring;
    const spans = this.#spans;
    const lost = spans.length > 0 && !ring.intact(spans[0]!);
    const truncated = lost || this.#total > this.#kept;
    let text = '';
    if (!lost && this.#kept > 0) {
      const out = Buffer.allocUnsafe(this.#kept);
      let offset = 0;
      for (let i = 0; i < spans.length; i += 2) {
        ring.read(spans[i]!, spans[i + 1]!, out, offset);
        offset += spans[i + 1]!;
      }
      text = out.toString('utf8');
    }
    return { text: scrub(text, truncated), truncated, totalBytes: this.#total, contentType: this.contentType, sse: this.sse };
  }
}
