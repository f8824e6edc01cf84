// The identity rules as the gateway loaded them from the config, in the order they are tried.
import type { IdentityRules } from '../../../../shared/protocol/records';
import { IdentityChip } from '../../components/identity-chip';

export function IdentityRulesPanel({ rules }: { rules: IdentityRules }) {
  return (
    <section className="card panel" data-testid="identity-rules">
      <h3 className="panel-title">Identity rules</h3>
      <p className="muted small">Tried in this order; the first that applies wins.</p>
      <ol className="rules">
        <li>
          <span className="rule-when">
            Header <code>{rules.customHeader}</code> is present
          </span>
          <span className="rule-then muted">its value</span>
        </li>
        {rules.patterns.map((p, i) => (
          <li key={`${p.header}-${i}`} data-testid="identity-rule">
            <span className="rule-when">
              <code>{p.header}</code> ~ <code>/{p.pattern}/</code>
            </span>
            <IdentityChip identity={p.user_id} />
          </li>
        ))}
        <li>
          <span className="rule-when">Otherwise</span>
          <IdentityChip identity={rules.defaultUserId} />
        </li>
      </ol>
    </section>
  );
}
