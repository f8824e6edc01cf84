// The live request log: toolbar, virtualized table, detail panel. Owns the view-only state (filters,
// selection, pause); the rows come from the reducer.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { useAction } from '../../hooks/use-action';
import { useThrottled } from '../../hooks/use-throttled';
import { exportFileStem, toHar, toJsonl } from '../../lib/export-log';
import type { DashboardState, GatewayData } from '../../state/dashboard-state';
import {
  countArrivedSince,
  createSearchIndex,
  emptyFilters,
  filterOptions,
  hasActiveFilters,
  visibleRows,
  type LogFilters,
} from '../../state/log-filters';
import { DetailPanel } from './detail-panel';
import { downloadText } from './download';
import { identityColumnWidth } from './log-columns';
import { LogTable } from './log-table';
import { LogToolbar } from './log-toolbar';

export interface RequestsViewProps {
  state: DashboardState;
  data: GatewayData;
  /** owned by the shell: the routing map opens the log filtered */
  filters: LogFilters;
  onFilters: (filters: LogFilters) => void;
}

export function RequestsView({ state, data, filters, onFilters: setFilters }: RequestsViewProps) {
  const { client } = useServices();
  const [searchIndex] = useState(createSearchIndex);
  const [frozenAt, setFrozenAt] = useState<number | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const log = state.log;

  // Filters apply in the same render as the keystroke. A deferred filter (useDeferredValue) starved under
  // live traffic: every frame's batch of events interrupted the deferred render, so at 100 requests a
  // second a search could take many seconds to show. With the search index a pass over 5,000 rows is cheap.
  const rows = useMemo(() => visibleRows(log, filters, frozenAt, searchIndex), [log, filters, frozenAt, searchIndex]);
  const options = useThrottled(() => filterOptions(log, data.identities.map((i) => i.userId)), [log, data.identities], 1_000);
  const arrived = useMemo(() => countArrivedSince(log, frozenAt), [log, frozenAt]);
  const identityWidth = useMemo(() => identityColumnWidth(options.identities), [options.identities]);
  // where focus was when the detail opened (a row via Enter, the table): it goes back there on close
  const focusBeforeDetail = useRef<HTMLElement | null>(null);
  const selected = selectedId === null ? undefined : log.entries.get(selectedId)?.record;

  // a resync against a restarted gateway may drop the selected request
  useEffect(() => {
    if (selectedId !== null && !log.entries.has(selectedId)) {
      setSelectedId(null);
      setDetailOpen(false);
    }
  }, [log, selectedId]);

  const closeDetail = useCallback(() => {
    setDetailOpen(false);
    const back = focusBeforeDetail.current;
    window.setTimeout(() => {
      if (back && back.isConnected) back.focus();
      else document.querySelector<HTMLElement>('[data-testid="log-scroll"]')?.focus();
    }, 0);
  }, []);

  useEffect(() => {
    if (!detailOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeDetail();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detailOpen, closeDetail]);

  const openDetail = useCallback(() => {
    const active = document.activeElement;
    focusBeforeDetail.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setDetailOpen(true);
  }, []);
  const onSelect = useCallback((id: string, open: boolean) => {
    setSelectedId(id);
    if (open) openDetail();
  }, [openDetail]);
  const onOpen = openDetail;

  const clear = useAction(useCallback(() => client.clearLog(), [client]));

  const onExport = (format: 'jsonl' | 'har') => {
    const stem = exportFileStem(Date.now());
    if (format === 'jsonl') downloadText(`${stem}.jsonl`, 'application/x-ndjson', toJsonl(rows));
    else {
      const har = toHar(rows, { baseUrl: data.server.baseUrl, creatorVersion: data.server.version });
      downloadText(`${stem}.har`, 'application/json', JSON.stringify(har, null, 2));
    }
  };

  const total = log.entries.size;
  return (
    <div className={`requests${detailOpen && selected ? ' requests-with-detail' : ''}`}>
      <LogToolbar
        filters={filters}
        options={options}
        onFilters={setFilters}
        shown={rows.length}
        total={total}
        paused={frozenAt !== null}
        arrived={arrived}
        onTogglePause={() => setFrozenAt(frozenAt === null ? log.nextN : null)}
        onClear={() => void clear.run()}
        clearing={clear.busy}
        onExport={onExport}
      />
      {clear.error && <div className="inline-error" role="alert">{clear.error}</div>}
      <div className="requests-body">
        {total === 0 ? (
          <EmptyState title="No requests yet" testId="log-empty">
            <p>
              Point Claude Code at <code>{data.server.baseUrl}</code>, or JetBrains AI Assistant and OpenAI SDKs at{' '}
              <code>{data.server.openaiBaseUrl}</code>. Requests show up here as they happen.
            </p>
            <p className="muted">The Overview tab has copy-ready settings for each client.</p>
          </EmptyState>
        ) : rows.length === 0 ? (
          <EmptyState title="No request matches" testId="log-no-match">
            <p>{hasActiveFilters(filters) ? 'Loosen the filters or reset them.' : 'New requests are hidden while the list is paused.'}</p>
            {hasActiveFilters(filters) && (
              <button type="button" className="button" onClick={() => setFilters(emptyFilters)}>
                Reset filters
              </button>
            )}
          </EmptyState>
        ) : (
          <LogTable rows={rows} selectedId={selectedId} onSelect={onSelect} onOpen={onOpen} identityWidth={identityWidth} />
        )}
        {detailOpen && selected && <DetailPanel record={selected} mode={data.mode} onClose={closeDetail} onShowRequest={(id) => onSelect(id, true)} />}
      </div>
    </div>
  );
}
