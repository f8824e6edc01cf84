// One identity: requests, error rate, last seen, models, User-Agents, and the rules that matched it.
import type { IdentityStats } from '../../../../shared/protocol/records';
import { identityStyle } from '../../components/identity-chip';
import { errorRate, formatCount, formatPercent, formatRelative } from '../../lib/format';

function Chips({ values, empty }: { values: string[]; empty: string }) {
  if (values.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="chips">
      {values.map((v) => (
        <span key={v} className="chip" title={v}>{v}</span>
      ))}
    </span>
  );
}

export function IdentityCard({ identity, now }: { identity: IdentityStats; now: number }) {
  const rate = errorRate(identity.requests, identity.errors);
  return (
    <article className="card identity-card" style={identityStyle(identity.userId)} data-testid="identity-card" data-identity={identity.userId}>
      <header className="identity-card-head">
        <span className="id-swatch" aria-hidden="true" />
        <h3 className="identity-card-name">{identity.userId}</h3>
        <span className="muted identity-card-seen" title={identity.lastSeen ? new Date(identity.lastSeen).toLocaleString() : ''}>
          {formatRelative(identity.lastSeen, now)}
        </span>
      </header>
      <div className="stat-row">
        <div className="stat">
          <span className="stat-value" data-testid="identity-requests">{formatCount(identity.requests)}</span>
          <span className="stat-label">requests</span>
        </div>
        <div className="stat">
          <span className={`stat-value${identity.errors > 0 ? ' text-err' : ''}`}>{formatPercent(rate)}</span>
          <span className="stat-label">errors ({formatCount(identity.errors)})</span>
        </div>
      </div>
      <dl className="facts facts-compact">
        <dt>Apps</dt>
        <dd><Chips values={identity.clientApps} empty="—" /></dd>
        <dt>Models</dt>
        <dd><Chips values={identity.models} empty="—" /></dd>
        <dt>Providers</dt>
        <dd><Chips values={identity.providers ?? []} empty="—" /></dd>
        <dt>Backends</dt>
        <dd><Chips values={(identity.backends ?? []).map((b) => (b === 'sdk' ? 'SDK' : 'Binary'))} empty="—" /></dd>
        <dt>Matched by</dt>
        <dd className="mono small">{identity.matchedBy.length ? identity.matchedBy.join(' · ') : '—'}</dd>
        <dt>User-Agents</dt>
        <dd>
          {identity.userAgents.length === 0 ? (
            <span className="muted">—</span>
          ) : (
            <ul className="ua-list">
              {identity.userAgents.slice(0, 4).map((ua) => (
                <li key={ua} className="mono small" title={ua}>{ua}</li>
              ))}
              {identity.userAgents.length > 4 && <li className="muted small">+{identity.userAgents.length - 4} more</li>}
            </ul>
          )}
        </dd>
      </dl>
    </article>
  );
}
