// Keeps the dashboard in sync with the gateway: open the event stream FIRST and buffer, then take the
// snapshot, then hand over the buffered events newer than the snapshot (snapshot, then stream: the reducer also
// drops seq <= snapshot.seq, so a race costs nothing). Any stream error or a heartbeat gap means
// "reconnecting": back off and resync from a fresh snapshot. I/O (client, timers, random, clock) is passed
// in so this runs unchanged in the browser and in unit tests.
import { ADMIN_HEARTBEAT_MS, type Snapshot } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { backoffDelay } from '../lib/backoff';
import type { ConnectionInfo, ConnectionPhase } from '../state/dashboard-state';
import type { AdminClient } from './admin-client';
import { AdminRequestError } from './admin-client';
import { readEventStream } from './event-stream';

/** Heartbeats come every 15 s; two missed ones plus slack means the stream is dead even if TCP says not. */
export const STALE_STREAM_MS = ADMIN_HEARTBEAT_MS * 2 + 5_000;
export const OFFLINE_AFTER_FAILURES = 4;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectionDeps {
  client: Pick<AdminClient, 'openEvents' | 'snapshot'>;
  onSnapshot(snapshot: Snapshot): void;
  onEvents(events: GatewayEvent[]): void;
  onConnection(info: ConnectionInfo): void;
  timers: Timers;
  random(): number;
  now(): number;
  staleAfterMs?: number;
  offlineAfterFailures?: number;
}

export interface Connection {
  /** Skips the remaining backoff wait (the "Retry now" button, the browser coming back online). */
  retryNow(): void;
  stop(): void;
}

class StaleStreamError extends Error {
  constructor() {
    super('no heartbeat from the gateway');
  }
}

/** A short reason for the badge's tooltip; never includes headers or the token. */
export function describeFailure(error: unknown): string {
  if (error instanceof AdminRequestError) return error.status === 401 ? 'admin token rejected' : error.message;
  if (error instanceof StaleStreamError) return error.message;
  if (error instanceof TypeError) return 'gateway unreachable';
  if (error instanceof Error && error.message) return error.message;
  return 'connection lost';
}

export function startConnection(deps: ConnectionDeps): Connection {
  const staleAfter = deps.staleAfterMs ?? STALE_STREAM_MS;
  const offlineAfter = deps.offlineAfterFailures ?? OFFLINE_AFTER_FAILURES;
  let stopped = false;
  let failures = 0;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;

  const report = (phase: ConnectionPhase, lastError: string | null, retryAt: number | null) =>
    deps.onConnection({ phase, failures, lastError, retryAt });

  async function session(): Promise<never> {
    const own = new AbortController();
    controller = own;
    let watchdog: unknown = null;
    let staleError: StaleStreamError | null = null;
    const arm = () => {
      if (watchdog !== null) deps.timers.clearTimeout(watchdog);
      watchdog = deps.timers.setTimeout(() => {
        staleError = new StaleStreamError();
        own.abort(staleError);
      }, staleAfter);
    };
    try {
      const response = await deps.client.openEvents(own.signal);
      arm();
      let buffer: GatewayEvent[] | null = [];
      const reading = readEventStream(response, own.signal, {
        onActivity: arm,
        onEvent: (event) => (buffer ? buffer.push(event) : deps.onEvents([event])),
      });
      reading.catch(() => undefined); // observed below; avoids an unhandled rejection while the snapshot loads
      const snapshot = await Promise.race([deps.client.snapshot(own.signal), reading.then(streamEnded)]);
      deps.onSnapshot(snapshot);
      const newer = buffer.filter((e) => e.seq > snapshot.seq);
      buffer = null;
      if (newer.length > 0) deps.onEvents(newer);
      failures = 0;
      report('live', null, null);
      await reading;
      return streamEnded();
    } catch (error) {
      throw staleError ?? error;
    } finally {
      if (watchdog !== null) deps.timers.clearTimeout(watchdog);
      own.abort();
    }
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = deps.timers.setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        deps.timers.clearTimeout(handle);
        wake = null;
        resolve();
      };
    });
  }

  async function loop(): Promise<void> {
    report('connecting', null, null);
    while (!stopped) {
      try {
        await session();
      } catch (error) {
        if (stopped) return;
        failures++;
        const delay = backoffDelay(failures - 1, deps.random);
        report(failures >= offlineAfter ? 'offline' : 'reconnecting', describeFailure(error), deps.now() + delay);
        await wait(delay);
      }
    }
  }

  void loop();

  return {
    retryNow() {
      wake?.();
    },
    stop() {
      stopped = true;
      controller?.abort();
      wake?.();
    },
  };
}

function streamEnded(): never {
  throw new Error('the gateway closed the event stream');
}
