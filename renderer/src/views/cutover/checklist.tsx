// One run's checklist: items grouped by phase, each passed / failed / skipped with what was seen and,
// for a failure, what to do. The status is spelled out next to its icon, not only coloured.
import type { ValidationItem } from '../../../../shared/protocol/validation';
import { formatMs } from '../../lib/format';
import { groupItems, ITEM_PHASE_NAMES, ITEM_STATUS_LABEL, itemStatus } from '../../lib/validation-labels';

const ICON = { ok: '✓', failed: '✗', skipped: '–' } as const;

export function ChecklistItem({ item, anchor }: { item: ValidationItem; anchor: string }) {
  const status = itemStatus(item);
  return (
    <li className={`check check-${status}`} id={anchor} tabIndex={-1} data-testid="check-item" data-item-id={item.id} data-status={status}>
      <span className={`check-icon check-icon-${status}`} aria-hidden="true">{ICON[status]}</span>
      <div className="check-body">
        <div className="check-head">
          <span className="check-title">{item.title}</span>
          <span className={`check-status check-status-${status}`}>{ITEM_STATUS_LABEL[status]}</span>
          <span className="muted small num check-time">{formatMs(item.durationMs)}</span>
        </div>
        {item.detail && <p className="check-detail muted small">{item.detail}</p>}
        {item.fix && !item.ok && (
          <p className="check-fix small" data-testid="check-fix">
            <strong>Fix:</strong> {item.fix}
          </p>
        )}
        <code className="check-id small">{item.id}</code>
      </div>
    </li>
  );
}

/** The failures first, each a link to its item: in a long checklist they are what the reader came for. */
function Failures({ items, testId }: { items: readonly ValidationItem[]; testId: string }) {
  const failed = items.filter((i) => itemStatus(i) === 'failed');
  if (failed.length === 0) return null;
  return (
    <ul className="check-failures small" data-testid={`${testId}-failures`} aria-label="Failed checks">
      {failed.map((item) => (
        <li key={item.id}>
          <a href={`#check-${testId}-${item.id}`} onClick={(e) => {
            e.preventDefault();
            const target = document.getElementById(`check-${testId}-${item.id}`);
            target?.scrollIntoView({ block: 'center' });
            target?.focus();
          }}>
            ✗ {item.title}
          </a>
          {item.fix && <span className="muted"> — {item.fix}</span>}
        </li>
      ))}
    </ul>
  );
}

export function Checklist({ items, testId, failuresFirst = false }: { items: readonly ValidationItem[]; testId: string; failuresFirst?: boolean }) {
  const groups = groupItems(items);
  if (groups.length === 0) return <p className="muted">No items yet.</p>;
  return (
    <div className="checklist" data-testid={testId}>
      {failuresFirst && <Failures items={items} testId={testId} />}
      {groups.map((group) => (
        <section key={group.phase} className="check-group" aria-label={ITEM_PHASE_NAMES[group.phase]}>
          <h4 className="subhead">{ITEM_PHASE_NAMES[group.phase]}</h4>
          <ul className="check-list">
            {group.items.map((item) => (
              <ChecklistItem key={item.id} item={item} anchor={`check-${testId}-${item.id}`} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
