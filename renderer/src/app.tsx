// The shell: header (brand, tabs, mode, connection), the current view, notices.
import { useEffect, useMemo, useState } from 'react';
import type { SwitchboardBridge } from '../../shared/protocol/ipc';
import type { AdminClient } from './api/admin-client';
import { AppContext, type AppServices } from './app-context';
import { ConnectionBadge } from './components/connection-badge';
import { Notices } from './components/notices';
import { Tabs, VIEW_IDS, type ViewId } from './components/tabs';
import { useGateway } from './hooks/use-gateway';
import { modeName } from './lib/labels';
import { parseViewFragment } from './lib/view-fragment';
import { ClientsView } from './views/clients/clients-view';
import { CookiesView } from './views/cookies/cookies-view';
import { CutoverView } from './views/cutover/cutover-view';
import { Loading } from './views/loading';
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
  const [view, setView] = useState<ViewId>(() => takeViewFromFragment() ?? 'requests');
  useEffect(() => {
    const onHash = () => {
      const wanted = takeViewFromFragment();
      if (wanted) setView(wanted);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const services = useMemo<AppServices>(() => ({ client, dispatch, bridge }), [client, dispatch, bridge]);
  const data = state.data;

  return (
    <AppContext.Provider value={services}>
      <div className="shell">
        <header className="shell-header">
          <div className="brand">
            <svg className="brand-mark" viewBox="0 0 20 20" aria-hidden="true">
              <circle cx="4" cy="5" r="2.2" />
              <circle cx="4" cy="15" r="2.2" />
              <circle cx="16" cy="10" r="2.6" />
              <path d="M6 5.6 C10 6.5 10 10 13.4 10 M6 14.4 C10 13.5 10 10 13.4 10" />
            </svg>
            <span className="brand-name">Switchboard</span>
          </div>
          <Tabs current={view} onChange={setView} counts={{ requests: state.log.entries.size, cookies: data?.cookies.applies ? data.cookies.total : null }} />
          <div className="header-status">
            {data?.server.paused && (
              <span className="pill pill-warn" data-testid="paused-pill">Paused</span>
            )}
            {data && (
              <button type="button" className="mode-chip" data-testid="header-mode" onClick={() => setView('mode')} title="Backend in use">
                {data.mode.switching ? `Switching to ${modeName(data.mode.switching)}…` : modeName(data.mode.mode)}
              </button>
            )}
            <ConnectionBadge connection={state.connection} onRetry={retryNow} />
          </div>
        </header>
        <main className="shell-main" data-testid={`view-${view}`}>
          {!data ? (
            <Loading connection={state.connection} onRetry={retryNow} />
          ) : view === 'requests' ? (
            <RequestsView state={state} data={data} />
          ) : view === 'overview' ? (
            <OverviewView data={data} logSize={state.log.entries.size} />
          ) : view === 'clients' ? (
            <ClientsView data={data} />
          ) : view === 'cookies' ? (
            <CookiesView data={data} />
          ) : view === 'cutover' ? (
            <CutoverView state={state} />
          ) : (
            <ModeView data={data} />
          )}
        </main>
        <Notices notices={state.notices} />
      </div>
    </AppContext.Provider>
  );
}
