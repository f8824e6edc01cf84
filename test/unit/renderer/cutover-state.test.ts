// The Cutover slice of the dashboard state: progress builds the live run, a finished run goes to the top
// of the history and decides "Make SDK the default", cutover.updated replaces the state; seq rules apply.
import { describe, expect, it } from 'vitest';
import type { GatewayEvent, GatewayEventBody } from '../../../shared/protocol/events';
import { VALIDATION_SCHEMA, type CutoverState, type ValidationItem, type ValidationReport } from '../../../shared/protocol/validation';
import { dashboardReducer } from '../../../renderer/src/state/dashboard-reducer';
import { initialDashboardState, type DashboardState } from '../../../renderer/src/state/dashboard-state';
import { fakeSnapshot } from '../../fixtures/fake-admin/fake-records';

const ev = (seq: number, body: GatewayEventBody): GatewayEvent => ({ ...body, seq, ts: 1_700_000_000_000 + seq }) as GatewayEvent;
const apply = (state: DashboardState, ...events: GatewayEvent[]) => dashboardReducer(state, { type: 'events', events });
const start = () => dashboardReducer(initialDashboardState, { type: 'snapshot', snapshot: fakeSnapshot({ seq: 10 }) });

const item = (id: string, ok = true): ValidationItem => ({ id, phase: 'post', title: id, ok, skipped: false, detail: '', fix: ok ? null : 'do this', durationMs: 5 });
const report = (id: string, phase: ValidationReport['phase'], ok: boolean): ValidationReport => ({
  schema: VALIDATION_SCHEMA, id, phase, live: false, startedAt: 1, finishedAt: 2, ok, items: [item('post.a', ok)], performance: null,
  modeBefore: 'sdk', modeAfter: 'sdk', interrupted: false,
});
const progress = (runId: string, done: number, it: ValidationItem | null) => ({ runId, step: `step ${done}`, done, total: 3, item: it });

describe('dashboard reducer: validation and cutover events', () => {
  it('builds the run under way from progress events, items in the order they finished', () => {
    const state = apply(
      start(),
      ev(11, { type: 'validation.progress', progress: progress('r1', 0, null) }),
      ev(12, { type: 'validation.progress', progress: progress('r1', 1, item('post.a')) }),
      ev(13, { type: 'validation.progress', progress: progress('r1', 2, item('post.b', false)) }),
    );
    expect(state.cutover.live).toMatchObject({ runId: 'r1', step: 'step 2', done: 2, total: 3 });
    expect(state.cutover.live?.items.map((i) => i.id)).toEqual(['post.a', 'post.b']);
    expect(state.cutover.state?.running?.runId).toBe('r1');
  });

  it('a finished post/all run tops the history and decides Make SDK the default; a pre run does not', () => {
    let state = apply(start(), ev(11, { type: 'validation.progress', progress: progress('r1', 0, null) }), ev(12, { type: 'validation.finished', report: report('r1', 'all', true) }));
    expect(state.cutover.live).toBeNull();
    expect(state.cutover.state).toMatchObject({ running: null, canMakeDefault: true });
    state = apply(state, ev(13, { type: 'validation.finished', report: report('r2', 'pre', false) }));
    expect(state.cutover.state?.canMakeDefault).toBe(true);
    state = apply(state, ev(14, { type: 'validation.finished', report: report('r3', 'post', false) }));
    expect(state.cutover.state?.canMakeDefault).toBe(false);
    expect(state.cutover.state?.history.map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
  });

  it('cutover.updated replaces the state (the server decides), and events the snapshot covers are dropped', () => {
    const server: CutoverState = { history: [report('r9', 'all', true)], running: null, decision: { at: 5, reportId: 'r9', mode: 'sdk' }, canMakeDefault: true, lastRollbackTest: null };
    let state = apply(start(), ev(11, { type: 'cutover.updated', cutover: server }));
    expect(state.cutover.state).toEqual(server);
    state = apply(state, ev(9, { type: 'validation.finished', report: report('old', 'post', false) }));
    expect(state.cutover.state?.history.map((r) => r.id)).toEqual(['r9']);
  });

  it('the GET answer (cutover.set) keeps the items of the run under way', () => {
    let state = apply(start(), ev(11, { type: 'validation.progress', progress: progress('r1', 1, item('post.a')) }));
    const running = progress('r1', 2, null);
    state = dashboardReducer(state, { type: 'cutover.set', cutover: { history: [], running, decision: null, canMakeDefault: false, lastRollbackTest: null } });
    expect(state.cutover.live).toMatchObject({ runId: 'r1', done: 2 });
    expect(state.cutover.live?.items.map((i) => i.id)).toEqual(['post.a']);
  });
});
