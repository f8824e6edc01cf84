// The answer handed to the backend: undici's body passed through as it arrives (no copy, no buffering),
// with its failures mapped to GatewayError and the concurrency slot freed when it closes.
import type { Dispatcher } from 'undici';
import type { UpstreamResponse } from './types';

type BodyReadable = Dispatcher.ResponseData['body'];

export interface LiveResponseInit {
  status: number;
  headers: Record<string, string | string[]>;
  body: BodyReadable;
  retries: number;
  /** idempotent; frees the slot */
  release: () => void;
  /** turns a body error into what the caller should see */
  mapError: (error: unknown) => Error;
}

export function liveResponse(init: LiveResponseInit): UpstreamResponse {
  const { body, release } = init;
  // Errors reach whoever reads (iterator, text()); an unread body that times out or is destroyed must
  // not become an uncaught 'error' event that takes the process down.
  body.on('error', ignore);
  // 'close' follows the end of the data, an error, an abort and destroy() alike: one place to free the slot.
  if (body.closed || body.destroyed) release();
  else body.once('close', release);
  return new LiveResponse(init);
}

/**
 * Classes rather than objects of closures (one of each per upstream request): the answer, and its body
 * as the backend reads it.
 */
class LiveResponse implements UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: LiveBody;
  readonly retries: number;
  readonly #init: LiveResponseInit;

  constructor(init: LiveResponseInit) {
    this.#init = init;
    this.status = init.status;
    this.headers = init.headers;
    this.retries = init.retries;
    this.body = new LiveBody(init.body, init.mapError);
  }

  text(): Promise<string> {
    return this.#init.body.text().catch((error: unknown) => this.body.rethrow(error));
  }

  dispose(): void {
    const { body, release } = this.#init;
    if (!body.destroyed) body.destroy();
    release();
  }
}

class LiveBody implements AsyncIterable<Buffer> {
  constructor(
    private readonly body: BodyReadable,
    private readonly mapError: (error: unknown) => Error,
  ) {}

  rethrow(error: unknown): never {
    throw this.mapError(error);
  }

  /**
   * For a reader that gives up before the first chunk (an encoding it cannot decode): an iterator's
   * return() before its first next() would not destroy the stream, so its socket would stay busy.
   */
  destroy(): void {
    if (!this.body.destroyed) this.body.destroy();
  }

  /**
   * The whole body at once through undici's own consumer: an async iterator costs a promise, a listener
   * round and end-of-stream bookkeeping per chunk; readAll() in providers/content-encoding takes this
   * path when the body is not re-encoded.
   */
  bytes(): Promise<Buffer> {
    return this.body.bytes().then(
      (data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      (error: unknown) => this.rethrow(error),
    );
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    const it = this.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const rethrow = (error: unknown): never => this.rethrow(error);
    return {
      next: () => it.next().catch(rethrow),
      // Leaving a for-await early destroys the stream, which frees the slot.
      return: (value?: unknown) =>
        it.return ? it.return(value).catch(rethrow) : Promise.resolve({ done: true, value: undefined }),
    };
  }
}

function ignore(): void {}

/** An answer already read to the end (a Cloudflare page we had to read to recognise). */
export function bufferedResponse(
  status: number,
  headers: Record<string, string | string[]>,
  data: Buffer,
  retries: number,
): UpstreamResponse {
  let consumed = false;
  return {
    status,
    headers,
    body: {
      async *[Symbol.asyncIterator]() {
        if (consumed) return;
        consumed = true;
        if (data.length > 0) yield data;
      },
    },
    text: async () => {
      consumed = true;
      return data.toString('utf8');
    },
    dispose: () => {
      consumed = true;
    },
    retries,
  };
}
