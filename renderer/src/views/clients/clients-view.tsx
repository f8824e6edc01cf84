// Clients: one card per memory identity, the "try a User-Agent" box, and the identity rules as loaded.
import { useMemo } from 'react';
import { EmptyState } from '../../components/empty-state';
import { useNow } from '../../hooks/use-now';
import type { GatewayData } from '../../state/dashboard-state';
import { FallThroughNotices } from '../map/fall-through';
import { IdentityCard } from './identity-card';
import { IdentityRulesPanel } from './identity-rules';
import { TryIdentity } from './try-identity';

export function ClientsView({ data }: { data: GatewayData }) {
  const now = useNow(5_000);
  const identities = useMemo(
    // busiest first, then by name: stable while traffic flows (sorting by "last seen" would shuffle the cards)
    () => [...data.identities].sort((a, b) => b.requests - a.requests || a.userId.localeCompare(b.userId)),
    [data.identities],
  );
  return (
    <div className="page clients">
      <div className="page-main">
        <h2 className="page-title">Clients <span className="muted page-count">{identities.length}</span></h2>
        <FallThroughNotices data={data} />
        {identities.length === 0 ? (
          <EmptyState title="No client has called yet" testId="clients-empty">
            <p>
              Each app that calls <code>{data.server.baseUrl}</code> gets a memory identity from the rules on the right.
              Send a request, or try a User-Agent below to see which identity it would get.
            </p>
          </EmptyState>
        ) : (
          <div className="card-grid" data-testid="identity-cards">
            {identities.map((identity) => (
              <IdentityCard key={identity.userId} identity={identity} now={now} />
            ))}
          </div>
        )}
      </div>
      <div className="page-side">
        <TryIdentity />
        <IdentityRulesPanel rules={data.identityRules} />
      </div>
    </div>
  );
}
