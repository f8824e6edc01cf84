// Base URLs and copy-ready client settings. The key stays hidden (fingerprint only) until asked for,
// and is forgotten when the panel unmounts.
import { useState } from 'react';
import type { ServerInfo } from '../../../../shared/protocol/records';
import { useServices } from '../../app-context';
import { CopyButton } from '../../components/copy-button';
import { actionErrorText } from '../../hooks/use-action';
import { clientSettings } from '../../lib/client-settings';

export function ConnectClients({ server }: { server: ServerInfo }) {
  const { client } = useServices();
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggleKey = async () => {
    if (key !== null) {
      setKey(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setKey(await client.revealKey());
    } catch (e) {
      setError(actionErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card panel" data-testid="connect-clients">
      <h3 className="panel-title">Connect your clients</h3>
      <dl className="facts facts-compact">
        <dt>Base URL</dt>
        <dd className="mono" data-testid="base-url">{server.baseUrl}</dd>
        <dt>OpenAI URL</dt>
        <dd className="mono" data-testid="openai-base-url">{server.openaiBaseUrl}</dd>
        <dt>Key</dt>
        <dd>
          <span className="mono" data-testid="key-value">{key ?? server.keyFingerprint}</span>{' '}
          <button type="button" className="link-button small" onClick={() => void toggleKey()} disabled={busy} data-testid="show-key">
            {busy ? 'Loading…' : key === null ? 'Show key' : 'Hide'}
          </button>
          {server.keySource && <div className="muted small">from {server.keySource}</div>}
        </dd>
      </dl>
      {error && <p className="inline-error">{error}</p>}
      <div className="snippets">
        {clientSettings(server, key).map((s) => (
          <div key={s.id} className="snippet" data-testid={`snippet-${s.id}`}>
            <div className="snippet-head">
              <span className="snippet-title">{s.title}</span>
              <CopyButton text={s.text} testId={`copy-${s.id}`} />
            </div>
            <pre className="code-block code-compact">{s.text}</pre>
            <span className="muted small">{s.hint}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
