// Mode: which backend serves requests, its health, the switch, one-click rollback, and LiteLLM's log.
import { useCallback, useState } from 'react';
import type { Mode, ModeState } from '../../../../shared/protocol/records';
import type { ModeResult } from '../../../../shared/protocol/admin-api';
import { useServices } from '../../app-context';
import { useAction } from '../../hooks/use-action';
import { useNow } from '../../hooks/use-now';
import { formatRelative } from '../../lib/format';
import { backendTone, modeDescription, modeName, switchKindLabel } from '../../lib/labels';
import type { GatewayData } from '../../state/dashboard-state';
import { BackendCard } from './backend-card';

function otherMode(mode: Mode): Mode {
  return mode === 'sdk' ? 'binary' : 'sdk';
}

function LastSwitch({ mode, now }: { mode: ModeState; now: number }) {
  const last = mode.lastSwitch;
  if (!last) return <span className="muted">No switch yet.</span>;
  return (
    <span data-testid="last-switch" data-ok={last.ok}>
      {switchKindLabel(last.kind)} {last.from ? `from ${modeName(last.from)} ` : ''}to {modeName(last.to)} · {formatRelative(last.at, now)} ·{' '}
      {last.ok ? <span className="text-ok">succeeded</span> : <span className="text-err">failed{last.reason ? `: ${last.reason}` : ''}</span>}
    </span>
  );
}

export function ModeView({ data }: { data: GatewayData }) {
  const { client, dispatch } = useServices();
  const now = useNow(5_000);
  const mode = data.mode;
  const [refused, setRefused] = useState<string | null>(null);
  const apply = useCallback(
    (result: ModeResult) => {
      dispatch({ type: 'mode.set', mode: result.mode });
      setRefused(result.ok ? null : `${result.error?.message ?? 'The switch failed.'}${result.error ? ` (${result.error.code})` : ''}`);
    },
    [dispatch],
  );
  const switchTo = useAction(useCallback(async (target: Mode) => apply(await client.setMode(target)), [client, apply]));
  const rollback = useAction(useCallback(async () => apply(await client.rollback()), [client, apply]));
  const busy = switchTo.busy || rollback.busy || mode.switching !== null;
  const current = mode.backends[mode.mode];
  const target = otherMode(mode.mode);
  const error = refused ?? switchTo.error ?? rollback.error;

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
        </div>
        <div className="hero-actions">
          <button
            type="button"
            className="button button-accent"
            disabled={busy}
            onClick={() => void switchTo.run(target)}
            data-testid="mode-toggle"
            data-target={target}
          >
            {switchTo.busy ? 'Switching…' : `Switch to ${modeName(target)}`}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || mode.previous === null}
            onClick={() => void rollback.run()}
            data-testid="rollback-button"
            title={mode.previous ? 'Go back to the backend used before the last switch' : 'Nothing to roll back to yet'}
          >
            {rollback.busy ? 'Rolling back…' : mode.previous ? `Roll back to ${modeName(mode.previous)}` : 'Roll back'}
          </button>
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
          <pre className="code-block log-tail" data-testid="binary-log-tail">{mode.backends.binary.logTail.join('\n')}</pre>
        )}
      </section>
    </div>
  );
}
