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
  const { body, release, mapError } = init;
  // Errors reach whoever reads (iterator, text()); an unread body that times out or is destroyed must
  // not become an uncaught 'error' event that takes the process down.
  body.on('error', ignore);
  // 'close' follows the end of the data, an error, an abort and destroy() alike: one place to free the slot.
  if (body.closed || body.destroyed) release();
  else body.once('close', release);
  const rethrow = (error: unknown): never => {
    throw mapError(error);
  };
  // for a reader that gives up before the first chunk (an encoding it cannot decode): an iterator's
  // return() before its first next() would not destroy the stream, so its socket would stay busy
  const readable: AsyncIterable<Buffer> & { destroy(): void; bytes(): Promise<Buffer> } = {
    destroy: () => {
      if (!body.destroyed) body.destroy();
    },
    // The whole body at once through undici's own consumer: an async iterator costs a promise, a
    // listener round and end-of-stream bookkeeping per chunk, a visible share of a small JSON answer's
    // CPU; readAll() in providers/content-encoding takes this path when the body is not re-encoded.
    bytes: () => body.bytes().then((data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength), rethrow),
    [Symbol.asyncIterator](): AsyncIterator<Buffer> {
      const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      return {
        next: () => it.next().catch(rethrow),
        // Leaving a for-await early destroys the stream, which frees the slot.
        return: (value?: unknown) =>
          it.return ? it.return(value).catch(rethrow) : Promise.resolve({ done: true, value: undefined }),
      };
    },
  };
  return {
    status: init.status,
    headers: init.headers,
    body: readable,
    text: () => body.text().catch(rethrow),
    dispose: () => {
      if (!body.destroyed) body.destroy();
      release();
    },
    retries: init.retries,
  };
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
