// Child role `upstream`: the fastest honest OpenAI stand-in we can write with node:http. It reads the
// whole request (a real provider must), then answers a small JSON completion, or an SSE stream of
// `events` chunks `gapMs` apart when the caller accepts text/event-stream. Deciding by the Accept header
// keeps the upstream from parsing JSON (an Anthropic /v1/messages call gets a small message answer): its cost must be the same for every path being compared.
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import { ANTHROPIC_MESSAGE, CHAT_PATH, COMPLETION, MESSAGES_PATH, STREAM_DONE, streamEvent } from './payloads';
import { reportReady } from './role-ipc';

export interface FakeUpstreamOptions {
  events: number;
  gapMs: number;
}

export function runFakeUpstream(options: FakeUpstreamOptions): void {
  const events = Array.from({ length: options.events }, (_, i) => streamEvent(i, i === options.events - 1));
  const server = createServer({ keepAliveTimeout: 120_000, noDelay: true }, (req, res) => {
    req.on('data', noop);
    req.on('end', () => {
      if (req.method === 'POST' && req.url === MESSAGES_PATH) {
        // translated requests (OpenAI client -> Anthropic model) arrive here; non-streaming only
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(ANTHROPIC_MESSAGE.length) });
        res.end(ANTHROPIC_MESSAGE);
        return;
      }
      if (req.method !== 'POST' || req.url !== CHAT_PATH) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      if (req.headers.accept?.includes('text/event-stream')) {
        stream(res, events, options.gapMs);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(COMPLETION.length) });
      res.end(COMPLETION);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') reportReady(address.port);
  });
}

function stream(res: ServerResponse, events: Buffer[], gapMs: number): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let next = 0;
  const send = () => {
    if (res.destroyed) return;
    const event = events[next++];
    if (event === undefined) return;
    if (next === events.length) {
      res.end(Buffer.concat([event, STREAM_DONE]));
      return;
    }
    res.write(event);
    setTimeout(send, gapMs);
  };
  send();
}

function noop(): void {}
