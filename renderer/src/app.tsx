// The shell: header (brand, tabs, mode toggle, connection), the current view, notices, and one polite
// live region that announces results (switches, added rules).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SwitchboardBridge } from '../../shared/protocol/ipc';
import type { AdminClient } from './api/admin-client';
import { AppContext, type AppServices } from './app-context';
import { ConnectionBadge } from './components/connection-badge';
import { ModeToggle } from './components/mode-toggle';
import { Notices } from './components/notices';
import { PANEL_ID, tabId, Tabs, VIEW_IDS, type ViewId } from './components/tabs';
import { useGateway } from './hooks/use-gateway';
import { parseViewFragment } from './lib/view-fragment';
import { emptyFilters, type LogFilters } from './state/log-filters';
import { ClientsView } from './views/clients/clients-view';
import { CookiesView } from './views/cookies/cookies-view';
import { CutoverView } from './views/cutover/cutover-view';
import { Loading } from './views/loading';
import { MapView } from './views/map/map-view';
import { ModeView } from './views/mode/mode-view';
import { OverviewView } from './views/overview/overview-view';
import { RequestsView } from './views/requests/requests-view';

export interface AppProps {
  client: AdminClient;
  bridge: SwitchboardBridge | null;
}

/** The view a `#view=` fragment asks for, dropping it from the address bar; null when there is none. */
function takeViewFromFragment(): ViewId | null {
  const { view, rest } = parseViewFragment(window.location.hash, VIEW_IDS);
  if (window.location.hash.includes('view=')) window.history.replaceState(null, '', window.location.pathname + window.location.search + rest);
  return view;
}

export function App({ client, bridge }: AppProps) {
  const { state, dispatch, retryNow } = useGateway(client);
  const [view, setView] = useState<ViewId>(() => takeViewFromFragment() ?? 'map');
  // the log's filters live here so the map (and the clients glance) can open the log filtered
  const [filters, setFilters] = useState<LogFilters>(emptyFilters);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const onHash = () => {
      const wanted = takeViewFromFragment();
      if (wanted) setView(wanted);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const announce = useCallback((text: string) => setAnnouncement(text), []);
  const services = useMemo<AppServices>(() => ({ client, dispatch, bridge, announce }), [client, dispatch, bridge, announce]);
  const showLog = useCallback((picked: Partial<LogFilters>) => {
    setFilters({ ...emptyFilters, ...picked });
    setView('requests');
    // the picked node's button is gone with the map: the Requests tab is where the user now is
    window.setTimeout(() => document.getElementById(tabId('requests'))?.focus(), 0);
  }, []);
  const data = state.data;

  return (
    <AppContext.Provider value={services}>
      <div className="shell">
        <header className="shell-header">
          <h1 className="brand">
            <svg className="brand-mark" viewBox="0 0 20 20" aria-hidden="true">
              <circle cx="4" cy="5" r="2.2" />
              <circle cx="4" cy="15" r="2.2" />
              <circle cx="16" cy="10" r="2.6" />
              <path d="M6 5.6 C10 6.5 10 10 13.4 10 M6 14.4 C10 13.5 10 10 13.4 10" />
            </svg>
            <span className="brand-name">Switchboard</span>
          </h1>
          <Tabs current={view} onChange={setView} counts={{ requests: state.log.entries.size, cookies: data?.cookies.applies ? data.cookies.total : null }} />
          <div className="header-status">
            {data?.server.paused && (
              <span className="pill pill-warn" data-testid="paused-pill">Paused</span>
            )}
            {data && <ModeToggle mode={data.mode} />}
            <ConnectionBadge connection={state.connection} onRetry={retryNow} />
          </div>
        </header>
        <main className="shell-main" id={PANEL_ID} data-testid={`view-${view}`}>
          <div className="shell-panel" role="tabpanel" aria-labelledby={tabId(view)}>
          {!data ? (
            <Loading connection={state.connection} onRetry={retryNow} />
          ) : view === 'map' ? (
            <MapView state={state} data={data} onShowLog={showLog} />
          ) : view === 'requests' ? (
            <RequestsView state={state} data={data} filters={filters} onFilters={setFilters} />
          ) : view === 'overview' ? (
            <OverviewView data={data} logSize={state.log.entries.size} />
          ) : view === 'clients' ? (
            <ClientsView data={data} />
          ) : view === 'cookies' ? (
            <CookiesView data={data} />
          ) : view === 'cutover' ? (
            <CutoverView state={state} />
          ) : (
            <ModeView data={data} switchCheck={state.switchCheck} />
          )}
          </div>
        </main>
        <Notices notices={state.notices} />
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">{announcement}</div>
      </div>
    </AppContext.Provider>
  );
}
