// Provider keys in the app window: what is stored (names and fingerprints; values never come back), the
// form to add or replace one, and what a change is doing. A change restarts the gateway, so the
// dashboard's connection drops for a few seconds: the progress line says so before the badge does.
import type { SwitchboardBridge } from '../../../../shared/protocol/ipc';
import { ConfirmButton } from '../../components/confirm-button';
import { useProviderKeys } from '../../hooks/use-provider-keys';
import { asSentence } from '../../lib/bridge-calls';
import { keyNameChoices, suggestedKeyName } from '../../lib/provider-key-input';
import { ProviderKeyForm } from './provider-key-form';

export function ProviderKeysApp({ bridge }: { bridge: SwitchboardBridge }) {
  const keys = useProviderKeys(bridge);
  const { storage, pending } = keys;
  const unavailable = storage !== null && !storage.available;
  const busy = pending !== null;

  return (
    <section
      className="card panel keys"
      data-testid="provider-keys"
      data-mode="app"
      data-state={keys.loading ? 'loading' : keys.loadError ? 'failed' : unavailable ? 'unavailable' : 'ready'}
      aria-labelledby="provider-keys-title"
      aria-busy={keys.loading || busy}
    >
      <div className="row-between">
        <h3 className="panel-title" id="provider-keys-title">Provider keys</h3>
        {storage && (
          <span className={`pill ${unavailable ? 'pill-warn' : 'pill-ok'}`} data-testid="provider-keys-storage">
            {unavailable ? 'Storage unavailable' : 'Encrypted by the OS keychain'}
          </span>
        )}
      </div>
      <p className="muted small">
        Keys for the upstream providers. A key stored here takes the place of the environment variable of the same
        name; saving or removing one restarts the gateway. Values never come back: you see a fingerprint.
      </p>

      {unavailable && (
        <div className="callout callout-warn" role="note" data-testid="provider-keys-unavailable">
          <strong>Keys cannot be stored on this machine.</strong>
          <p>{asSentence(storage.reason ?? 'encrypted storage is not available here')}</p>
        </div>
      )}

      {keys.loading ? (
        <p className="muted" data-testid="provider-keys-loading">Loading stored keys…</p>
      ) : keys.loadError ? (
        <div className="inline-error row-between" role="alert" data-testid="provider-keys-load-error">
          <span>Could not read the stored keys: {keys.loadError}</span>
          <button type="button" className="button button-small" onClick={keys.reload} data-testid="provider-keys-retry">
            Try again
          </button>
        </div>
      ) : keys.keys.length === 0 ? (
        <p className="keys-empty" data-testid="provider-keys-empty">
          No keys stored in the app yet. Until you add one, the gateway uses environment variables such as{' '}
          <code>ANTHROPIC_API_KEY</code> and the <code>api_key</code> entries of your config.
        </p>
      ) : (
        <table className="table keys-table" data-testid="provider-keys-list">
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Fingerprint</th>
              <th scope="col" className="num">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.keys.map((k) => (
              <tr key={k.name} data-testid="provider-key-row" data-name={k.name}>
                <td className="mono">{k.name}</td>
                {k.unreadable ? (
                  <td data-testid="provider-key-unreadable">
                    Unreadable: the OS keychain can no longer decrypt it. Enter it again below (or remove it).
                  </td>
                ) : (
                  <td className="mono muted" data-testid="provider-key-fingerprint" title="First 8 hex digits of the key's SHA-256">
                    {k.fingerprint}
                  </td>
                )}
                <td className="num">
                  <ConfirmButton
                    label="Remove"
                    ariaLabel={`Remove ${k.name}`}
                    question={`Remove ${k.name}? The gateway restarts.`}
                    confirmLabel="Remove"
                    onConfirm={() => void keys.remove(k.name)}
                    disabled={busy}
                    busy={pending?.kind === 'remove' && pending.name === k.name}
                    testId="provider-key-remove"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ProviderKeyForm
        choices={keyNameChoices(keys.keys)}
        suggested={suggestedKeyName(keys.keys)}
        disabled={keys.loading || unavailable || busy || storage === null}
        disabledReason={unavailable ? 'Keys cannot be stored on this machine (see above).' : null}
        onSave={keys.save}
      />

      <div className="keys-status" role="status" aria-live="polite">
        {pending ? (
          <p className="keys-progress" data-testid="provider-key-progress">
            <span className="spinner" aria-hidden="true" />
            <span>
              {pending.kind === 'save' ? `Saving ${pending.name}` : `Removing ${pending.name}`}, restarting the gateway…
              <span className="muted"> The dashboard shows “Reconnecting…” until it is back.</span>
            </span>
          </p>
        ) : keys.outcome ? (
          <p className="keys-outcome" data-testid="provider-key-result" data-kind={keys.outcome.kind} data-name={keys.outcome.name}>
            <span className="text-ok" aria-hidden="true">✓</span>{' '}
            {keys.outcome.kind === 'save'
              ? `${keys.outcome.name} saved (fingerprint ${keys.outcome.fingerprint ?? '—'}); the gateway restarted to use it.`
              : `${keys.outcome.name} removed; the gateway restarted without it.`}
          </p>
        ) : null}
      </div>
      {keys.changeError && (
        <p className="inline-error" role="alert" data-testid="provider-key-error">
          {keys.changeError}
        </p>
      )}
    </section>
  );
}
