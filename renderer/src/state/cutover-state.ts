// The Cutover view's slice: the gateway's CutoverState (runs, decision, rollback test) plus the run under
// way as its progress events arrive. Pure functions the reducer calls; no React, no DOM.
import type { CutoverState, ValidationItem, ValidationProgress, ValidationReport } from '../../../shared/protocol/validation';

/** The run under way, built from `validation.progress` events: items appear as they finish. */
export interface LiveRun {
  runId: string;
  step: string;
  done: number;
  total: number;
  items: ValidationItem[];
}

export interface CutoverSlice {
  /** null until the view loaded it (GET /admin/cutover) or an event brought it */
  state: CutoverState | null;
  live: LiveRun | null;
}

export const HISTORY_LIMIT = 20;

export const emptyCutoverSlice: CutoverSlice = { state: null, live: null };

const emptyState: CutoverState = { history: [], running: null, decision: null, canMakeDefault: false, lastRollbackTest: null };

/** The full state from the server (GET answer or `cutover.updated`). A run still under way keeps its items. */
export function withCutoverState(slice: CutoverSlice, state: CutoverState): CutoverSlice {
  const running = state.running;
  if (!running) return { state, live: null };
  const live = slice.live?.runId === running.runId ? slice.live : startLive(running);
  return { state, live: { ...live, step: running.step, done: running.done, total: running.total } };
}

function startLive(progress: ValidationProgress): LiveRun {
  return { runId: progress.runId, step: progress.step, done: progress.done, total: progress.total, items: [] };
}

export function withProgress(slice: CutoverSlice, progress: ValidationProgress): CutoverSlice {
  const base = slice.live?.runId === progress.runId ? slice.live : startLive(progress);
  const items = progress.item ? [...base.items.filter((i) => i.id !== progress.item?.id), progress.item] : base.items;
  const live: LiveRun = { runId: progress.runId, step: progress.step, done: progress.done, total: progress.total, items };
  return { state: { ...(slice.state ?? emptyState), running: progress }, live };
}

/**
 * A finished run goes to the top of the history. "Make SDK the default" follows the newest post/all run
 * (a pre run says nothing about the SDK backend); the server's next `cutover.updated` confirms it.
 * The run's report id is the run id its progress events carried.
 */
export function withFinished(slice: CutoverSlice, report: ValidationReport): CutoverSlice {
  const state = slice.state ?? emptyState;
  const history = [report, ...state.history.filter((r) => r.id !== report.id)].slice(0, HISTORY_LIMIT);
  const canMakeDefault = report.phase === 'pre' ? state.canMakeDefault : report.ok && !report.interrupted;
  // one run at a time (the server answers 409 to a second): a finished run ends whatever was under way
  return { state: { ...state, history, running: null, canMakeDefault }, live: null };
}
