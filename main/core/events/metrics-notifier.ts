// metrics.updated is coalesced: a burst of finished requests yields one event, and two events are at
// least `intervalMs` apart. The timer is unref'd (it must never keep a stopping process alive) and
// close() cancels it.
import type { EventBus } from './event-bus';
import type { Metrics } from './metrics';

/** Runs `fn` after `ms`; returns a cancel function. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

export const unrefTimeout: Scheduler = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export interface MetricsNotifier {
  /** something changed: emit a fresh snapshot when the interval allows */
  poke(): void;
  close(): void;
}

export function createMetricsNotifier(options: {
  bus: EventBus;
  metrics: Metrics;
  intervalMs: number;
  schedule?: Scheduler;
}): MetricsNotifier {
  const { bus, metrics, intervalMs } = options;
  const schedule = options.schedule ?? unrefTimeout;
  let cancel: (() => void) | null = null;
  let closed = false;
  return {
    poke() {
      if (closed || cancel) return;
      cancel = schedule(() => {
        cancel = null;
        if (!closed) bus.emit({ type: 'metrics.updated', metrics: metrics.snapshot() });
      }, intervalMs);
    },
    close() {
      closed = true;
      cancel?.();
      cancel = null;
    },
  };
}
