// The landing view: the live routing map for a chosen window, what it adds up to, the identities at a
// glance with the last requests, and the identity rules with the "try a User-Agent" box beside it.
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { useElementWidth } from '../../hooks/use-element-width';
import { useNow } from '../../hooks/use-now';
import { formatCount } from '../../lib/format';
import { buildRoutingGraph, MAP_WINDOWS, type MapWindow } from '../../lib/routing-graph';
import type { DashboardState, GatewayData } from '../../state/dashboard-state';
import type { LogFilters } from '../../state/log-filters';
import { IdentityRulesPanel } from '../clients/identity-rules';
import { TryIdentity } from '../clients/try-identity';
import { FallThroughNotices } from './fall-through';
import { filtersForPick } from './map-filters';
import { RecentRequests } from './recent-requests';
import { RoutingMap } from './routing-map';
import { usePulses } from './use-pulses';

export interface MapViewProps {
  state: DashboardState;
  data: GatewayData;
  /** shows the log filtered to what was picked on the map */
  onShowLog: (filters: Partial<LogFilters>) => void;
}

export function MapView({ state, data, onShowLog }: MapViewProps) {
  const [span, setSpan] = useState<MapWindow>('1h');
  const now = useNow(10_000);
  const [frameRef, width] = useElementWidth<HTMLDivElement>(800);
  // a tray-sized window has room for four columns, not five: one backend for everything is a caption
  const narrow = width < 640;
  const graph = useMemo(() => buildRoutingGraph(data.identities, span, now, { foldSingleBackend: narrow }), [data.identities, span, now, narrow]);
  const pulses = usePulses(state.log, graph.onlyBackend !== null);

  return (
    <div className="page map-page">
      <div className="page-main">
        <div className="map-head">
          <h2 className="page-title">Routing map</h2>
          <span className="muted small" data-testid="map-totals">
            {formatCount(graph.total)} requests{graph.errors > 0 ? ` · ${formatCount(graph.errors)} failed` : ''}
          </span>
          <div className="segmented" role="group" aria-label="Time window">
            {MAP_WINDOWS.map((w) => (
              <button
                key={w.id}
                type="button"
                className={`segment${span === w.id ? ' segment-on' : ''}`}
                aria-pressed={span === w.id}
                onClick={() => setSpan(w.id)}
                data-testid={`map-window-${w.id}`}
              >
                {w.label}
              </button>
            ))}
          </div>
        </div>
        <FallThroughNotices data={data} />
        <section className="card map-card" aria-labelledby="map-help">
          <p id="map-help" className="muted small map-help">
            Client app → memory identity → model → {graph.onlyBackend ? '' : 'backend → '}provider
            {graph.onlyBackend ? <>, all through the <strong data-testid="map-only-backend">{graph.onlyBackend}</strong> backend</> : null}.
            Width is requests in the window; red marks failures on the hop where they happened. Choose any box or band
            to see its requests in the log.
          </p>
          <div className="map-frame" ref={frameRef}>
            {graph.total === 0 ? (
              <EmptyState title="No traffic in this window" testId="map-empty">
                <p>
                  Point a client at <code>{data.server.baseUrl}</code>; its route appears here as its requests arrive.
                  {span !== 'all' && ' Or pick a longer window.'}
                </p>
              </EmptyState>
            ) : (
              <RoutingMap graph={graph} width={width} pulses={pulses} onPick={(pick) => onShowLog(filtersForPick(pick.nodes))} />
            )}
          </div>
        </section>
        <RecentRequests log={state.log} identities={data.identities} onShowLog={onShowLog} />
      </div>
      <div className="page-side">
        <TryIdentity />
        <IdentityRulesPanel rules={data.identityRules} />
      </div>
    </div>
  );
}
