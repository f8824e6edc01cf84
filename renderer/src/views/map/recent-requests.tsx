// Under the map: each identity's status at a glance and the last few requests, the compact window's
// answer to "is everything going where it should, and is it working".
import { useMemo } from 'react';
import type { IdentityStats, RequestRecord } from '../../../../shared/protocol/records';
import { IdentityChip } from '../../components/identity-chip';
import { useNow } from '../../hooks/use-now';
import { errorRate, formatClock, formatCount, formatPercent, formatRelative } from '../../lib/format';
import type { LogFilters } from '../../state/log-filters';
import type { RequestLog } from '../../state/request-log';
import { StatusCell } from '../requests/log-columns';

const RECENT = 6;

function lastRecords(log: RequestLog, count: number): RequestRecord[] {
  // the Map keeps arrival order; only the tail is needed
  const all = [...log.entries.values()];
  return all.slice(-count).reverse().map((e) => e.record);
}

export function RecentRequests({ log, identities, onShowLog }: { log: RequestLog; identities: IdentityStats[]; onShowLog: (f: Partial<LogFilters>) => void }) {
  const now = useNow(5_000);
  const recent = useMemo(() => lastRecords(log, RECENT), [log]);
  const sorted = useMemo(() => [...identities].sort((a, b) => b.requests - a.requests || a.userId.localeCompare(b.userId)), [identities]);
  return (
    <div className="glance">
      <section className="card panel" aria-labelledby="glance-clients">
        <h3 className="panel-title" id="glance-clients">Clients</h3>
        {sorted.length === 0 ? (
          <p className="muted small">No client has called yet.</p>
        ) : (
          <ul className="glance-list" data-testid="glance-clients">
            {sorted.map((i) => (
              <li key={i.userId}>
                <button type="button" className="glance-row" onClick={() => onShowLog({ identity: i.userId })} title={`Show ${i.userId}'s requests in the log`}>
                  <IdentityChip identity={i.userId} />
                  <span className="num">{formatCount(i.requests)}</span>
                  <span className={`num${i.errors > 0 ? ' text-err' : ' muted'}`}>{formatPercent(errorRate(i.requests, i.errors))} err</span>
                  <span className="muted small">{formatRelative(i.lastSeen, now)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card panel" aria-labelledby="glance-recent">
        <h3 className="panel-title" id="glance-recent">Last requests</h3>
        {recent.length === 0 ? (
          <p className="muted small">None yet.</p>
        ) : (
          <ul className="glance-list" data-testid="glance-recent">
            {recent.map((r) => (
              <li key={r.id} className="glance-request" data-request-id={r.id}>
                <span className="muted small mono">{formatClock(r.startedAt, false)}</span>
                <span className="mono small">{r.method} {r.path}</span>
                <IdentityChip identity={r.identity} />
                <span className="cell-text small">{r.model ?? '—'}</span>
                <StatusCell record={r} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
