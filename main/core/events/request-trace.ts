// The per-request recorder. The front server starts a trace when a request arrives; it and the backend
// report what happens (model resolved, upstream called, head sent, chunks, usage); the trace keeps the
// record, timing and captures, and emits request.started / first_byte / finished / failed. Everything
// that leaves (events, log entries, JSONL lines, details) is a redacted copy.
import type { RequestDetail, RequestRecord, RequestTiming } from '../../../shared/protocol/records';
import type { EventBus } from './event-bus';
import type { IdentityStatsStore } from './identity-stats';
import type { JsonlLog } from './jsonl-log';
import type { Metrics } from './metrics';
import { createMetricsNotifier, type Scheduler } from './metrics-notifier';
import { cachedSecretForms, copyRecord } from './redaction';
import type { RequestCaptures } from './request-captures';
import type { RequestLog } from './request-log';
import { startTraceRecorder, type RequestEventType, type TraceHandle } from './trace-recorder';
import type { RequestTrace, TraceInit } from './trace-types';

export type { ModelInfo, RequestTrace, TraceInit } from './trace-types';

export interface RequestTracker {
  /** emits request.started */
  start(init: TraceInit): RequestTrace;
  /** live for a running request, else from the log and captures; null when unknown */
  detail(id: string): RequestDetail | null;
  log: RequestLog;
  metrics: Metrics;
  identities: IdentityStatsStore;
  /** clears the log and captures, emits log.cleared (running requests reappear when they end) */
  clear(): void;
  /** stops the metrics.updated timer */
  close(): void;
}

export interface RequestTrackerOptions {
  bus: EventBus;
  log: RequestLog;
  captures: RequestCaptures;
  jsonl: JsonlLog | null;
  metrics: Metrics;
  identities: IdentityStatsStore;
  /** epoch ms */
  now: () => number;
  /** monotonic ms (performance.now), for durations */
  hrNow: () => number;
  fingerprint: (secret: string) => string;
  secrets: () => string[];
  /** minimum gap between metrics.updated events; default 2000 */
  metricsIntervalMs?: number;
  /** timer seam for tests; default an unref'd setTimeout */
  schedule?: Scheduler;
}

export function createRequestTracker(options: RequestTrackerOptions): RequestTracker {
  const { bus, log, captures, jsonl, metrics, identities, now, hrNow, fingerprint } = options;
  const forms = cachedSecretForms(options.secrets);
  const notifier = createMetricsNotifier({
    bus,
    metrics,
    intervalMs: options.metricsIntervalMs ?? 2_000,
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  const active = new Map<string, TraceHandle>();

  function publish(type: RequestEventType, record: RequestRecord): RequestRecord {
    const final = type === 'request.finished' || type === 'request.failed';
    if (!final && !bus.hasListeners(type)) {
      // Nobody to tell: the log holds the live record until the request settles (a snapshot taken
      // meanwhile serializes it as it is then), which saves a copy and an event per step.
      log.upsert(record);
      return record;
    }
    const copy = copyRecord(record);
    // the log first: a listener that takes a snapshot on this event must already find the entry
    log.upsert(copy);
    bus.emit({ type, request: copy });
    return copy;
  }

  function start(init: TraceInit): RequestTrace {
    const handle = startTraceRecorder(init, {
      now,
      hrNow,
      secretForms: forms,
      captures,
      publish,
      settled(type, record) {
        active.delete(record.id);
        const done = publish(type, record);
        jsonl?.append(done);
        metrics.record(done);
        identities.record(done);
        if (bus.hasListeners('identity.updated')) bus.emit({ type: 'identity.updated', identity: identities.get(done.identity)! });
        notifier.poke();
      },
    });
    // registered after request.started went out; detail() falls back to the log entry until then
    active.set(init.id, handle);
    return handle.trace;
  }

  function detail(id: string): RequestDetail | null {
    const live = active.get(id);
    const logged = live ? live.record : log.get(id);
    if (!logged) return null;
    const record = copyRecord(logged);
    const view = captures.view(id, { fingerprint, secrets: forms() });
    const timing: RequestTiming = live
      ? { ...live.timing }
      : (view?.timing ?? { queueMs: null, upstreamHeadersMs: null, ttfbMs: record.ttfbMs, durationMs: record.durationMs });
    return {
      record,
      timing,
      requestHeaders: view?.requestHeaders ?? {},
      upstreamRequestHeaders: view?.upstreamRequestHeaders ?? {},
      responseHeaders: view?.responseHeaders ?? {},
      requestBody: view?.requestBody ?? null,
      responseBody: view?.responseBody ?? null,
      notes: view?.notes ?? [],
    };
  }

  return {
    start,
    detail,
    log,
    metrics,
    identities,
    clear() {
      log.clear();
      captures.clear();
      bus.emit({ type: 'log.cleared' });
    },
    close: () => notifier.close(),
  };
}
