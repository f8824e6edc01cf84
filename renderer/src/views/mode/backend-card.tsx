// One backend's health: status, since when, LiteLLM's version, process and port (or the proxy it is
// attached to), in-flight requests, restarts.
import type { BackendState } from '../../../../shared/protocol/records';
import { formatRelative } from '../../lib/format';
import { backendTone, modeName } from '../../lib/labels';

export function BackendCard({ backend, active, now }: { backend: BackendState; active: boolean; now: number }) {
  const tone = backendTone(backend.status);
  return (
    <article className={`card backend${active ? ' backend-active' : ''}`} data-testid={`backend-${backend.kind}`} data-status={backend.status}>
      <header className="card-head">
        <h3 className="card-title">
          <span className={`dot dot-${tone}`} aria-hidden="true" /> {modeName(backend.kind)}
        </h3>
        {active ? <span className="pill pill-accent">in use</span> : <span className="pill pill-muted">standby</span>}
      </header>
      <dl className="facts facts-compact">
        <dt>State</dt>
        <dd>
          <span className={`text-${tone}`}>{backend.status}</span> <span className="muted">since {formatRelative(backend.since, now)}</span>
        </dd>
        {backend.reason && (
          <>
            <dt>Reason</dt>
            <dd className="wrap">{backend.reason}</dd>
          </>
        )}
        {backend.kind === 'binary' && (
          <>
            <dt>LiteLLM</dt>
            <dd data-testid="binary-version">{backend.version ? backend.version : 'version not read yet'}</dd>
            {backend.attachedTo ? (
              <>
                <dt>Attached to</dt>
                <dd data-testid="binary-attached">{backend.attachedTo} <span className="muted">(a proxy Switchboard does not start or stop)</span></dd>
              </>
            ) : (
              <>
                <dt>Process</dt>
                <dd>{backend.pid ? `pid ${backend.pid}` : '—'}{backend.port ? ` · port ${backend.port}` : ''}</dd>
                <dt>Restarts</dt>
                <dd>{backend.restarts}</dd>
              </>
            )}
          </>
        )}
        <dt>In flight</dt>
        <dd data-testid={`backend-${backend.kind}-inflight`}>{backend.inFlight}</dd>
      </dl>
    </article>
  );
}
