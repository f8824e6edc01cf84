// One row of the virtualized log. Memoised: a frame that updates one request re-renders one row.
import { memo } from 'react';
import type { RequestRecord } from '../../../../shared/protocol/records';
import { logCellClass } from '../../lib/log-grid';
import { LOG_COLUMNS } from './log-columns';

export interface LogRowProps {
  record: RequestRecord;
  index: number;
  top: number;
  selected: boolean;
  onSelect: (id: string, open: boolean) => void;
}

export const LogRow = memo(function LogRow({ record, index, top, selected, onSelect }: LogRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`log-row${selected ? ' log-row-selected' : ''}${record.phase === 'error' ? ' log-row-error' : ''}`}
      data-testid="log-row"
      data-request-id={record.id}
      data-identity={record.identity}
      data-phase={record.phase}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(record.id, false)}
      onDoubleClick={() => onSelect(record.id, true)}
    >
      {LOG_COLUMNS.map((col) => (
        <div
          key={col.id}
          role="gridcell"
          className={logCellClass(col)}
          data-testid={`cell-${col.id}`}
          title={col.title?.(record)}
        >
          {col.cell(record)}
        </div>
      ))}
    </div>
  );
});
