// The tray's picture of the gateway: the shell's own lifecycle (starting, running, failed…) plus the parts
// of the admin snapshot the tray shows, kept current by gateway events. Pure reducer functions; the tray
// controller holds the value and re-renders from it.
import type { Snapshot } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { Mode, ModeState, ServerInfo } from '../../../shared/protocol/records';
import type { CutoverState, ValidationPhase, ValidationReport } from '../../../shared/protocol/validation';

export type GatewayPhase = 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

export interface StartFailure {
  message: string;
  /** set when the port was taken: a free port the user can switch to with one click */
  suggestedPort: number | null;
}

/** The newest validation run, as the tray shows it; kept while no gateway runs (it is on disk anyway). */
export interface TrayValidation {
  ok: boolean;
  phase: ValidationPhase;
  /** epoch ms */
  finishedAt: number;
}

export interface TrayModel {
  phase: GatewayPhase;
  failure: StartFailure | null;
  server: ServerInfo | null;
  mode: ModeState | null;
  /** requests since local midnight (metrics.today) */
  today: number;
  /** seq of the newest snapshot/event applied; older events are dropped (snapshot, then stream) */
  seq: number;
  /** the mode from settings, shown while no gateway runs */
  lastKnownMode: Mode;
  startAtLogin: boolean;
  /** null: never run (or not known yet) */
  lastValidation: TrayValidation | null;
  validationRunning: boolean;
}

export function initialTrayModel(lastKnownMode: Mode, startAtLogin: boolean): TrayModel {
  return {
    phase: 'starting',
    failure: null,
    server: null,
    mode: null,
    today: 0,
    seq: -1,
    lastKnownMode,
    startAtLogin,
    lastValidation: null,
    validationRunning: false,
  };
}

export function trayStarting(model: TrayModel): TrayModel {
  return { ...model, phase: 'starting', failure: null };
}

export function trayRunning(model: TrayModel, snapshot: Snapshot): TrayModel {
  return {
    ...model,
    phase: 'running',
    failure: null,
    server: snapshot.server,
    mode: snapshot.mode,
    today: snapshot.metrics.today,
    seq: snapshot.seq,
    lastKnownMode: snapshot.mode.mode,
  };
}

export function trayFailed(model: TrayModel, failure: StartFailure): TrayModel {
  return { ...model, phase: 'failed', failure, server: null, mode: null, seq: -1 };
}

export function trayStopping(model: TrayModel): TrayModel {
  return { ...model, phase: 'stopping' };
}

export function trayStopped(model: TrayModel): TrayModel {
  return { ...model, phase: 'stopped', server: null, mode: null, seq: -1 };
}

export function traySetStartAtLogin(model: TrayModel, startAtLogin: boolean): TrayModel {
  return { ...model, startAtLogin };
}

function fromReport(report: ValidationReport): TrayValidation {
  return { ok: report.ok && !report.interrupted, phase: report.phase, finishedAt: report.finishedAt };
}

/**
 * The cutover state read when the tray attaches (GET-like, not seq'd): it never replaces a newer result
 * an event already brought.
 */
export function trayWithCutover(model: TrayModel, cutover: CutoverState): TrayModel {
  const newest = cutover.history[0];
  const known = model.lastValidation;
  const lastValidation = newest && (!known || newest.finishedAt >= known.finishedAt) ? fromReport(newest) : known;
  return { ...model, lastValidation, validationRunning: cutover.running !== null };
}

/** Applies one gateway event; an event already covered by the snapshot (seq <= model.seq) is dropped. */
export function applyGatewayEvent(model: TrayModel, event: GatewayEvent): TrayModel {
  if (event.seq <= model.seq) return model;
  const next: TrayModel = { ...model, seq: event.seq };
  switch (event.type) {
    case 'server.updated':
      return { ...next, server: event.server };
    case 'mode.changed':
      return { ...next, mode: event.mode, lastKnownMode: event.mode.mode };
    case 'backend.state':
      if (!next.mode) return next;
      return {
        ...next,
        mode: { ...next.mode, backends: { ...next.mode.backends, [event.backend.kind]: event.backend } },
      };
    case 'metrics.updated':
      return { ...next, today: event.metrics.today };
    case 'validation.progress':
      return { ...next, validationRunning: true };
    case 'validation.finished':
      return { ...next, lastValidation: fromReport(event.report), validationRunning: false };
    case 'cutover.updated':
      return trayWithCutover(next, event.cutover);
    default:
      return next;
  }
}
