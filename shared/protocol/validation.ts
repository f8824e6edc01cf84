// The migration assistant's contract: validation runs (pre / post / all), the decision checklist, the
// cutover actions and request replays. The CLI (`switchboard validate | status`), the admin API, the
// dashboard's Cutover view and the tray all speak these shapes. `--json` prints a ValidationReport as is,
// so its shape is versioned by `schema`.
import type { z } from 'zod';
import type { replayBody, startValidationBody } from './admin-bodies';
import type { Mode } from './records';

export type ValidationPhase = 'pre' | 'post' | 'all';

/** Where an item belongs in the checklist; `decision` items summarise the others (phase `all`). */
export type ValidationItemPhase = 'pre' | 'post' | 'decision' | 'live';

export const VALIDATION_SCHEMA = 'switchboard.validation/1';

export interface ValidationItem {
  /** stable, dotted: e.g. `pre.binary.found`, `post.parity.stream-events`, `decision.identities` */
  id: string;
  phase: ValidationItemPhase;
  /** one line a person reads in the checklist */
  title: string;
  ok: boolean;
  /** true when it could not run because an earlier item failed (then ok is false) */
  skipped: boolean;
  /** what was seen, one or two sentences, no secrets */
  detail: string;
  /** what to do about a failure; null when ok */
  fix: string | null;
  durationMs: number;
}

export interface BackendPerformance {
  backend: Mode;
  probes: number;
  p50Ms: number | null;
  p95Ms: number | null;
  errors: number;
}

export interface ValidationPerformance {
  sdk: BackendPerformance | null;
  binary: BackendPerformance | null;
  /** sdk p50 / binary p50 (below 1 means SDK mode is faster) */
  p50Ratio: number | null;
  /** resident memory in bytes, null where it could not be read */
  gatewayRssBytes: number | null;
  litellmRssBytes: number | null;
}

export interface ValidationReport {
  schema: typeof VALIDATION_SCHEMA;
  id: string;
  phase: ValidationPhase;
  live: boolean;
  /** epoch ms */
  startedAt: number;
  finishedAt: number;
  /** true only when every item is ok */
  ok: boolean;
  items: ValidationItem[];
  performance: ValidationPerformance | null;
  /** the mode that was active before the run, and after it (always equal unless the run says why) */
  modeBefore: Mode;
  modeAfter: Mode;
  /** set when the run ended early (Ctrl-C, stop) */
  interrupted: boolean;
}

/** One step of a run in progress, as the CLI prints it and the dashboard shows it. */
export interface ValidationProgress {
  runId: string;
  /** what is being done now, e.g. "starting the legacy binary against the probe upstream" */
  step: string;
  /** items finished so far, and the expected total (an estimate until the run ends) */
  done: number;
  total: number;
  /** the item that just finished, if this step finished one */
  item: ValidationItem | null;
}

/** The body of POST /admin/validation, from its schema in admin-bodies.ts. */
export type StartValidationRequest = z.output<typeof startValidationBody>;

export interface StartValidationResponse {
  runId: string;
}

export interface LiveRequestPlan {
  model: string;
  provider: string;
  /** rough tokens in + out for the one request */
  estimatedTokens: number;
}

export interface CutoverDecision {
  /** epoch ms */
  at: number;
  /** the passing post/all run this decision rests on */
  reportId: string;
  mode: Mode;
}

/** What the Cutover view and `switchboard status` show. */
export interface CutoverState {
  /** newest first, at most 20 */
  history: ValidationReport[];
  running: ValidationProgress | null;
  decision: CutoverDecision | null;
  /** "Make SDK the default" is enabled only when the newest post/all run passed */
  canMakeDefault: boolean;
  lastRollbackTest: RollbackTestResult | null;
}

export interface RollbackTestResult {
  /** epoch ms */
  at: number;
  ok: boolean;
  /** ms to get to binary mode and ready */
  toBinaryMs: number | null;
  /** ms for the way back to the mode that was active */
  backMs: number | null;
  probeOk: boolean;
  detail: string;
}

/** The body of POST /admin/replay as the route hands it on (`confirmCost` true only when the user agreed). */
export type ReplayRequest = z.output<typeof replayBody>;

export interface ReplaySide {
  backend: Mode;
  /** the request id of this side in the log (the replay is marked as a replay there) */
  requestId: string | null;
  status: number | null;
  /** the headers that matter (content-type, request ids, rate limits), redacted */
  headers: Record<string, string>;
  body: string;
  /** SSE event names in order, for streamed answers */
  streamEvents: string[];
  durationMs: number | null;
}

export interface ReplayDifference {
  /** `status`, `header:<name>`, `body`, `stream-events`, `timing` */
  field: string;
  original: string;
  replay: string;
}

export interface ReplayResult {
  original: ReplaySide;
  replay: ReplaySide;
  differences: ReplayDifference[];
}

/** Resident memory and load of the running gateway. */
export interface ResourceUsage {
  /** bytes, of the gateway process */
  gatewayRssBytes: number;
  /** bytes, of the LiteLLM child (its whole process group where readable); null when none runs or unreadable */
  litellmRssBytes: number | null;
  inFlight: number;
}

/** `switchboard status --json` and `GET /admin/status`. */
export interface StatusReport {
  version: string;
  baseUrl: string;
  mode: Mode;
  /** one line per backend: "sdk ready", "binary stopped", "binary failed: <reason>" */
  backends: Record<Mode, { status: string; reason: string | null; pid: number | null }>;
  lastValidation: { id: string; phase: ValidationPhase; ok: boolean; finishedAt: number } | null;
  /** the last 15 minutes */
  window: { minutes: number; requests: number; errors: number; errorRate: number | null; p50Ms: number | null; p95Ms: number | null };
  cookies: { applies: boolean; total: number };
  resources: ResourceUsage;
}

/** Admin routes of the migration assistant (all behind the admin token, like ADMIN_PATHS). */
export const MIGRATION_PATHS = {
  /** POST StartValidationRequest -> 202 StartValidationResponse; 409 while a run is under way */
  validation: '/admin/validation',
  /** POST -> { cancelled: boolean }: interrupts the run under way (its temporary gateway stops; the mode is untouched) */
  cancelValidation: '/admin/validation/cancel',
  /** GET -> LiveRequestPlan[] (what `--live` would send; nothing is sent) */
  livePlan: '/admin/validation/live-plan',
  /** GET -> CutoverState */
  cutover: '/admin/cutover',
  /** POST -> CutoverState; 409 unless canMakeDefault */
  makeDefault: '/admin/cutover/make-default',
  /** POST -> RollbackTestResult */
  testRollback: '/admin/cutover/test-rollback',
  /** GET -> StatusReport */
  status: '/admin/status',
  /** POST ReplayRequest -> ReplayResult */
  replay: '/admin/replay',
} as const;
