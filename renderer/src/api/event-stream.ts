// Reads `GET /admin/events` from a fetch Response: bytes -> text -> SSE items -> GatewayEvents.
import type { GatewayEvent } from '../../../shared/protocol/events';
import { createSseParser } from '../lib/sse-parser';

export interface EventStreamHandlers {
  /** every chunk, heartbeats included: feeds the stale-stream watchdog */
  onActivity(): void;
  onEvent(event: GatewayEvent): void;
}

function parseEvent(data: string, id: string | null): GatewayEvent | null {
  try {
    const value = JSON.parse(data) as GatewayEvent;
    if (typeof value !== 'object' || value === null || typeof value.type !== 'string') return null;
    // the SSE id is the seq; trust the payload, fall back to the id line
    if (typeof value.seq !== 'number' && id !== null && /^\d+$/.test(id)) return { ...value, seq: Number(id) };
    return typeof value.seq === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** Resolves when the server ends the stream; rejects on a network error or when `signal` aborts. */
export async function readEventStream(
  response: Response,
  signal: AbortSignal,
  handlers: EventStreamHandlers,
): Promise<void> {
  const body = response.body;
  if (!body) throw new Error('event stream has no body');
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const onAbort = () => {
    reader.cancel().catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal.aborted) throw new Error('event stream aborted');
      const { done, value } = await reader.read();
      if (signal.aborted) throw new Error('event stream aborted');
      if (done) return;
      handlers.onActivity();
      for (const item of parser.push(decoder.decode(value, { stream: true }))) {
        if (item.kind !== 'message') continue;
        const event = parseEvent(item.data, item.id);
        if (event) handlers.onEvent(event);
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
