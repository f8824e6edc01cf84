// Cutting over and keeping a way back: "Make SDK the default" (only after a passing post/all run; the
// decision is recorded with the run it rests on) and "Test rollback" (to the binary and back, timed).
import { useCallback, useState } from 'react';
import type { CutoverState, RollbackTestResult } from '../../../../shared/protocol/validation';
import { useServices } from '../../app-context';
import { ConfirmButton } from '../../components/confirm-button';
import { useAction } from '../../hooks/use-action';
import { formatDateTime, formatMs } from '../../lib/format';
import { modeName } from '../../lib/labels';

export function MakeDefaultPanel({ cutover, busy }: { cutover: CutoverState; busy: boolean }) {
  const { client, dispatch } = useServices();
  const make = useAction(useCallback(async () => dispatch({ type: 'cutover.set', cutover: await client.makeDefault() }), [client, dispatch]));
  const decision = cutover.decision;
  return (
    <section className="card panel" data-testid="cutover-decision" aria-labelledby="cutover-decision-title">
      <h3 className="panel-title" id="cutover-decision-title">Cut over</h3>
      <p className="muted small">
        Makes SDK mode the default from now on, on the strength of the newest passing post-check run. Binary mode stays one click away.
      </p>
      <button
        type="button"
        className="button button-accent"
        disabled={!cutover.canMakeDefault || busy || make.busy}
        onClick={() => void make.run()}
        data-testid="make-default"
        aria-describedby="make-default-why"
      >
        {make.busy ? 'Recording…' : 'Make SDK the default'}
      </button>
      <p className="small" id="make-default-why" data-testid="make-default-why">
        {cutover.canMakeDefault ? (
          <span className="text-ok">The newest post-check run passed.</span>
        ) : (
          <span className="muted">Enabled after a passing post-check (or all-checks) run.</span>
        )}
      </p>
      {make.error && <p className="inline-error" role="alert">{make.error}</p>}
      {decision && (
        <p className="decision small" data-testid="decision" role="status">
          Recorded: {modeName(decision.mode)} is the default since {formatDateTime(decision.at)}, based on run <code>{decision.reportId}</code>.
        </p>
      )}
    </section>
  );
}

function RollbackResult({ result }: { result: RollbackTestResult }) {
  return (
    <div className={`rollback-result ${result.ok ? 'rollback-ok' : 'rollback-failed'}`} data-testid="rollback-result" data-ok={result.ok} role="status">
      <p>
        <strong className={result.ok ? 'text-ok' : 'text-err'}>{result.ok ? 'Rollback works' : 'Rollback failed'}</strong>{' '}
        <span className="muted small">{formatDateTime(result.at)}</span>
      </p>
      <dl className="facts facts-compact">
        <dt>To the binary</dt>
        <dd data-testid="rollback-to-binary">{formatMs(result.toBinaryMs)}</dd>
        <dt>Way back</dt>
        <dd data-testid="rollback-back">{formatMs(result.backMs)}</dd>
        <dt>Probe</dt>
        <dd>{result.probeOk ? 'answered' : 'did not answer'}</dd>
      </dl>
      {result.detail && <p className="muted small wrap">{result.detail}</p>}
    </div>
  );
}

export function RollbackTestPanel({ cutover, busy }: { cutover: CutoverState; busy: boolean }) {
  const { client } = useServices();
  const [fresh, setFresh] = useState<RollbackTestResult | null>(null);
  const test = useAction(useCallback(async () => setFresh(await client.testRollback()), [client]));
  const result = fresh && (!cutover.lastRollbackTest || fresh.at >= cutover.lastRollbackTest.at) ? fresh : cutover.lastRollbackTest;
  return (
    <section className="card panel" data-testid="cutover-rollback" aria-labelledby="cutover-rollback-title">
      <h3 className="panel-title" id="cutover-rollback-title">Way back</h3>
      <p className="muted small">
        Switches to the binary, sends a probe, and switches back to the mode in use, timing both ways. Requests arriving meanwhile are served by whichever backend is active.
      </p>
      <ConfirmButton
        label="Test rollback"
        question="Switch to the binary and back now?"
        confirmLabel="Test rollback"
        onConfirm={() => void test.run()}
        busy={test.busy}
        disabled={busy}
        testId="test-rollback"
      />
      {test.busy && <p className="muted small" role="status">Switching to the binary and back…</p>}
      {test.error && <p className="inline-error" role="alert">{test.error}</p>}
      {result ? <RollbackResult result={result} /> : <p className="muted small" data-testid="rollback-never">Not tested yet.</p>}
    </section>
  );
}
