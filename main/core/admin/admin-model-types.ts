// The admin model: plain methods plus an event feed. HTTP+SSE (admin-routes) and the Electron tray are
// thin skins over it.
import type { ModeResult, Snapshot } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { CookieSummary, MemoryRoutingInfo, Mode, RequestDetail, ServerInfo } from '../../../shared/protocol/records';

export interface AdminModel {
  snapshot(): Snapshot;
  /** seq of the newest event so far */
  currentSeq(): number;
  /** events in seq order; returns an unsubscribe function */
  onEvent(listener: (event: GatewayEvent) => void): () => void;
  requestDetail(id: string): RequestDetail | null;
  clearLog(): void;
  setMode(mode: Mode): Promise<ModeResult>;
  rollback(): Promise<ModeResult>;
  clearCookies(domain?: string): Promise<CookieSummary>;
  /** the identity these headers would get, through the same code as real requests */
  resolveIdentity(headers: Record<string, string>): MemoryRoutingInfo;
  /** the master key itself, for "show key" and "Copy API key"; never logged */
  revealKey(): string;
  /** paused: /v1 routes answer 503 in the caller's dialect; admin and health keep working */
  pause(): ServerInfo;
  resume(): ServerInfo;
}
