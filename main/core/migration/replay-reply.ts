// The ClientReply of a replay: there is no client socket, the admin call waits for the answer instead. It
// records into the replay's own trace exactly as the front server's reply does (status, first byte,
// capped body), so the replay's detail is built by the same code as any logged request's.
import type { ClientReply } from '../backends/client-reply';
import type { RequestTrace } from '../events/request-trace';

export function createCollectingReply(trace: RequestTrace): ClientReply {
  let started = false;
  let ended = false;
  const record = (chunk: Buffer | string) => {
    if (chunk.length > 0) trace.responseChunk(chunk);
  };
  const reply: ClientReply = {
    get started() {
      return started;
    },
    // nobody can hang up on a replay; the gateway's shutdown aborts it through the request's signal
    closed: false,
    head(status, headers) {
      if (started) return;
      started = true;
      trace.responseStarted(status, headers);
    },
    write(chunk) {
      if (!started) reply.head(200, {});
      record(chunk);
      return Promise.resolve();
    },
    end(chunk) {
      if (ended) return;
      ended = true;
      if (!started) reply.head(200, {});
      if (chunk !== undefined) record(chunk);
    },
    json(status, body, headers = {}) {
      const text = JSON.stringify(body);
      reply.head(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
      reply.end(text);
    },
  };
  return reply;
}
