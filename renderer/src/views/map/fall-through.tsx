// A recognised client app that lands on the default identity: its memories mix with every other
// unrecognised client's. Says so, offers the rule that would catch it, shows the change to the config
// file first, then writes it in one click (the gateway keeps the file's comments and layout).
import { useEffect, useRef, useState } from 'react';
import type { IdentityRulePreview } from '../../../../shared/protocol/admin-api';
import { describeRule, knownClientFor, type KnownClient } from '../../../../shared/identity-suggestions';
import type { HeaderPattern } from '../../../../shared/protocol/records';
import { useServices } from '../../app-context';
import { actionErrorText } from '../../hooks/use-action';
import { formatCount } from '../../lib/format';
import { appName } from '../../lib/routing-graph';
import type { GatewayData } from '../../state/dashboard-state';

export interface FallThrough {
  client: KnownClient;
  requests: number;
}

/** Known apps whose requests got the default identity (by rule, not by an explicit identity header). */
export function fallThroughClients(data: GatewayData): FallThrough[] {
  const fallback = data.identities.find((i) => i.userId === data.identityRules.defaultUserId);
  if (!fallback) return [];
  const byRule = new Map<string, FallThrough>();
  for (const route of fallback.routes ?? []) {
    const client = knownClientFor(route.clientApp);
    if (!client) continue;
    // already fixed: a rule now in force catches it (its old requests still count on the default)
    if (data.identityRules.patterns.some((p) => samePattern(p, client.rule))) continue;
    const key = client.app;
    const entry = byRule.get(key) ?? { client, requests: 0 };
    entry.requests += route.requests;
    byRule.set(key, entry);
  }
  return [...byRule.values()].sort((a, b) => b.requests - a.requests);
}

function samePattern(a: HeaderPattern, b: HeaderPattern): boolean {
  return a.header.toLowerCase() === b.header.toLowerCase() && a.pattern === b.pattern && a.user_id === b.user_id;
}

function FallThroughItem({ entry, defaultId, onDone }: { entry: FallThrough; defaultId: string; onDone: (text: string) => void }) {
  const { client, dispatch, announce } = useServices();
  const [preview, setPreview] = useState<IdentityRulePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rule = entry.client.rule;

  const run = async (step: 'preview' | 'apply') => {
    setBusy(true);
    setError(null);
    try {
      if (step === 'preview') setPreview(await client.previewIdentityRule(rule));
      else {
        const result = await client.addIdentityRule(rule);
        const text = `Rule added to ${result.configPath}. New ${entry.client.app} requests get ${rule.user_id}.`;
        // the item goes away once the rule is in force (this component with it): the panel keeps the result
        onDone(text);
        announce(text);
        dispatch({ type: 'rules.set', rules: result.rules });
        return;
      }
    } catch (err) {
      setError(actionErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="fall-through" data-testid="fall-through" data-app={entry.client.app}>
      <p>
        <strong>{appName(entry.client.app)}</strong> lands on <code>{defaultId}</code> ({formatCount(entry.requests)} requests):
        its memories mix with every unrecognised client’s. This rule would give it its own identity:
      </p>
      <p><code className="rule-text" data-testid="fall-through-rule">{describeRule(rule)}</code></p>
      {preview && (
        <figure className="diff-figure">
          <figcaption className="muted small">Change to {preview.configPath}</figcaption>
          <pre className="code-block diff" tabIndex={0} aria-label={`Change to ${preview.configPath}`} data-testid="fall-through-diff">
            {preview.diff.map((line, i) => (
              <span key={i} className={line.startsWith('+') ? 'diff-add' : line.startsWith('-') ? 'diff-del' : undefined}>{line}{'\n'}</span>
            ))}
          </pre>
        </figure>
      )}
      <div className="row-gap">
        {!preview && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void run('preview')} data-testid="fall-through-preview">
            Preview the change
          </button>
        )}
        <button type="button" className="button button-small button-accent" disabled={busy} onClick={() => void run('apply')} data-testid="fall-through-apply">
          {busy ? 'Working…' : 'Add rule to config'}
        </button>
      </div>
      {error && <p className="inline-error" role="alert">{error}</p>}
    </li>
  );
}

export function FallThroughNotices({ data }: { data: GatewayData }) {
  const entries = fallThroughClients(data);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  // the pressed button is gone with its item: focus goes to the result instead of the page's body
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  if (entries.length === 0 && !done) return null;
  return (
    <section className="card panel fall-through-panel" aria-labelledby="fall-through-title" data-testid="fall-through-panel">
      <h3 className="panel-title" id="fall-through-title">Clients on the default identity</h3>
      {done && (
        <p className="text-ok small" tabIndex={-1} ref={doneRef} data-testid="fall-through-done">
          {done}
        </p>
      )}
      {entries.length > 0 && (
        <ul className="fall-through-list">
          {entries.map((entry) => (
            <FallThroughItem key={entry.client.app} entry={entry} defaultId={data.identityRules.defaultUserId} onDone={setDone} />
          ))}
        </ul>
      )}
    </section>
  );
}
