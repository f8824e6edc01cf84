// The dashboard's whole state, as plain data. The reducer in dashboard-reducer.ts is its only writer.
import type { HealthProbe, Snapshot } from '../../../shared/protocol/admin-api';
import type { NoticeLevel } from '../../../shared/protocol/events';
import type {
  CookieSummary,
  IdentityRules,
  IdentityStats,
  MetricsSnapshot,
  ModelSummary,
  ModeState,
  ServerInfo,
} from '../../../shared/protocol/records';
import { emptyCutoverSlice, type CutoverSlice } from './cutover-state';
import { emptyLog, type RequestLog } from './request-log';

export type ConnectionPhase = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionInfo {
  phase: ConnectionPhase;
  /** consecutive failed attempts since the last time we were live */
  failures: number;
  /** short, secret-free reason of the last failure */
  lastError: string | null;
  /** epoch ms of the next retry, when one is scheduled */
  retryAt: number | null;
}

export interface Notice {
  seq: number;
  ts: number;
  level: NoticeLevel;
  code: string;
  message: string;
}

/** Everything that comes from the gateway; null until the first snapshot. */
export interface GatewayData {
  /** seq of the newest event applied; events at or below it are duplicates */
  seq: number;
  server: ServerInfo;
  mode: ModeState;
  identities: IdentityStats[];
  identityRules: IdentityRules;
  cookies: CookieSummary;
  metrics: MetricsSnapshot;
  models: ModelSummary[];
}

export interface DashboardState {
  data: GatewayData | null;
  log: RequestLog;
  notices: Notice[];
  connection: ConnectionInfo;
  /** bumps on every snapshot; views use it to drop state tied to the old server (e.g. open detail) */
  resyncs: number;
  /** validation runs and the cutover decision; kept across resyncs (the Cutover view reloads it on one) */
  cutover: CutoverSlice;
  /** the health check run after this window's last switch (other windows' switches do not report one) */
  switchCheck: HealthProbe | null;
}

export const MAX_NOTICES = 5;

export const initialDashboardState: DashboardState = {
  data: null,
  log: emptyLog,
  notices: [],
  connection: { phase: 'connecting', failures: 0, lastError: null, retryAt: null },
  resyncs: 0,
  cutover: emptyCutoverSlice,
  switchCheck: null,
};

export function dataFromSnapshot(snapshot: Snapshot): GatewayData {
  return {
    seq: snapshot.seq,
    server: snapshot.server,
    mode: snapshot.mode,
    identities: snapshot.identities,
    identityRules: snapshot.identityRules,
    cookies: snapshot.cookies,
    metrics: snapshot.metrics,
    models: snapshot.models,
  };
}
