// The one writer of DashboardState. Pure: (state, action) -> state, no I/O, no React.
// Sync rule (snapshot, then stream): a snapshot replaces everything and sets `seq`; an event is applied only when
// its seq is newer than the last one applied, so replays after a resync are dropped, never doubled.
import type { HealthProbe, Snapshot } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { CutoverState } from '../../../shared/protocol/validation';
import type {
  BackendState,
  CookieSummary,
  IdentityRules,
  IdentityStats,
  ModeState,
  RequestRecord,
  ServerInfo,
} from '../../../shared/protocol/records';
import {
  dataFromSnapshot,
  MAX_NOTICES,
  type ConnectionInfo,
  type DashboardState,
  type GatewayData,
  type Notice,
} from './dashboard-state';
import { withCutoverState, withFinished, withProgress, type CutoverSlice } from './cutover-state';
import { clearLog, MAX_LOG_ROWS, replaceRecords, upsertRecords, type RequestLog } from './request-log';

export type DashboardAction =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'events'; events: readonly GatewayEvent[] }
  | { type: 'connection'; connection: ConnectionInfo }
  | { type: 'notice.dismiss'; seq: number }
  // answers of admin actions, applied at once so the UI does not wait for the matching event
  | { type: 'server.set'; server: ServerInfo }
  | { type: 'mode.set'; mode: ModeState; probe?: HealthProbe | null }
  | { type: 'cookies.set'; cookies: CookieSummary }
  | { type: 'rules.set'; rules: IdentityRules }
  | { type: 'cutover.set'; cutover: CutoverState };

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'snapshot':
      return {
        ...state,
        data: dataFromSnapshot(action.snapshot),
        log: replaceRecords(state.log, action.snapshot.log, MAX_LOG_ROWS),
        resyncs: state.resyncs + 1,
      };
    case 'events':
      return applyEvents(state, action.events);
    case 'connection':
      return { ...state, connection: action.connection };
    case 'notice.dismiss':
      return { ...state, notices: state.notices.filter((n) => n.seq !== action.seq) };
    case 'server.set':
      return state.data ? { ...state, data: { ...state.data, server: action.server } } : state;
    case 'mode.set':
      if (!state.data) return state;
      return {
        ...state,
        data: { ...state.data, mode: action.mode },
        switchCheck: action.probe === undefined ? state.switchCheck : action.probe,
      };
    case 'cookies.set':
      return state.data ? { ...state, data: { ...state.data, cookies: action.cookies } } : state;
    case 'rules.set':
      return state.data ? { ...state, data: { ...state.data, identityRules: action.rules } } : state;
    case 'cutover.set':
      return { ...state, cutover: withCutoverState(state.cutover, action.cutover) };
  }
}

/** Applies a batch of events (one animation frame's worth) with a single copy of the log. */
export function applyEvents(state: DashboardState, events: readonly GatewayEvent[]): DashboardState {
  // Events before the first snapshot have nothing to apply to; the connection buffers them instead.
  if (!state.data || events.length === 0) return state;
  let data: GatewayData = state.data;
  let log: RequestLog = state.log;
  let notices: Notice[] = state.notices;
  let cutover: CutoverSlice = state.cutover;
  let switchCheck = state.switchCheck;
  let pending: RequestRecord[] = [];
  let changed = false;
  for (const event of events) {
    if (event.seq <= data.seq) continue;
    changed = true;
    data = { ...data, seq: event.seq };
    switch (event.type) {
      case 'request.started':
      case 'request.first_byte':
      case 'request.finished':
      case 'request.failed':
        pending.push(event.request);
        break;
      case 'log.cleared':
        pending = [];
        log = clearLog(log);
        break;
      case 'identity.updated':
        data = { ...data, identities: upsertIdentity(data.identities, event.identity) };
        break;
      case 'cookies.changed':
        data = { ...data, cookies: event.cookies };
        break;
      case 'mode.changed':
        data = { ...data, mode: event.mode };
        // a check made for another backend, or before a fall-back, no longer describes what runs
        if (switchCheck && (event.mode.mode !== switchCheck.backend || event.mode.lastSwitch?.kind === 'fallback')) switchCheck = null;
        break;
      case 'backend.state':
        data = { ...data, mode: withBackend(data.mode, event.backend) };
        break;
      case 'metrics.updated':
        data = { ...data, metrics: event.metrics };
        break;
      case 'server.updated':
        data = { ...data, server: event.server };
        break;
      case 'notice':
        notices = [
          ...notices,
          { seq: event.seq, ts: event.ts, level: event.level, code: event.code, message: event.message },
        ].slice(-MAX_NOTICES);
        break;
      case 'validation.progress':
        cutover = withProgress(cutover, event.progress);
        break;
      case 'validation.finished':
        cutover = withFinished(cutover, event.report);
        break;
      case 'cutover.updated':
        cutover = withCutoverState(cutover, event.cutover);
        break;
      default:
        // a new event type must be handled here: this fails the type check until it is
        event satisfies never;
    }
  }
  if (!changed) return state;
  return { ...state, data, log: upsertRecords(log, pending, MAX_LOG_ROWS), notices, cutover, switchCheck };
}

export function upsertIdentity(list: readonly IdentityStats[], identity: IdentityStats): IdentityStats[] {
  const index = list.findIndex((i) => i.userId === identity.userId);
  if (index === -1) return [...list, identity];
  const next = list.slice();
  next[index] = identity;
  return next;
}

function withBackend(mode: ModeState, backend: BackendState): ModeState {
  return { ...mode, backends: { ...mode.backends, [backend.kind]: backend } };
}
