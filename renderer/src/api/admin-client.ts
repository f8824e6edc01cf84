// Thin typed client for the admin API (shared/protocol/admin-api.ts). Request bodies are typed from the
// zod schemas the server validates with (shared/protocol/admin-bodies.ts, types only: no zod in the
// bundle), so a change to the contract fails this file's type check too. The token goes only into the
// Authorization header; errors carry the server's code and message, never the request's headers.
import {
  ADMIN_PATHS,
  type AdminErrorBody,
  type IdentityRulePreview,
  type IdentityRuleResult,
  type ModeResult,
  type RevealKeyResponse,
  type Snapshot,
} from '../../../shared/protocol/admin-api';
import type {
  ClearCookiesBody,
  IdentityRuleBody,
  ReplayBody,
  ResolveIdentityBody,
  SetModeBody,
  StartValidationBody,
} from '../../../shared/protocol/admin-bodies';
import type {
  CookieSummary,
  HeaderPattern,
  MemoryRoutingInfo,
  Mode,
  RequestDetail,
  ServerInfo,
} from '../../../shared/protocol/records';
import {
  MIGRATION_PATHS,
  type CutoverState,
  type ReplayResult,
  type RollbackTestResult,
  type StartValidationResponse,
  type StatusReport,
  type ValidationPhase,
} from '../../../shared/protocol/validation';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface AdminClientOptions {
  /** '' for same origin (headless, served at /ui/), else e.g. http://127.0.0.1:8765 */
  baseUrl: string;
  token: string;
  fetch: FetchLike;
}

export class AdminRequestError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'AdminRequestError';
    this.code = code;
    this.status = status;
  }
}

export interface AdminClient {
  /** Opens `GET /admin/events`; resolves once the response headers arrived (the subscription exists). */
  openEvents(signal: AbortSignal): Promise<Response>;
  snapshot(signal?: AbortSignal): Promise<Snapshot>;
  requestDetail(id: string, signal?: AbortSignal): Promise<RequestDetail>;
  clearLog(): Promise<void>;
  setMode(mode: Mode): Promise<ModeResult>;
  rollback(): Promise<ModeResult>;
  clearCookies(domain?: string): Promise<CookieSummary>;
  resolveIdentity(headers: Record<string, string>): Promise<MemoryRoutingInfo>;
  revealKey(): Promise<string>;
  /** the change adding this rule would make to the config file; nothing is written */
  previewIdentityRule(rule: HeaderPattern): Promise<IdentityRulePreview>;
  /** writes the rule into the config file; the gateway uses it from the next request */
  addIdentityRule(rule: HeaderPattern): Promise<IdentityRuleResult>;
  pause(): Promise<ServerInfo>;
  resume(): Promise<ServerInfo>;
  cutover(signal?: AbortSignal): Promise<CutoverState>;
  startValidation(phase: ValidationPhase): Promise<StartValidationResponse>;
  /** interrupts the run under way; the run ends with an interrupted report */
  cancelValidation(): Promise<void>;
  makeDefault(): Promise<CutoverState>;
  testRollback(): Promise<RollbackTestResult>;
  status(signal?: AbortSignal): Promise<StatusReport>;
  /** sends the captured request to a real provider again: only after the user agreed to the cost */
  replay(requestId: string): Promise<ReplayResult>;
}

async function errorFrom(response: Response): Promise<AdminRequestError> {
  let code = response.status === 401 ? 'ADMIN_UNAUTHORIZED' : `HTTP_${response.status}`;
  let message = response.status === 401 ? 'The admin token was rejected.' : `The gateway answered ${response.status}.`;
  try {
    const body = (await response.json()) as Partial<AdminErrorBody>;
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the generic message
  }
  return new AdminRequestError(code, response.status, message);
}

function isModeResult(value: unknown): value is ModeResult {
  return typeof value === 'object' && value !== null && 'ok' in value && 'mode' in value;
}

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const base = options.baseUrl.replace(/\/$/, '');
  const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${options.token}`, ...extra });

  async function call(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const init: RequestInit = {
      method,
      headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal) init.signal = signal;
    return options.fetch(base + path, init);
  }

  async function json<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const response = await call(method, path, body, signal);
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  // A refused switch may come back as a ModeResult with a 4xx status; show its error, do not throw.
  async function modeCall(path: string, body?: unknown): Promise<ModeResult> {
    const response = await call('POST', path, body ?? {});
    if (response.ok) return (await response.json()) as ModeResult;
    const clone = response.clone();
    try {
      const parsed: unknown = await clone.json();
      if (isModeResult(parsed)) return parsed;
    } catch {
      // fall through to the generic error
    }
    throw await errorFrom(response);
  }

  return {
    async openEvents(signal) {
      const response = await call('GET', ADMIN_PATHS.events, undefined, signal);
      if (!response.ok) throw await errorFrom(response);
      if (!response.body) throw new AdminRequestError('NO_STREAM', response.status, 'The event stream has no body.');
      return response;
    },
    snapshot: (signal) => json<Snapshot>('GET', ADMIN_PATHS.snapshot, undefined, signal),
    requestDetail: (id, signal) =>
      json<RequestDetail>('GET', ADMIN_PATHS.request + encodeURIComponent(id), undefined, signal),
    async clearLog() {
      const response = await call('POST', ADMIN_PATHS.clearLog, {});
      if (!response.ok) throw await errorFrom(response);
    },
    setMode: (mode) => modeCall(ADMIN_PATHS.mode, { mode } satisfies SetModeBody),
    rollback: () => modeCall(ADMIN_PATHS.rollback),
    clearCookies: (domain) => json<CookieSummary>('POST', ADMIN_PATHS.clearCookies, (domain ? { domain } : {}) satisfies ClearCookiesBody),
    resolveIdentity: (h) => json<MemoryRoutingInfo>('POST', ADMIN_PATHS.resolveIdentity, { headers: h } satisfies ResolveIdentityBody),
    previewIdentityRule: (rule) => json<IdentityRulePreview>('POST', ADMIN_PATHS.identityRulePreview, rule satisfies IdentityRuleBody),
    addIdentityRule: (rule) => json<IdentityRuleResult>('POST', ADMIN_PATHS.identityRule, rule satisfies IdentityRuleBody),
    revealKey: async () => (await json<RevealKeyResponse>('GET', ADMIN_PATHS.revealKey)).key,
    pause: () => json<ServerInfo>('POST', ADMIN_PATHS.pause, {}),
    resume: () => json<ServerInfo>('POST', ADMIN_PATHS.resume, {}),
    cutover: (signal) => json<CutoverState>('GET', MIGRATION_PATHS.cutover, undefined, signal),
    startValidation: (phase) => json<StartValidationResponse>('POST', MIGRATION_PATHS.validation, { phase } satisfies StartValidationBody),
    async cancelValidation() {
      await json<unknown>('POST', MIGRATION_PATHS.cancelValidation, {});
    },
    makeDefault: () => json<CutoverState>('POST', MIGRATION_PATHS.makeDefault, {}),
    testRollback: () => json<RollbackTestResult>('POST', MIGRATION_PATHS.testRollback, {}),
    status: (signal) => json<StatusReport>('GET', MIGRATION_PATHS.status, undefined, signal),
    replay: (requestId) => json<ReplayResult>('POST', MIGRATION_PATHS.replay, { requestId, confirmCost: true } satisfies ReplayBody),
  };
}
