import { describe, expect, it } from 'vitest';
import type { GatewayEvent, GatewayEventBody } from '../../../shared/protocol/events';
import { dashboardReducer, type DashboardAction } from '../../../renderer/src/state/dashboard-reducer';
import { initialDashboardState, type DashboardState } from '../../../renderer/src/state/dashboard-state';
import { MAX_LOG_ROWS, newestFirst } from '../../../renderer/src/state/request-log';
import {
  fakeBackend,
  fakeCookies,
  fakeIdentity,
  fakeRecord,
  fakeSnapshot,
} from '../../fixtures/fake-admin/fake-records';

const ev = (seq: number, body: GatewayEventBody): GatewayEvent => ({ ...body, seq, ts: 1_700_000_000_000 + seq });
const run = (state: DashboardState, ...actions: DashboardAction[]) => actions.reduce(dashboardReducer, state);
const ids = (state: DashboardState) => newestFirst(state.log).map((r) => r.id);

describe('dashboardReducer: snapshot + events', () => {
  it('ignores events before the first snapshot', () => {
    const state = run(initialDashboardState, {
      type: 'events',
      events: [ev(1, { type: 'request.started', request: fakeRecord({ id: 'a' }) })],
    });
    expect(state.data).toBeNull();
    expect(state.log.entries.size).toBe(0);
  });

  it('applies only events newer than the snapshot seq and dedupes replays', () => {
    const snapshot = fakeSnapshot({ seq: 10, log: [fakeRecord({ id: 'a' }), fakeRecord({ id: 'b' })] });
    const started = ev(11, { type: 'request.started', request: fakeRecord({ id: 'c', phase: 'pending', status: null }) });
    const state = run(
      initialDashboardState,
      { type: 'snapshot', snapshot },
      {
        type: 'events',
        events: [
          ev(9, { type: 'request.started', request: fakeRecord({ id: 'old' }) }),
          ev(10, { type: 'request.started', request: fakeRecord({ id: 'b', phase: 'pending' }) }),
          started,
        ],
      },
      { type: 'events', events: [started] },
    );
    expect(ids(state)).toEqual(['c', 'b', 'a']);
    expect(state.data?.seq).toBe(11);
    expect(state.log.entries.get('b')?.record.phase).toBe('done');
  });

  it('updates a request in place through started -> first_byte -> finished', () => {
    const base = fakeRecord({ id: 'r', phase: 'pending', status: null, ttfbMs: null, durationMs: null });
    const state = run(
      initialDashboardState,
      { type: 'snapshot', snapshot: fakeSnapshot({ seq: 0, log: [fakeRecord({ id: 'first' })] }) },
      { type: 'events', events: [ev(1, { type: 'request.started', request: base })] },
      { type: 'events', events: [ev(2, { type: 'request.first_byte', request: { ...base, phase: 'streaming', status: 200, ttfbMs: 40 } })] },
      { type: 'events', events: [ev(3, { type: 'request.started', request: fakeRecord({ id: 'later' }) })] },
      { type: 'events', events: [ev(4, { type: 'request.finished', request: { ...base, phase: 'done', status: 200, ttfbMs: 40, durationMs: 90 } })] },
    );
    expect(ids(state)).toEqual(['later', 'r', 'first']);
    const r = state.log.entries.get('r')?.record;
    expect(r).toMatchObject({ phase: 'done', ttfbMs: 40, durationMs: 90 });
  });

  it('records failures with their error', () => {
    const failed = fakeRecord({ id: 'x', phase: 'error', status: 502, errorCode: 'UPSTREAM_ERROR', errorMessage: 'boom' });
    const state = run(
      initialDashboardState,
      { type: 'snapshot', snapshot: fakeSnapshot() },
      { type: 'events', events: [ev(1, { type: 'request.failed', request: failed })] },
    );
    expect(state.log.entries.get('x')?.record.errorCode).toBe('UPSTREAM_ERROR');
  });

  it('a fresh snapshot replaces the state: no duplicated, no lost rows', () => {
    const first = run(
      initialDashboardState,
      { type: 'snapshot', snapshot: fakeSnapshot({ seq: 5, log: [fakeRecord({ id: 'a' }), fakeRecord({ id: 'b' })] }) },
      { type: 'events', events: [ev(6, { type: 'request.started', request: fakeRecord({ id: 'c' }) })] },
    );
    // the gateway restarted: its seq starts over and it remembers b, c and a new d
    const resynced = run(first, {
      type: 'snapshot',
      snapshot: fakeSnapshot({ seq: 2, log: [fakeRecord({ id: 'b' }), fakeRecord({ id: 'c' }), fakeRecord({ id: 'd' })] }),
    });
    expect(ids(resynced)).toEqual(['d', 'c', 'b']);
    expect(resynced.data?.seq).toBe(2);
    expect(resynced.resyncs).toBe(first.resyncs + 1);
    // known rows keep their arrival number so a paused view does not jump
    expect(resynced.log.entries.get('b')?.n).toBe(first.log.entries.get('b')?.n);
    expect(resynced.log.entries.get('d')?.n).toBeGreaterThan(first.log.entries.get('c')!.n);
    const after = run(resynced, {
      type: 'events',
      events: [ev(2, { type: 'request.started', request: fakeRecord({ id: 'dup' }) }), ev(3, { type: 'request.started', request: fakeRecord({ id: 'e' }) })],
    });
    expect(ids(after)).toEqual(['e', 'd', 'c', 'b']);
  });

  it('log.cleared empties the log, and rows after it in the same batch survive', () => {
    const state = run(
      initialDashboardState,
      { type: 'snapshot', snapshot: fakeSnapshot({ seq: 1, log: [fakeRecord({ id: 'a' })] }) },
      {
        type: 'events',
        events: [
          ev(2, { type: 'request.started', request: fakeRecord({ id: 'b' }) }),
          ev(3, { type: 'log.cleared' }),
          ev(4, { type: 'request.started', request: fakeRecord({ id: 'c' }) }),
        ],
      },
    );
    expect(ids(state)).toEqual(['c']);
  });

  it('keeps at most MAX_LOG_ROWS rows, dropping the oldest', () => {
    let state = run(initialDashboardState, { type: 'snapshot', snapshot: fakeSnapshot() });
    const events: GatewayEvent[] = [];
    for (let i = 1; i <= MAX_LOG_ROWS + 250; i++) {
      events.push(ev(i, { type: 'request.started', request: fakeRecord({ id: `r${i}` }) }));
    }
    // 100 per batch, like a busy animation frame
    for (let i = 0; i < events.length; i += 100) state = run(state, { type: 'events', events: events.slice(i, i + 100) });
    expect(state.log.entries.size).toBe(MAX_LOG_ROWS);
    expect(state.log.entries.has('r250')).toBe(false);
    expect(state.log.entries.has('r251')).toBe(true);
    expect(ids(state)[0]).toBe(`r${MAX_LOG_ROWS + 250}`);
  });

  it('bounds a snapshot larger than the cap too', () => {
    const log = Array.from({ length: MAX_LOG_ROWS + 3 }, (_, i) => fakeRecord({ id: `s${i}` }));
    const state = run(initialDashboardState, { type: 'snapshot', snapshot: fakeSnapshot({ log }) });
    expect(state.log.entries.size).toBe(MAX_LOG_ROWS);
    expect(state.log.entries.has('s2')).toBe(false);
    expect(state.log.entries.has('s3')).toBe(true);
  });
});

describe('dashboardReducer: identities, cookies, mode, metrics, notices', () => {
  const start = run(initialDashboardState, {
    type: 'snapshot',
    snapshot: fakeSnapshot({ seq: 1, identities: [fakeIdentity('pycharm-ai', { requests: 1 })] }),
  });

  it('upserts identities by userId', () => {
    const state = run(start, {
      type: 'events',
      events: [
        ev(2, { type: 'identity.updated', identity: fakeIdentity('pycharm-ai', { requests: 2 }) }),
        ev(3, { type: 'identity.updated', identity: fakeIdentity('claude-cli', { requests: 1 }) }),
      ],
    });
    expect(state.data?.identities.map((i) => [i.userId, i.requests])).toEqual([
      ['pycharm-ai', 2],
      ['claude-cli', 1],
    ]);
  });

  it('replaces cookies, mode, metrics and server; patches one backend', () => {
    const cookies = fakeCookies({ total: 2 });
    const state = run(start, {
      type: 'events',
      events: [
        ev(2, { type: 'cookies.changed', cookies }),
        ev(3, { type: 'mode.changed', mode: { ...start.data!.mode, mode: 'binary', previous: 'sdk' } }),
        ev(4, { type: 'backend.state', backend: fakeBackend('binary', { status: 'ready', pid: 42, logTail: ['up'] }) }),
        ev(5, { type: 'metrics.updated', metrics: { ...start.data!.metrics, today: 9 } }),
        ev(6, { type: 'server.updated', server: { ...start.data!.server, paused: true } }),
      ],
    });
    expect(state.data?.cookies.total).toBe(2);
    expect(state.data?.mode.mode).toBe('binary');
    expect(state.data?.mode.backends.binary).toMatchObject({ status: 'ready', pid: 42 });
    expect(state.data?.mode.backends.sdk.status).toBe('ready');
    expect(state.data?.metrics.today).toBe(9);
    expect(state.data?.server.paused).toBe(true);
  });

  it('keeps the last five notices and dismisses by seq', () => {
    const events = Array.from({ length: 7 }, (_, i) =>
      ev(i + 2, { type: 'notice', level: 'warn', code: `C${i}`, message: `m${i}` }),
    );
    let state = run(start, { type: 'events', events });
    expect(state.notices.map((n) => n.code)).toEqual(['C2', 'C3', 'C4', 'C5', 'C6']);
    state = run(state, { type: 'notice.dismiss', seq: state.notices[0]!.seq });
    expect(state.notices).toHaveLength(4);
  });

  it('returns the same state object when every event is a duplicate', () => {
    const state = run(start, { type: 'events', events: [ev(1, { type: 'log.cleared' })] });
    expect(state).toBe(start);
  });

  it('applies action answers (mode, cookies, server) directly', () => {
    const state = run(
      start,
      { type: 'cookies.set', cookies: fakeCookies({ total: 0, applies: false, note: 'LiteLLM' }) },
      { type: 'server.set', server: { ...start.data!.server, paused: true } },
    );
    expect(state.data?.cookies.applies).toBe(false);
    expect(state.data?.server.paused).toBe(true);
  });
});
