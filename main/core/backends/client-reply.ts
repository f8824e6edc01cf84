// The one way backends write to the client. It records the response in the request trace (status,
// first byte, bytes, capped body) and turns socket backpressure into awaitable writes.
import type { ServerResponse } from 'node:http';
import type { RequestTrace } from '../events/request-trace';

export interface ClientReply {
  /** true once the status line went out: errors must then be written in-band */
  readonly started: boolean;
  /** true when the client went away */
  readonly closed: boolean;
  /** sends the status line; `flush` pushes it out at once (streams) instead of with the first chunk */
  head(status: number, headers: Record<string, string | string[]>, flush?: boolean): void;
  /** resolves when the socket can take more (backpressure) */
  write(chunk: Buffer | string): Promise<void>;
  end(chunk?: Buffer | string): void;
  /** a whole JSON answer in one go */
  json(status: number, body: unknown, headers?: Record<string, string>): void;
}

export function createClientReply(res: ServerResponse, trace: RequestTrace): ClientReply {
  return new NodeClientReply(res, trace);
}

/**
 * A class rather than an object of closures: one allocation per request instead of one per method, and
 * the methods are shared (this object is made for every request on the hot path).
 */
class NodeClientReply implements ClientReply {
  #started = false;
  #ended = false;
  #wrote = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly trace: RequestTrace,
  ) {}

  get started(): boolean {
    return this.#started || this.res.headersSent;
  }

  get closed(): boolean {
    return this.res.destroyed;
  }

  head(status: number, headers: Record<string, string | string[]>, flush = false): void {
    if (this.#started) return;
    this.#started = true;
    this.trace.responseStarted(status, headers);
    const { res } = this;
    res.writeHead(status, headers);
    // A stream's head must not wait for its first event (a model may think for seconds). It leaves
    // after this turn of the event loop: when the first event is already here (it usually arrives in
    // the same read as the upstream's head) the two share one write instead of two syscalls.
    if (flush) {
      setImmediate(() => {
        if (!this.#wrote && !res.headersSent && !res.destroyed) res.flushHeaders();
      });
    }
  }

  write(chunk: Buffer | string): Promise<void> {
    if (!this.#started) this.head(200, {});
    const { res } = this;
    if (res.destroyed) return Promise.resolve();
    this.#wrote = true;
    this.#record(chunk);
    if (res.write(chunk)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }

  end(chunk?: Buffer | string): void {
    if (this.#ended) return;
    this.#ended = true;
    if (!this.#started) this.head(200, {});
    if (chunk !== undefined) this.#record(chunk);
    if (!this.res.destroyed) this.res.end(chunk);
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    this.head(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
    this.end(text);
  }

  #record(chunk: Buffer | string): void {
    if (chunk.length > 0) this.trace.responseChunk(chunk);
  }
}
