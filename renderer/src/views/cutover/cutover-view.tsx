// Cutover: prove the switch from the LiteLLM binary to the SDK backend is safe, make it, keep a tested way
// back. Runs (pre / post / all) with live progress, the checklist of the newest (or a picked) run, the
// history, the decision, the rollback test and the performance figures.
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { formatDateTime, formatMs } from '../../lib/format';
import { countPassed, PHASE_NAMES, RESULT_TONE, runResult } from '../../lib/validation-labels';
import type { DashboardState } from '../../state/dashboard-state';
import { Checklist } from './checklist';
import { MakeDefaultPanel, RollbackTestPanel } from './decision-panel';
import { PerformancePanel } from './performance-panel';
import { RunControls } from './run-controls';
import { RunHistory } from './run-history';
import { useCutoverLoad } from './use-cutover';

export function CutoverView({ state }: { state: DashboardState }) {
  const loadError = useCutoverLoad(state.resyncs);
  const [picked, setPicked] = useState<string | null>(null);
  const cutover = state.cutover.state;
  if (!cutover) {
    return loadError ? (
      <EmptyState title="Cutover is not available" testId="cutover-unavailable">
        <p className="inline-error">{loadError}</p>
      </EmptyState>
    ) : (
      <p className="muted page" data-testid="cutover-loading">Loading validation runs…</p>
    );
  }
  const history = cutover.history;
  const newest = history[0] ?? null;
  const shown = history.find((r) => r.id === picked) ?? newest;
  const running = cutover.running !== null;
  const withPerformance = shown?.performance ? shown : (history.find((r) => r.performance) ?? null);
  const result = shown ? runResult(shown) : null;
  const counts = shown ? countPassed(shown.items) : null;

  return (
    <div className="page cutover">
      <div className="page-main">
        <RunControls live={state.cutover.live} running={running} />
        <section className="card panel" data-testid="cutover-checklist" aria-labelledby="cutover-checklist-title">
          <div className="row-between">
            <h3 className="panel-title" id="cutover-checklist-title">
              Checklist
              {shown && shown !== newest && <span className="muted small"> · an older run</span>}
            </h3>
            {shown && result && counts && (
              <span className="small" data-testid="checklist-summary" data-result={result}>
                <span className={`pill pill-${RESULT_TONE[result]}`}>{result}</span> {PHASE_NAMES[shown.phase]} · {formatDateTime(shown.finishedAt)} ·{' '}
                {counts.passed} passed, {counts.failed} failed{counts.skipped ? `, ${counts.skipped} skipped` : ''} · {formatMs(shown.finishedAt - shown.startedAt)}
              </span>
            )}
          </div>
          {shown ? (
            <>
              {shown.modeBefore !== shown.modeAfter && (
                <p className="text-warn small">The run left the gateway in another mode than it found it.</p>
              )}
              <Checklist items={shown.items} testId="checklist" failuresFirst />
            </>
          ) : (
            <p className="muted" data-testid="checklist-empty">
              No validation has run yet. Start with <strong>Run all checks</strong>: it checks the legacy binary and the SDK backend and compares them.
            </p>
          )}
        </section>
        <RunHistory history={history} selectedId={shown?.id ?? null} onSelect={setPicked} />
      </div>
      <div className="page-side">
        <MakeDefaultPanel cutover={cutover} busy={running} />
        <RollbackTestPanel cutover={cutover} busy={running} />
        <PerformancePanel performance={withPerformance?.performance ?? null} />
      </div>
    </div>
  );
}
