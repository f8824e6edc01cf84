// Before the first snapshot: connecting, or why we cannot.
import { ConnectionBadge } from '../components/connection-badge';
import { EmptyState } from '../components/empty-state';
import type { ConnectionInfo } from '../state/dashboard-state';

export function Loading({ connection, onRetry }: { connection: ConnectionInfo; onRetry: () => void }) {
  if (connection.phase === 'connecting') {
    return <EmptyState title="Connecting to the gateway…" testId="loading" />;
  }
  return (
    <EmptyState title="Cannot reach the gateway" testId="loading">
      <p>
        {connection.lastError === 'admin token rejected'
          ? 'The admin token in this link is not valid any more. Open the link that `switchboard serve` printed, or the tray menu’s “Open dashboard”.'
          : 'Is Switchboard running? Start it from the tray or with `switchboard serve`; this page keeps retrying.'}
      </p>
      <ConnectionBadge connection={connection} onRetry={onRetry} />
    </EmptyState>
  );
}
