// Cookies the SDK backend holds per upstream domain: names, expiry, last update; never values.
import { useCallback } from 'react';
import { useServices } from '../../app-context';
import { ConfirmButton } from '../../components/confirm-button';
import { EmptyState } from '../../components/empty-state';
import { useAction } from '../../hooks/use-action';
import { useNow } from '../../hooks/use-now';
import type { GatewayData } from '../../state/dashboard-state';
import { CookieDomainCard } from './cookie-domain-card';

export function CookiesView({ data }: { data: GatewayData }) {
  const { client, dispatch } = useServices();
  const now = useNow(10_000);
  const cookies = data.cookies;
  const clear = useAction(
    useCallback(
      async (domain?: string) => {
        dispatch({ type: 'cookies.set', cookies: await client.clearCookies(domain) });
      },
      [client, dispatch],
    ),
  );

  return (
    <div className="page">
      <div className="page-head">
        <h2 className="page-title">
          Cookies <span className="muted page-count" data-testid="cookie-total">{cookies.applies ? cookies.total : '—'}</span>
        </h2>
        {cookies.applies && cookies.domains.length > 0 && (
          <ConfirmButton
            label="Clear all"
            question={`Clear all ${cookies.total} cookies?`}
            confirmLabel="Clear all"
            onConfirm={() => void clear.run()}
            busy={clear.busy}
            testId="cookies-clear-all"
          />
        )}
      </div>
      <p className="muted page-lead">
        Upstreams behind Cloudflare (such as Supermemory’s router) set cookies like <code>__cf_bm</code>; sending them back
        keeps Switchboard recognised and avoids 503s. Values never leave the jar.
      </p>
      {clear.error && <p className="inline-error" role="alert">{clear.error}</p>}
      {!cookies.applies ? (
        <div className="callout" data-testid="cookies-binary-note">
          <strong>LiteLLM holds the upstream connections in binary mode.</strong>
          <p>{cookies.note ?? 'Its cookies live inside the LiteLLM process, so Switchboard cannot show or clear them. Switch to SDK mode to manage cookies here.'}</p>
        </div>
      ) : cookies.domains.length === 0 ? (
        <EmptyState title="No cookies held" testId="cookies-empty">
          <p>Cookies appear here when an upstream sets one, usually on the first request through Supermemory or Cloudflare.</p>
        </EmptyState>
      ) : (
        <div className="card-list" data-testid="cookie-domains">
          {cookies.domains.map((d) => (
            <CookieDomainCard key={d.domain} domain={d} now={now} busy={clear.busy} onClear={() => void clear.run(d.domain)} />
          ))}
        </div>
      )}
    </div>
  );
}
