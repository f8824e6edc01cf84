// Builds a tracker from the real parts with a fake clock, a recording JSONL stand-in and a manual timer.
import { createEventBus } from '../../../main/core/events/event-bus';
import { fingerprint } from '../../../main/core/events/fingerprint';
import { createIdentityStats } from '../../../main/core/events/identity-stats';
import type { JsonlLog } from '../../../main/core/events/jsonl-log';
import { createMetrics } from '../../../main/core/events/metrics';
import type { Scheduler } from '../../../main/core/events/metrics-notifier';
import { createRequestCaptures } from '../../../main/core/events/request-captures';
import { createRequestLog } from '../../../main/core/events/request-log';
import { createRequestTracker, type RequestTracker, type TraceInit } from '../../../main/core/events/request-trace';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { RequestRecord } from '../../../shared/protocol/records';
import { fakeClock, identity, type FakeClock } from './fixtures';

export interface Harness {
  tracker: RequestTracker;
  clock: FakeClock;
  events: GatewayEvent[];
  jsonlLines: RequestRecord[];
  /** timers the tracker scheduled and not yet fired or cancelled */
  timers: Array<{ fn: () => void; ms: number; cancelled: boolean }>;
  fireTimers(): void;
}

export function harness(options: { jsonl?: JsonlLog | null; secrets?: string[]; captures?: number; bytes?: number } = {}): Harness {
  const clock = fakeClock();
  const bus = createEventBus(clock.now);
  const events: GatewayEvent[] = [];
  bus.on((e) => events.push(e));
  const jsonlLines: RequestRecord[] = [];
  const recording: JsonlLog = {
    path: '/dev/null',
    append: (r) => jsonlLines.push(r),
    flush: async () => undefined,
    close: async () => undefined,
  };
  const timers: Harness['timers'] = [];
  const schedule: Scheduler = (fn, ms) => {
    const timer = { fn, ms, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const tracker = createRequestTracker({
    bus,
    log: createRequestLog(100),
    captures: createRequestCaptures({ entries: options.captures ?? 10, bytes: options.bytes ?? 256 }),
    jsonl: options.jsonl === undefined ? recording : options.jsonl,
    metrics: createMetrics(clock.now),
    identities: createIdentityStats(),
    now: clock.now,
    hrNow: clock.hrNow,
    fingerprint,
    secrets: () => options.secrets ?? [],
    schedule,
  });
  return {
    tracker,
    clock,
    events,
    jsonlLines,
    timers,
    fireTimers() {
      for (const timer of timers.splice(0)) if (!timer.cancelled) timer.fn();
    },
  };
}

export function init(overrides: Partial<TraceInit> = {}): TraceInit {
  return {
    id: 'req-1',
    method: 'POST',
    path: '/v1/messages?beta=true',
    endpoint: 'messages',
    dialect: 'anthropic',
    stream: true,
    identity: identity({
      userId: 'claude-cli',
      matchedPattern: { header: 'user-agent', pattern: 'claude-cli/', user_id: 'claude-cli' },
      clientApp: 'Claude Code 2.0.14',
      userAgent: 'claude-cli/2.0.14 (external, cli)',
    }),
    backend: 'sdk',
    bytesIn: 2048,
    model: 'claude-sonnet-4-5',
    ...overrides,
  };
}
