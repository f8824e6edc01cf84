// The typed event feed of the core. The bus stamps each event with a strictly increasing `seq` (the
// dashboard's snapshot-then-stream handshake relies on it) and the time. Listeners receive the same
// object: the admin SSE layer serializes each event once, so nothing here serializes per listener.
import type { GatewayEvent, GatewayEventBody, GatewayEventType } from '../../../shared/protocol/events';

export type EventListener = (event: GatewayEvent) => void;

export interface EventBus {
  emit(body: GatewayEventBody): GatewayEvent;
  /**
   * `types`: the only event types this listener wants. A listener that names its types does not make
   * `hasListeners(otherType)` true, so a core module that watches one rare event (a mode change) does
   * not make every request build the events and record copies nobody reads.
   */
  on(listener: EventListener, types?: readonly GatewayEventType[]): () => void;
  /** seq of the newest emitted event (0 before the first) */
  seq(): number;
  /** whether anyone listens (to `type`, when given): events nobody can receive need not be built */
  hasListeners(type?: GatewayEventType): boolean;
}

interface Subscription {
  listener: EventListener;
  types: ReadonlySet<string> | null;
}

/**
 * `onListenerError` hears about listeners that threw; by default they are ignored, because one broken
 * subscriber (a closed SSE socket, a dashboard bug) must not cost the request path or other listeners.
 */
export function createEventBus(now: () => number, onListenerError?: (error: unknown) => void): EventBus {
  // Replaced, never mutated, on subscribe/unsubscribe, so a listener that unsubscribes during dispatch
  // cannot make the loop skip its neighbour.
  let listeners: readonly Subscription[] = [];
  // counts kept with the list, so hasListeners(type) — asked several times per request — is a lookup
  let untyped = 0;
  let typed = new Map<string, number>();
  let lastSeq = 0;
  // An event emitted from inside a listener waits until the current one reached every listener; without
  // this queue, listeners after the emitting one would see seq N+1 before seq N.
  const queue: GatewayEvent[] = [];
  let dispatching = false;

  function recount(): void {
    untyped = 0;
    typed = new Map();
    for (const { types } of listeners) {
      if (!types) untyped++;
      else for (const type of types) typed.set(type, (typed.get(type) ?? 0) + 1);
    }
  }

  function deliver(event: GatewayEvent): void {
    for (const { listener, types } of listeners) {
      if (types && !types.has(event.type)) continue;
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
    hasListeners: (type) => (type === undefined ? listeners.length > 0 : untyped > 0 || typed.has(type)),
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
    on(listener, types) {
      const subscription: Subscription = { listener, types: types ? new Set(types) : null };
      listeners = [...listeners, subscription];
      recount();
      return () => {
        listeners = listeners.filter((s) => s !== subscription);
        recount();
      };
    },
    seq: () => lastSeq,
  };
}
