// The typed event feed of the core. The bus stamps each event with a strictly increasing `seq` (the
// dashboard's snapshot-then-stream handshake relies on it) and the time. Listeners receive the same
// object: the admin SSE layer serializes each event once, so nothing here serializes per listener.
import type { GatewayEvent, GatewayEventBody } from '../../../shared/protocol/events';

export type EventListener = (event: GatewayEvent) => void;

export interface EventBus {
  emit(body: GatewayEventBody): GatewayEvent;
  on(listener: EventListener): () => void;
  /** seq of the newest emitted event (0 before the first) */
  seq(): number;
  /** whether anyone listens: events nobody can receive need not be built */
  hasListeners(): boolean;
}

/**
 * `onListenerError` hears about listeners that threw; by default they are ignored, because one broken
 * subscriber (a closed SSE socket, a dashboard bug) must not cost the request path or other listeners.
 */
export function createEventBus(now: () => number, onListenerError?: (error: unknown) => void): EventBus {
  // Replaced, never mutated, on subscribe/unsubscribe, so a listener that unsubscribes during dispatch
  // cannot make the loop skip its neighbour.
  let listeners: readonly EventListener[] = [];
  let lastSeq = 0;
  // An event emitted from inside a listener waits until the current one reached every listener; without
  // this queue, listeners after the emitting one would see seq N+1 before seq N.
  const queue: GatewayEvent[] = [];
  let dispatching = false;

  function deliver(event: GatewayEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        try {
          onListenerError?.(error);
        } catch {
          // the error reporter itself failed: nothing sensible left to do
        }
      }
    }
  }

  return {
    hasListeners: () => listeners.length > 0,
    emit(body) {
      lastSeq += 1;
      // Object.assign, not spread: bodies come in a dozen shapes, and V8's megamorphic spread path costs
      // microseconds per event on the request path
      const event = Object.assign({}, body, { seq: lastSeq, ts: now() }) as GatewayEvent;
      if (dispatching) {
        queue.push(event);
        return event;
      }
      dispatching = true;
      try {
        deliver(event);
        for (let next = queue.shift(); next; next = queue.shift()) deliver(next);
      } finally {
        dispatching = false;
      }
      return event;
    },
    on(listener) {
      listeners = [...listeners, listener];
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
    seq: () => lastSeq,
  };
}
