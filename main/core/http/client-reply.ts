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
  let started = false;
  let ended = false;
  const record = (chunk: Buffer | string) => {
    if (chunk.length > 0) trace.responseChunk(chunk);
  };
  return {
    get started() {
      return started || res.headersSent;
    },
    get closed() {
      return res.destroyed;
    },
    head(status, headers, flush = false) {
      if (started) return;
      started = true;
      trace.responseStarted(status, headers);
      res.writeHead(status, headers);
      // a stream's head must leave now, not together with its first event
      if (flush) res.flushHeaders();
    },
    write(chunk) {
      if (!started) this.head(200, {});
      if (res.destroyed) return Promise.resolve();
      record(chunk);
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
    },
    end(chunk) {
      if (ended) return;
      ended = true;
      if (!started) this.head(200, {});
      if (chunk !== undefined) record(chunk);
      if (!res.destroyed) res.end(chunk);
    },
    json(status, body, headers = {}) {
      const text = JSON.stringify(body);
      this.head(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
      this.end(text);
    },
  };
}
