// Starts a validation run (pre / post / all) and shows the run under way: the step, a progress bar and the
// items as they finish. The POST answers at once (202); progress arrives over the event stream.
import { useCallback } from 'react';
import type { ValidationPhase } from '../../../../shared/protocol/validation';
import { useServices } from '../../app-context';
import { useAction } from '../../hooks/use-action';
import { PHASE_HINTS, PHASE_NAMES } from '../../lib/validation-labels';
import type { LiveRun } from '../../state/cutover-state';
import { Checklist } from './checklist';

const PHASES: readonly ValidationPhase[] = ['pre', 'post', 'all'];

export function RunControls({ live, running }: { live: LiveRun | null; running: boolean }) {
  const { client } = useServices();
  const start = useAction(useCallback(async (phase: ValidationPhase) => void (await client.startValidation(phase)), [client]));
  const cancel = useAction(useCallback(() => client.cancelValidation(), [client]));
  const busy = running || start.busy;
  return (
    <section className="card panel" data-testid="cutover-run" aria-labelledby="cutover-run-title">
      <div className="row-between">
        <h3 className="panel-title" id="cutover-run-title">Validate</h3>
        <span className="muted small">Probes run against a local test upstream: no tokens are spent.</span>
      </div>
      <div className="run-buttons">
        {PHASES.map((phase) => (
          <button
            key={phase}
            type="button"
            className={`button${phase === 'all' ? ' button-accent' : ''}`}
            disabled={busy}
            onClick={() => void start.run(phase)}
            data-testid={`run-${phase}`}
            title={PHASE_HINTS[phase]}
          >
            Run {PHASE_NAMES[phase].toLowerCase()}
          </button>
        ))}
      </div>
      <ul className="run-hints muted small">
        {PHASES.map((phase) => (
          <li key={phase}>
            <strong>{PHASE_NAMES[phase]}:</strong> {PHASE_HINTS[phase]}
          </li>
        ))}
      </ul>
      {(start.error ?? cancel.error) && <p className="inline-error" role="alert" data-testid="run-error">{start.error ?? cancel.error}</p>}
      {live && (
        <div className="run-live" data-testid="run-progress" aria-live="polite">
          <div className="row-between">
            <span className="run-step" data-testid="run-step">{live.step}</span>
            <span className="run-meta">
              <span className="muted small num" data-testid="run-count">
                {live.done} of {live.total}
              </span>
              <button type="button" className="button button-small" onClick={() => void cancel.run()} disabled={cancel.busy} data-testid="run-cancel" title="Stop the run; the mode in use is put back">
                {cancel.busy ? 'Stopping…' : 'Stop'}
              </button>
            </span>
          </div>
          <progress className="run-bar" max={Math.max(1, live.total)} value={Math.min(live.done, live.total)} aria-label="Validation progress" />
          {live.items.length > 0 && <Checklist items={live.items} testId="run-live-items" />}
        </div>
      )}
    </section>
  );
}
