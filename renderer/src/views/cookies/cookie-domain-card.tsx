// One upstream domain's cookies.
import type { CookieDomain } from '../../../../shared/protocol/records';
import { ConfirmButton } from '../../components/confirm-button';
import { formatDateTime, formatRelative } from '../../lib/format';

export interface CookieDomainCardProps {
  domain: CookieDomain;
  now: number;
  busy: boolean;
  onClear: () => void;
}

export function CookieDomainCard({ domain, now, busy, onClear }: CookieDomainCardProps) {
  return (
    <article className="card" data-testid="cookie-domain" data-domain={domain.domain}>
      <header className="card-head">
        <div>
          <h3 className="card-title mono">{domain.domain}</h3>
          <span className="muted small">
            <span data-testid="cookie-count">{domain.count}</span> cookie{domain.count === 1 ? '' : 's'} · updated{' '}
            {formatRelative(domain.lastUpdated, now)}
          </span>
        </div>
        <ConfirmButton
          label="Clear"
          question={`Clear ${domain.count} cookie${domain.count === 1 ? '' : 's'}?`}
          confirmLabel="Clear"
          onConfirm={onClear}
          busy={busy}
          testId="cookie-clear"
        />
      </header>
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Path</th>
            <th>Expires</th>
            <th>Flags</th>
          </tr>
        </thead>
        <tbody>
          {domain.cookies.map((c) => (
            <tr key={`${c.name}|${c.path}|${c.domain}`} data-testid="cookie-row">
              <td className="mono">{c.name}</td>
              <td className="mono muted">{c.path}</td>
              <td title={c.expires ? formatDateTime(c.expires) : 'Ends with the gateway session'}>
                {c.expires === null ? <span className="muted">session</span> : c.expires < now ? <span className="text-err">expired</span> : formatRelative(c.expires, now)}
              </td>
              <td className="muted small">{[c.secure && 'Secure', c.httpOnly && 'HttpOnly'].filter(Boolean).join(' · ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
