// The virtualized request table (newest first). Only the rows in view are in the DOM, so 5,000 rows
// cost what 30 do. Keyboard: arrows/Page/Home/End move the selection, Enter opens the detail.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import type { RequestRecord } from '../../../../shared/protocol/records';
import { logCellClass, logGridTracks } from '../../lib/log-grid';
import { LOG_COLUMNS } from './log-columns';
import { LogRow } from './log-row';

const ROW_HEIGHT = 32;
/** the grid per layout, from the column table (requests.css picks one per window width) */
const GRID = logGridTracks(LOG_COLUMNS);

export interface LogTableProps {
  rows: RequestRecord[];
  selectedId: string | null;
  onSelect: (id: string, open: boolean) => void;
  onOpen: () => void;
  /** px: fits the longest identity in the log */
  identityWidth: number;
}

export function LogTable({ rows, selectedId, onSelect, onOpen, identityWidth }: LogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable rows: new requests arrive at the top. A user scrolled down is reading something; keep the row
  // at the top of the view where it is (by id) instead of letting every arrival push it down. At the very
  // top the view follows the live end.
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const remember = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const index = Math.floor(el.scrollTop / ROW_HEIGHT);
    const row = rowsRef.current[index];
    anchor.current = el.scrollTop > 0 && row ? { id: row.id, offset: el.scrollTop - index * ROW_HEIGHT } : null;
  }, []);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const held = anchor.current;
    if (!el || !held) return;
    const index = rows.findIndex((r) => r.id === held.id);
    if (index === -1) return;
    const top = index * ROW_HEIGHT + held.offset;
    if (Math.abs(el.scrollTop - top) >= 1) el.scrollTop = top;
  }, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);

  // keep the selected row in view when the keyboard moves it
  const lastKeyboardMove = useRef(false);
  useEffect(() => {
    if (lastKeyboardMove.current && selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    lastKeyboardMove.current = false;
  }, [selectedIndex, virtualizer]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (rows.length === 0) return;
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
      const moves: Record<string, number> = {
        ArrowDown: selectedIndex + 1,
        ArrowUp: selectedIndex <= 0 ? 0 : selectedIndex - 1,
        PageDown: selectedIndex + page,
        PageUp: selectedIndex - page,
        Home: 0,
        End: rows.length - 1,
      };
      if (e.key in moves) {
        e.preventDefault();
        const next = Math.min(rows.length - 1, Math.max(0, moves[e.key] ?? 0));
        const row = rows[next];
        if (row) {
          lastKeyboardMove.current = true;
          onSelect(row.id, false);
        }
      } else if (e.key === 'Enter' && selectedIndex >= 0) {
        e.preventDefault();
        onOpen();
      }
    },
    [rows, selectedIndex, onSelect, onOpen],
  );

  return (
    <div className="log-table" role="grid" aria-rowcount={rows.length + 1} aria-label="Requests" data-testid="log-table" style={
        {
          '--id-col': `${identityWidth}px`,
          '--log-cols-wide': GRID.wide,
          '--log-cols-medium': GRID.medium,
          '--log-cols-narrow': GRID.narrow,
          '--log-cols-detail': GRID.detail,
        } as CSSProperties
      }>
      <div className="log-head" role="row" aria-rowindex={1}>
        {LOG_COLUMNS.map((col) => (
          <div key={col.id} role="columnheader" className={logCellClass(col)}>
            {col.label}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="log-scroll"
        role="rowgroup"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={remember}
        data-testid="log-scroll"
        aria-label="Requests, newest first. Use the arrow keys to move, Enter to open."
      >
        <div className="log-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const record = rows[item.index];
            if (!record) return null;
            return (
              <LogRow
                key={record.id}
                record={record}
                index={item.index}
                top={item.start}
                selected={record.id === selectedId}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
