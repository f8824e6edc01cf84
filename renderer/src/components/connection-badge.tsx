// Always-visible connection state: live / connecting / reconnecting / offline, with a retry button.
import type { ConnectionInfo } from '../state/dashboard-state';

const LABEL: Record<ConnectionInfo['phase'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export function ConnectionBadge({ connection, onRetry }: { connection: ConnectionInfo; onRetry: () => void }) {
  const { phase, lastError } = connection;
  const title =
    phase === 'live'
      ? 'Receiving live events from the gateway'
      : lastError
        ? `${lastError}. Retrying automatically.`
        : 'Connecting to the gateway';
  return (
    <span className={`conn conn-${phase}`} data-testid="connection-badge" data-state={phase} title={title} role="status">
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{LABEL[phase]}</span>
      {phase === 'offline' && (
        <button type="button" className="conn-retry" onClick={onRetry} data-testid="connection-retry">
          Retry
        </button>
      )}
    </span>
  );
}
