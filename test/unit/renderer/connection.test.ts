// The sync protocol with real Response/ReadableStream objects and a hand-driven clock: stream first,
// then snapshot, buffered events newer than the snapshot, reconnect with backoff, offline, heartbeat gap.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { startConnection, type Timers } from '../../../renderer/src/api/connection';
import type { ConnectionInfo } from '../../../renderer/src/state/dashboard-state';
import { fakeRecord, fakeSnapshot } from '../../fixtures/fake-admin/fake-records';

class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Fires every pending timer whose delay matches `pick`. */
  fire(pick: (ms: number) => boolean): number {
    let fired = 0;
    for (const [id, t] of [...this.pending]) {
      if (!pick(t.ms)) continue;
      this.pending.delete(id);
      t.fn();
      fired++;
    }
    return fired;
  }
}

interface StreamHandle {
  send(text: string): void;
  end(): void;
}

function eventFrame(seq: number): string {
  const event: GatewayEvent = { type: 'request.started', request: fakeRecord({ id: `r${seq}` }), seq, ts: seq };
  return `id: ${seq}\nevent: request.started\ndata: ${JSON.stringify(event)}\n\n`;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

function harness(options: { refuse?: boolean } = {}) {
  const timers = new ManualTimers();
  const streams: StreamHandle[] = [];
  const snapshots: ((s: Snapshot) => void)[] = [];
  const seen: { snapshots: Snapshot[]; events: number[]; states: ConnectionInfo[] } = { snapshots: [], events: [], states: [] };
  let refuse = options.refuse ?? false;
  const encoder = new TextEncoder();
  const connection = startConnection({
    client: {
      async openEvents() {
        if (refuse) throw new TypeError('fetch failed');
        let controller!: ReadableStreamDefaultController<Uint8Array>;
        const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
        streams.push({ send: (t) => controller.enqueue(encoder.encode(t)), end: () => controller.close() });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      },
      snapshot: () => new Promise<Snapshot>((resolve) => snapshots.push(resolve)),
    },
    onSnapshot: (s) => seen.snapshots.push(s),
    onEvents: (events) => seen.events.push(...events.map((e) => e.seq)),
    onConnection: (info) => seen.states.push(info),
    timers,
    random: () => 0.5,
    now: () => 1_000,
  });
  return {
    timers,
    streams,
    snapshots,
    seen,
    connection,
    setRefuse: (v: boolean) => void (refuse = v),
    phase: () => seen.states.at(-1)?.phase,
  };
}

describe('startConnection', () => {
  it('opens the stream before the snapshot and keeps only buffered events newer than it', async () => {
    const h = harness();
    await until(() => h.streams.length === 1 && h.snapshots.length === 1, 'stream then snapshot');
    expect(h.phase()).toBe('connecting');
    h.streams[0]!.send(': hb\n\n' + eventFrame(4) + eventFrame(5) + eventFrame(6));
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.seen.events).toEqual([]); // buffered, not applied, until the snapshot is in
    h.snapshots[0]!(fakeSnapshot({ seq: 5 }));
    await until(() => h.phase() === 'live', 'live');
    expect(h.seen.snapshots).toHaveLength(1);
    expect(h.seen.events).toEqual([6]);
    h.streams[0]!.send(eventFrame(7));
    await until(() => h.seen.events.length === 2, 'live event');
    expect(h.seen.events).toEqual([6, 7]);
    h.connection.stop();
  });

  it('on stream end: reconnecting with backoff, then resync from a fresh snapshot', async () => {
    const h = harness();
    await until(() => h.snapshots.length === 1, 'first snapshot request');
    h.snapshots[0]!(fakeSnapshot({ seq: 1 }));
    await until(() => h.phase() === 'live', 'live');
    h.streams[0]!.end();
    await until(() => h.phase() === 'reconnecting', 'reconnecting');
    expect(h.seen.states.at(-1)).toMatchObject({ failures: 1, lastError: 'the gateway closed the event stream', retryAt: 1_000 + 375 });
    expect(h.timers.fire((ms) => ms === 375)).toBe(1);
    await until(() => h.snapshots.length === 2, 'second snapshot request');
    h.snapshots[1]!(fakeSnapshot({ seq: 9 }));
    await until(() => h.phase() === 'live', 'live again');
    expect(h.seen.states.at(-1)?.failures).toBe(0);
    expect(h.seen.snapshots.map((s) => s.seq)).toEqual([1, 9]);
    h.connection.stop();
  });

  it('goes offline after repeated failures and keeps retrying with growing delays', async () => {
    const h = harness({ refuse: true });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await until(() => h.seen.states.length === i + 2, `failure ${i + 1}`);
      const [timer] = [...h.timers.pending.values()];
      delays.push(timer!.ms);
      h.timers.fire(() => true);
    }
    expect(h.seen.states.slice(1).map((s) => s.phase)).toEqual(['reconnecting', 'reconnecting', 'reconnecting', 'offline', 'offline']);
    expect(h.seen.states.at(-1)?.lastError).toBe('gateway unreachable');
    expect(delays).toEqual([375, 750, 1500, 3000, 6000]);
    h.connection.stop();
  });

  it('treats a heartbeat gap as a dead stream', async () => {
    const h = harness();
    await until(() => h.snapshots.length === 1, 'snapshot request');
    h.snapshots[0]!(fakeSnapshot({ seq: 0 }));
    await until(() => h.phase() === 'live', 'live');
    expect(h.timers.fire((ms) => ms === 35_000)).toBe(1);
    await until(() => h.phase() === 'reconnecting', 'reconnecting');
    expect(h.seen.states.at(-1)?.lastError).toBe('no heartbeat from the gateway');
    h.connection.stop();
  });

  it('retryNow skips the wait', async () => {
    const h = harness({ refuse: true });
    await until(() => h.phase() === 'reconnecting', 'reconnecting');
    h.setRefuse(false);
    h.connection.retryNow();
    await until(() => h.streams.length === 1, 'retried at once');
    h.connection.stop();
  });
});
