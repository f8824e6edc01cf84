// The bytes of every captured body, in one buffer used as a ring. Keeping each body as its own Buffer
// made every request leave two ArrayBuffers behind for as long as its capture lived; V8 promotes them
// and frees their memory only in a full mark-compact, which at 100 KB bodies ran every ~45 requests and
// cost more CPU than the rest of the request (bench/README.md, issue 14 round 2).
//
// Bytes are addressed by their position in everything ever written (a number that only grows), so a
// span written at `pos` is still intact while `pos >= written - capacity`; nothing has to be told when
// it is overwritten. The ring starts small and doubles, up to `maxBytes`, whenever a write would
// overwrite bytes that are still wanted, and halves again once what is wanted fits in a quarter of it:
// a gateway that sees small requests holds little, one that sees large ones holds at most `maxBytes`,
// and a burst of large ones does not keep its memory afterwards.

const INITIAL_BYTES = 64 * 1024;

export class CaptureRing {
  #buf: Buffer | null = null;
  #written = 0;

  /** `oldestWanted()`: the position of the oldest byte still wanted (the oldest live capture's first) */
  constructor(
    readonly maxBytes: number,
    private readonly oldestWanted: () => number,
  ) {}

  /** bytes ever written; the position the next byte goes to */
  get written(): number {
    return this.#written;
  }

  get capacity(): number {
    return this.#buf?.length ?? 0;
  }

  /** whether the span starting at `pos` has not been overwritten */
  intact(pos: number): boolean {
    return pos >= this.#written - this.capacity;
  }

  /**
   * Appends the first `byteLength` bytes of `chunk` (at most `maxBytes`: the caller caps) and returns
   * the position of the first. A string must encode to exactly `byteLength` bytes; it is encoded
   * straight into the ring, unless it crosses the ring's end.
   */
  write(chunk: Buffer | string, byteLength: number): number {
    const pos = this.#written;
    if (byteLength === 0) return pos;
    const buf = this.#room(byteLength);
    const at = pos % buf.length;
    const tail = buf.length - at;
    if (byteLength <= tail) {
      if (typeof chunk === 'string') buf.write(chunk, at, byteLength, 'utf8');
      else chunk.copy(buf, at, 0, byteLength);
    } else {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      bytes.copy(buf, at, 0, tail);
      bytes.copy(buf, 0, tail, byteLength);
    }
    this.#written = pos + byteLength;
    return pos;
  }

  /** copies `length` bytes from `pos` into `target` at `offset` (the caller checked `intact`) */
  read(pos: number, length: number, target: Buffer, offset: number): void {
    const buf = this.#buf;
    if (!buf || length === 0) return;
    const at = pos % buf.length;
    const tail = buf.length - at;
    if (length <= tail) buf.copy(target, offset, at, at + length);
    else {
      buf.copy(target, offset, at, buf.length);
      buf.copy(target, offset + tail, 0, length - tail);
    }
  }

  clear(): void {
    this.#buf = null;
    this.#written = 0;
  }

  /** the ring, grown when `length` more bytes would overwrite wanted ones and it may still grow */
  #room(length: number): Buffer {
    let buf = this.#buf;
    if (!buf) {
      let size = Math.min(this.maxBytes, INITIAL_BYTES);
      while (size < length && size < this.maxBytes) size = Math.min(this.maxBytes, size * 2);
      buf = this.#buf = Buffer.allocUnsafeSlow(size);
      return buf;
    }
    const wanted = this.oldestWanted();
    const needed = this.#written + length - wanted;
    let size = buf.length;
    while (size < this.maxBytes && needed > size) size = Math.min(this.maxBytes, size * 2);
    // shrink only well below the grow point, so a steady load does not flip between two sizes
    while (size === buf.length && size > INITIAL_BYTES && needed < size / 4) size /= 2;
    if (size === buf.length) return buf;
    return this.#resize(size, Math.max(wanted, this.#written - Math.min(buf.length, size)));
  }

  /** a ring of `size` bytes holding the intact bytes from `from` on at their positions */
  #resize(size: number, from: number): Buffer {
    const buf = this.#buf!;
    const next = Buffer.allocUnsafeSlow(size);
    for (let pos = Math.max(from, this.#written - buf.length); pos < this.#written;) {
      const at = pos % buf.length;
      const run = Math.min(buf.length - at, this.#written - pos, size - (pos % size));
      buf.copy(next, pos % size, at, at + run);
      pos += run;
    }
    this.#buf = next;
    return next;
  }
}
