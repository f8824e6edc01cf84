// "Which identity would this request get?" Asks the gateway, which runs the same resolver as for real
// requests, so the answer cannot drift from what happens on the wire.
import { useState, type FormEvent } from 'react';
import type { MemoryRoutingInfo } from '../../../../shared/protocol/records';
import { useServices } from '../../app-context';
import { IdentityChip } from '../../components/identity-chip';
import { actionErrorText } from '../../hooks/use-action';
import { parseHeaderLines } from '../../lib/header-lines';

const EXAMPLES: { label: string; text: string }[] = [
  { label: 'JetBrains', text: 'OpenAIClientImpl/Java unknown' },
  { label: 'Claude Code', text: 'claude-cli/2.0.14 (external, cli)' },
  { label: 'OpenAI SDK', text: 'OpenAI/Python 1.99.0' },
  { label: 'Custom header', text: 'User-Agent: curl/8.5.0\nx-memory-user-id: my-project' },
];

export function TryIdentity() {
  const { client } = useServices();
  const [text, setText] = useState('');
  const [result, setResult] = useState<MemoryRoutingInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await client.resolveIdentity(parseHeaderLines(text)));
    } catch (err) {
      setResult(null);
      setError(actionErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card panel" data-testid="try-identity">
      <h3 className="panel-title">Try a User-Agent or headers</h3>
      <form onSubmit={(e) => void submit(e)}>
        <textarea
          className="input textarea mono"
          rows={3}
          value={text}
          placeholder={'claude-cli/2.0.14 (external, cli)\nx-memory-user-id: my-project'}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit();
          }}
          data-testid="try-identity-input"
          aria-label="User-Agent or header lines"
        />
        <div className="row-between">
          <span className="examples">
            <span className="muted small">Try:</span>
            {EXAMPLES.map((ex) => (
              <button key={ex.label} type="button" className="link-button small" onClick={() => setText(ex.text)}>
                {ex.label}
              </button>
            ))}
          </span>
          <button type="submit" className="button button-small button-accent" disabled={busy} data-testid="try-identity-submit">
            {busy ? 'Checking…' : 'Check'}
          </button>
        </div>
      </form>
      {error && <p className="inline-error">{error}</p>}
      {result && (
        <div className="try-result" data-testid="try-identity-result" data-identity={result.user_id}>
          <IdentityChip identity={result.user_id} />
          <span className="muted small">
            {result.custom_header_present
              ? 'from the identity header'
              : result.matched_pattern
                ? `${result.matched_pattern.header} ~ /${result.matched_pattern.pattern}/`
                : 'no rule matched: default identity'}
          </span>
        </div>
      )}
    </section>
  );
}
