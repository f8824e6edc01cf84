import type {
  BackendState,
  CookieSummary,
  IdentityStats,
  MetricsSnapshot,
  ModeState,
  RequestRecord,
  ServerInfo,
} from './records';
import type { CutoverState, ValidationProgress, ValidationReport } from './validation';

export type NoticeLevel = 'info' | 'warn' | 'error';

/** An event without its envelope; the event bus stamps `seq` and `ts`. */
export type GatewayEventBody =
  | { type: 'request.started'; request: RequestRecord }
  | { type: 'request.first_byte'; request: RequestRecord }
  | { type: 'request.finished'; request: RequestRecord }
  | { type: 'request.failed'; request: RequestRecord }
  | { type: 'log.cleared' }
  | { type: 'identity.updated'; identity: IdentityStats }
  | { type: 'cookies.changed'; cookies: CookieSummary }
  | { type: 'mode.changed'; mode: ModeState }
  | { type: 'backend.state'; backend: BackendState }
  | { type: 'metrics.updated'; metrics: MetricsSnapshot }
  | { type: 'server.updated'; server: ServerInfo }
  | { type: 'notice'; level: NoticeLevel; code: string; message: string }
  | { type: 'validation.progress'; progress: ValidationProgress }
  | { type: 'validation.finished'; report: ValidationReport }
  | { type: 'cutover.updated'; cutover: CutoverState };

export type GatewayEventType = GatewayEventBody['type'];

/**
 * Every event carries a strictly increasing `seq`. A client takes a snapshot (which has the `seq` of the
 * last event it includes) and drops any event with `seq <= snapshot.seq`.
 */
export type GatewayEvent = GatewayEventBody & { seq: number; ts: number };
