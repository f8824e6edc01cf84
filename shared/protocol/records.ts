// Records the core keeps and the dashboard shows. Plain JSON data: they cross HTTP, SSE and IPC unchanged.

export type Mode = 'sdk' | 'binary';
export type Dialect = 'openai' | 'anthropic';
export type Endpoint = 'chat.completions' | 'messages' | 'messages.count_tokens' | 'models';

export type IdentitySource = 'custom-header' | 'pattern' | 'default';

export interface HeaderPattern {
  header: string;
  pattern: string;
  user_id: string;
}

export interface IdentityRules {
  customHeader: string;
  patterns: HeaderPattern[];
  defaultUserId: string;
}

/** What `GET /memory-routing/info` answers, and what the "try a User-Agent" box shows. */
export interface MemoryRoutingInfo {
  user_id: string;
  matched_pattern: HeaderPattern | null;
  custom_header_present: boolean;
  is_default: boolean;
}

export type RequestPhase = 'pending' | 'streaming' | 'done' | 'error';

export interface TokenUsage {
  input: number | null;
  output: number | null;
  cacheRead: number | null;
  cacheCreation: number | null;
}

export interface RequestTiming {
  /** ms from arrival until the upstream call left (auth, parse, queueing behind the concurrency cap). */
  queueMs: number | null;
  /** ms from arrival until upstream response headers. */
  upstreamHeadersMs: number | null;
  /** ms from arrival until the first body byte reached the client. */
  ttfbMs: number | null;
  /** ms from arrival until the response ended. */
  durationMs: number | null;
}

/** One request as the log shows it. Small on purpose: bodies live in RequestDetail, fetched on demand. */
export interface RequestRecord {
  id: string;
  /** epoch ms */
  startedAt: number;
  phase: RequestPhase;
  method: string;
  path: string;
  endpoint: Endpoint;
  dialect: Dialect;
  stream: boolean;
  identity: string;
  identitySource: IdentitySource;
  matchedPattern: HeaderPattern | null;
  /** Human name of the calling app derived from its User-Agent, e.g. "Claude Code 2.0.14". */
  clientApp: string;
  userAgent: string;
  model: string | null;
  providerModel: string | null;
  provider: string | null;
  upstreamHost: string | null;
  backend: Mode;
  /** true when the caller's dialect differs from the provider's. */
  translated: boolean;
  status: number | null;
  ttfbMs: number | null;
  durationMs: number | null;
  bytesIn: number;
  bytesOut: number;
  usage: TokenUsage | null;
  retries: number;
  errorCode: string | null;
  errorMessage: string | null;
  /** id of the logged request this one replays (Compare in the dashboard); null for a client's own request */
  replayOf: string | null;
}

export interface CapturedBody {
  text: string;
  truncated: boolean;
  totalBytes: number;
  contentType: string | null;
  /** true when `text` is an SSE transcript. */
  sse: boolean;
}

/** Everything known about one request; `GET /admin/requests/:id`. Headers are already redacted. */
export interface RequestDetail {
  record: RequestRecord;
  timing: RequestTiming;
  requestHeaders: Record<string, string>;
  upstreamRequestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  requestBody: CapturedBody | null;
  responseBody: CapturedBody | null;
  /** Notes such as translation drops ("dropped field logprobs") or retry reasons. */
  notes: string[];
}

/**
 * Where along client → identity → model → provider → backend a failed request stopped: `gateway` (refused
 * at the front door: key, pause, body), `model` (no such model), `provider` (the upstream's answer or
 * stream), `backend` (the backend was not ready).
 */
export type RouteStage = 'gateway' | 'model' | 'provider' | 'backend';

/** One path that requests of an identity took, counted per minute so the routing map can pick a window. */
export interface IdentityRoute {
  clientApp: string;
  /** the model name the client asked for; null when the request named none (GET /v1/models, bad body) */
  model: string | null;
  provider: string | null;
  backend: Mode;
  /** null when these requests succeeded */
  failedAt: RouteStage | null;
  /** since start (or the last log clear) */
  requests: number;
  /** epoch ms */
  lastSeen: number;
  /** [minute start epoch ms, requests] for the last hour, oldest first */
  minutes: [number, number][];
}

export interface IdentityStats {
  userId: string;
  requests: number;
  errors: number;
  /** epoch ms */
  lastSeen: number | null;
  models: string[];
  userAgents: string[];
  clientApps: string[];
  /** How requests got this identity: "header x-memory-user-id", "user-agent ~ /claude-cli\//", "default". */
  matchedBy: string[];
  /** most recent first, like `models` */
  providers: string[];
  backends: Mode[];
  /** every client app → model → provider → backend path taken, busiest first (bounded) */
  routes: IdentityRoute[];
}

export interface CookieInfo {
  name: string;
  domain: string;
  path: string;
  /** epoch ms; null for a session cookie. Values never leave the jar. */
  expires: number | null;
  secure: boolean;
  httpOnly: boolean;
}

export interface CookieDomain {
  domain: string;
  count: number;
  cookies: CookieInfo[];
  /** epoch ms of the last Set-Cookie seen for this domain. */
  lastUpdated: number | null;
}

export interface CookieSummary {
  /** false in binary mode: LiteLLM holds the upstream connections and its own cookies. */
  applies: boolean;
  note: string | null;
  total: number;
  domains: CookieDomain[];
}

export type BackendStatus = 'stopped' | 'starting' | 'ready' | 'stopping' | 'crashed' | 'failed';

export interface BackendState {
  kind: Mode;
  status: BackendStatus;
  reason: string | null;
  /** epoch ms of the last status change */
  since: number;
  pid: number | null;
  port: number | null;
  inFlight: number;
  restarts: number;
  /** last lines of the child's stdout/stderr (binary only), secrets scrubbed */
  logTail: string[];
  /** binary only: the LiteLLM version found by `litellm --version` (null until read) */
  version?: string | null;
  /** binary only, attach mode: the host of the running LiteLLM proxy forwarded to (no child is spawned) */
  attachedTo?: string | null;
}

export type ModeSwitchKind = 'startup' | 'switch' | 'rollback' | 'fallback';

export interface ModeSwitch {
  kind: ModeSwitchKind;
  from: Mode | null;
  to: Mode;
  /** epoch ms */
  at: number;
  ok: boolean;
  reason: string | null;
}

export interface ModeState {
  mode: Mode;
  previous: Mode | null;
  /** target of a switch under way, else null */
  switching: Mode | null;
  lastSwitch: ModeSwitch | null;
  backends: Record<Mode, BackendState>;
}

export interface MetricsBucket {
  /** epoch ms of the minute's start */
  minute: number;
  requests: number;
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface IdentityMetrics {
  identity: string;
  requests: number;
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface MetricsSnapshot {
  windowMinutes: number;
  buckets: MetricsBucket[];
  totals: { requests: number; errors: number; p50Ms: number | null; p95Ms: number | null };
  byIdentity: IdentityMetrics[];
  /** requests since local midnight, for the tray tooltip */
  today: number;
}

export interface ModelSummary {
  name: string;
  provider: string;
  providerModel: string;
  dialect: Dialect;
  apiBaseHost: string | null;
  supermemory: boolean;
  /** why the model cannot be used (e.g. a missing environment variable), else null */
  error: string | null;
}

export interface ServerInfo {
  version: string;
  host: string;
  port: number;
  /** e.g. http://127.0.0.1:8765 (Claude Code's ANTHROPIC_BASE_URL) */
  baseUrl: string;
  /** e.g. http://127.0.0.1:8765/v1 (JetBrains AI Assistant, OpenAI SDKs) */
  openaiBaseUrl: string;
  keyFingerprint: string;
  /** where the user can read the master key, or null when it comes from the config or env */
  keySource: string;
  dataDir: string;
  configPath: string | null;
  startedAt: number;
  paused: boolean;
}
