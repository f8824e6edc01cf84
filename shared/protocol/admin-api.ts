// The admin API the dashboard, the tray and `switchboard mode` use. All routes need
// `Authorization: Bearer <admin token>`; the event stream too (the dashboard reads it with fetch, not
// EventSource, so the token never goes into a URL).
import type {
  CookieSummary,
  IdentityRules,
  IdentityStats,
  MemoryRoutingInfo,
  MetricsSnapshot,
  Mode,
  ModelSummary,
  ModeState,
  RequestDetail,
  RequestRecord,
  ServerInfo,
} from './records';

export const ADMIN_PATHS = {
  snapshot: '/admin/snapshot',
  events: '/admin/events',
  request: '/admin/requests/', // + id
  clearLog: '/admin/log/clear',
  mode: '/admin/mode',
  rollback: '/admin/rollback',
  clearCookies: '/admin/cookies/clear',
  resolveIdentity: '/admin/identity/resolve',
  revealKey: '/admin/key',
  pause: '/admin/pause',
  resume: '/admin/resume',
} as const;

export const UI_PATH = '/ui/';

export interface Snapshot {
  /** seq of the newest event this snapshot includes */
  seq: number;
  server: ServerInfo;
  mode: ModeState;
  /** oldest first */
  log: RequestRecord[];
  identities: IdentityStats[];
  identityRules: IdentityRules;
  cookies: CookieSummary;
  metrics: MetricsSnapshot;
  models: ModelSummary[];
}

export interface SetModeRequest {
  mode: Mode;
}

export interface AdminError {
  code: string;
  message: string;
}

export interface ModeResult {
  ok: boolean;
  mode: ModeState;
  error: AdminError | null;
}

export interface ClearCookiesRequest {
  /** omit to clear every domain */
  domain?: string;
}

export interface ResolveIdentityRequest {
  headers: Record<string, string>;
}

export type ResolveIdentityResponse = MemoryRoutingInfo;

export interface RevealKeyResponse {
  key: string;
}

export type RequestDetailResponse = RequestDetail;

/** Error body of every /admin route. */
export interface AdminErrorBody {
  error: AdminError;
}

/** SSE framing of `GET /admin/events`: `id: <seq>`, `event: <type>`, `data: <GatewayEvent JSON>`; comments as heartbeats. */
export const ADMIN_HEARTBEAT_MS = 15_000;
