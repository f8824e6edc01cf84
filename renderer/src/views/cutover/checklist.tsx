// One run's checklist: items grouped by phase, each passed / failed / skipped with what was seen and,
// for a failure, what to do. The status is spelled out next to its icon, not only coloured.
import type { ValidationItem } from '../../../../shared/protocol/validation';
import { formatMs } from '../../lib/format';
import { groupItems, ITEM_PHASE_NAMES, ITEM_STATUS_LABEL, itemStatus } from '../../lib/validation-labels';

const ICON = { ok: '✓', failed: '✗', skipped: '–' } as const;

export function ChecklistItem({ item }: { item: ValidationItem }) {
  const status = itemStatus(item);
  return (
    <li className={`check check-${status}`} data-testid="check-item" data-item-id={item.id} data-status={status}>
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

export function Checklist({ items, testId }: { items: readonly ValidationItem[]; testId: string }) {
  const groups = groupItems(items);
  if (groups.length === 0) return <p className="muted">No items yet.</p>;
  return (
    <div className="checklist" data-testid={testId}>
      {groups.map((group) => (
        <section key={group.phase} className="check-group" aria-label={ITEM_PHASE_NAMES[group.phase]}>
          <h4 className="subhead">{ITEM_PHASE_NAMES[group.phase]}</h4>
          <ul className="check-list">
            {group.items.map((item) => (
              <ChecklistItem key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
