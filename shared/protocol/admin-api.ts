// The admin API the dashboard, the tray and `switchboard mode` use. All routes need
// `Authorization: Bearer <admin token>`; the event stream too (the dashboard reads it with fetch, not
// EventSource, so the token never goes into a URL). Request bodies are zod schemas in admin-bodies.ts.
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
  identityRulePreview: '/admin/identity/rules/preview',
  identityRule: '/admin/identity/rules',
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

export type { ClearCookiesBody as ClearCookiesRequest, ResolveIdentityBody as ResolveIdentityRequest, SetModeBody as SetModeRequest } from './admin-bodies';

export interface AdminError {
  code: string;
  message: string;
}

/** The check run after every switch: one `GET /v1/models` through the front door, to the backend now in use. */
export interface HealthProbe {
  backend: Mode;
  ok: boolean;
  /** HTTP status, or null when nothing answered */
  status: number | null;
  ms: number;
  /** one sentence: what was checked and what came back */
  message: string;
}

export interface ModeResult {
  ok: boolean;
  mode: ModeState;
  error: AdminError | null;
  /** set by the admin model after a switch that went through; absent where no check ran */
  probe?: HealthProbe | null;
}

export type ResolveIdentityResponse = MemoryRoutingInfo;

export interface RevealKeyResponse {
  key: string;
}

export type RequestDetailResponse = RequestDetail;

/** Body of the identity rule routes: the rule to add to `user_id_mappings.header_patterns`. */
export type { IdentityRuleBody as IdentityRuleRequest } from './admin-bodies';

export interface IdentityRulePreview {
  configPath: string;
  /** the file's changed lines (`+ `, `- `, or two spaces for context) */
  diff: string[];
}

export interface IdentityRuleResult extends IdentityRulePreview {
  /** the rules now in force */
  rules: IdentityRules;
}

/** Error body of every /admin route. */
export interface AdminErrorBody {
  error: AdminError;
}

/** SSE framing of `GET /admin/events`: `id: <seq>`, `event: <type>`, `data: <GatewayEvent JSON>`; comments as heartbeats. */
export const ADMIN_HEARTBEAT_MS = 15_000;
