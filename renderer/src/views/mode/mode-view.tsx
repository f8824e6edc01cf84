// Mode: which backend serves requests, its health, the result of the last switch and of the health check
// that followed it, a rollback when one means something, and LiteLLM's log.
import { useCallback, useState } from 'react';
import type { HealthProbe } from '../../../../shared/protocol/admin-api';
import type { Mode, ModeState } from '../../../../shared/protocol/records';
import { useServices } from '../../app-context';
import { useAction } from '../../hooks/use-action';
import { useNow } from '../../hooks/use-now';
import { formatRelative } from '../../lib/format';
import { backendTone, modeDescription, modeName } from '../../lib/labels';
import { firstSentence, rollbackTarget, switchOutcome } from '../../lib/switch-outcome';
import type { GatewayData } from '../../state/dashboard-state';
import { BackendCard } from './backend-card';

function LastSwitch({ mode, now }: { mode: ModeState; now: number }) {
  const outcome = switchOutcome(mode);
  if (!outcome) return <span className="muted">No switch yet.</span>;
  return (
    <span data-testid="last-switch" data-ok={outcome.ok}>
      <span className={outcome.ok ? 'text-ok' : 'text-err'}>{outcome.headline}</span> · {formatRelative(mode.lastSwitch!.at, now)}
      {outcome.reason && <span className="text-err" data-testid="last-switch-reason">: {firstSentence(outcome.reason)}</span>}
    </span>
  );
}

function SwitchCheck({ check }: { check: HealthProbe }) {
  return (
    <p className="small" data-testid="switch-check" data-ok={check.ok}>
      Health check of {modeName(check.backend)} after the switch:{' '}
      <span className={check.ok ? 'text-ok' : 'text-err'}>{check.ok ? 'passed' : 'failed'}</span> — {check.message}
    </p>
  );
}

export function ModeView({ data, switchCheck }: { data: GatewayData; switchCheck: HealthProbe | null }) {
  const { client, dispatch, announce } = useServices();
  const now = useNow(5_000);
  const mode = data.mode;
  const [refused, setRefused] = useState<string | null>(null);
  const target: Mode | null = rollbackTarget(mode);
  const rollback = useAction(
    useCallback(async () => {
      const result = await client.rollback();
      dispatch({ type: 'mode.set', mode: result.mode, probe: result.probe ?? null });
      const error = result.ok ? null : `${result.error?.message ?? 'The rollback failed.'}${result.error ? ` (${result.error.code})` : ''}`;
      setRefused(error);
      announce(error ? `Rollback failed: ${error}` : `Rolled back to ${modeName(result.mode.mode)}.${result.probe ? ` Health check ${result.probe.ok ? 'passed' : 'failed'}: ${result.probe.message}.` : ''}`);
    }, [client, dispatch, announce]),
  );
  const current = mode.backends[mode.mode];
  const error = refused ?? rollback.error;
  const failedLog = !switchOutcome(mode)?.ok ? mode.backends[mode.lastSwitch?.from ?? 'binary'].logTail : [];

  return (
    <div className="page mode-page">
      <section className="card hero" data-testid="mode-current" data-mode={mode.mode}>
        <div className="hero-main">
          <span className="muted small">Current backend</span>
          <h2 className="hero-title">
            <span className={`dot dot-${backendTone(current.status)}`} aria-hidden="true" />
            <span data-testid="current-mode">{modeName(mode.mode)}</span>
            <span className={`pill pill-${backendTone(current.status)}`} data-testid="current-backend-status">{current.status}</span>
          </h2>
          <p className="muted">{modeDescription(mode.mode)}</p>
          {mode.switching && <p className="text-warn" data-testid="mode-switching">Switching to {modeName(mode.switching)}… requests in flight finish on the old backend.</p>}
          <p className="small"><LastSwitch mode={mode} now={now} /></p>
          {switchCheck && <SwitchCheck check={switchCheck} />}
          {failedLog.length > 0 && (
            <details className="failure-log">
              <summary>Show log</summary>
              <pre className="code-block log-tail" tabIndex={0} aria-label="Log of the failed backend">{failedLog.join('\n')}</pre>
            </details>
          )}
        </div>
        <div className="hero-actions">
          {/* switching is the header's SDK | Binary toggle, on every view; here only what it cannot say */}
          {target && (
            <button
              type="button"
              className="button"
              disabled={rollback.busy || mode.switching !== null}
              onClick={() => void rollback.run()}
              data-testid="rollback-button"
              title="Go back to the backend used before the last switch"
            >
              {rollback.busy ? 'Rolling back…' : `Roll back to ${modeName(target)}`}
            </button>
          )}
        </div>
      </section>
      {error && <p className="inline-error" role="alert" data-testid="mode-error">{error}</p>}
      <div className="card-grid two">
        <BackendCard backend={mode.backends.sdk} active={mode.mode === 'sdk'} now={now} />
        <BackendCard backend={mode.backends.binary} active={mode.mode === 'binary'} now={now} />
      </div>
      <section className="card panel">
        <h3 className="panel-title">LiteLLM log</h3>
        {mode.backends.binary.logTail.length === 0 ? (
          <p className="muted" data-testid="binary-log-empty">
            {mode.backends.binary.status === 'stopped' ? 'LiteLLM is not running. Its output appears here when binary mode starts it.' : 'No output yet.'}
          </p>
        ) : (
          <pre className="code-block log-tail" tabIndex={0} aria-label="LiteLLM log" data-testid="binary-log-tail">{mode.backends.binary.logTail.join('\n')}</pre>
        )}
      </section>
    </div>
  );
}
