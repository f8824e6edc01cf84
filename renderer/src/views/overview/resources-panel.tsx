// Resident memory of the gateway and of the LiteLLM child, and the requests in flight (the migration
// guide's last phase watches these after a cutover). Polled while the Overview is on screen.
import { useStatusPoll } from '../../hooks/use-status-poll';
import { formatBytes, formatCount } from '../../lib/format';

export function ResourcesPanel() {
  const { status, error } = useStatusPoll();
  const resources = status?.resources ?? null;
  return (
    <section className="card panel" data-testid="overview-resources" aria-labelledby="overview-resources-title">
      <h3 className="panel-title" id="overview-resources-title">Resources</h3>
      {!resources ? (
        <p className="muted small" data-testid="resources-unavailable">{error ? `Not available: ${error}` : 'Reading…'}</p>
      ) : (
        <dl className="facts">
          <dt>Gateway memory</dt>
          <dd data-testid="resources-gateway-rss">{formatBytes(resources.gatewayRssBytes)}</dd>
          <dt>LiteLLM memory</dt>
          <dd data-testid="resources-litellm-rss">
            {resources.litellmRssBytes === null ? <span className="muted">not running</span> : formatBytes(resources.litellmRssBytes)}
          </dd>
          <dt>In flight</dt>
          <dd data-testid="resources-inflight">{formatCount(resources.inFlight)}</dd>
        </dl>
      )}
      <p className="muted small">Resident memory, read every few seconds while this view is open.</p>
      {resources && error && <p className="muted small">Last update failed: {error}</p>}
    </section>
  );
}
