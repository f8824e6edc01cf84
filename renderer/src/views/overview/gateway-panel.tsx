// The gateway itself: pause/resume, version, uptime, config, and the models it serves.
import { useCallback } from 'react';
import { useServices } from '../../app-context';
import { useAction } from '../../hooks/use-action';
import { useNow } from '../../hooks/use-now';
import { formatRelative } from '../../lib/format';
import type { GatewayData } from '../../state/dashboard-state';

export function GatewayPanel({ data }: { data: GatewayData }) {
  const { client, dispatch, bridge } = useServices();
  const now = useNow(30_000);
  const server = data.server;
  const toggle = useAction(
    useCallback(async () => {
      dispatch({ type: 'server.set', server: await (server.paused ? client.resume() : client.pause()) });
    }, [client, dispatch, server.paused]),
  );
  return (
    <section className="card panel" data-testid="gateway-panel">
      <div className="row-between">
        <h3 className="panel-title">Gateway</h3>
        <button
          type="button"
          className={`button button-small${server.paused ? ' button-accent' : ''}`}
          onClick={() => void toggle.run()}
          disabled={toggle.busy}
          data-testid="gateway-pause"
          title={server.paused ? 'Accept requests again' : 'Refuse new requests until resumed'}
        >
          {server.paused ? 'Resume gateway' : 'Pause gateway'}
        </button>
      </div>
      {server.paused && <p className="text-warn small">Paused: clients get “Gateway paused” (503) until you resume.</p>}
      {toggle.error && <p className="inline-error">{toggle.error}</p>}
      <dl className="facts facts-compact">
        <dt>Version</dt>
        <dd>{server.version}</dd>
        <dt>Listening</dt>
        <dd className="mono">{server.host}:{server.port}</dd>
        <dt>Started</dt>
        <dd>{formatRelative(server.startedAt, now)}</dd>
        <dt>Config</dt>
        <dd className="mono small wrap">
          {server.configPath ?? 'built-in defaults'}
          {bridge && server.configPath && (
            <>
              {' '}
              <button type="button" className="link-button small" onClick={() => void bridge.openConfigFile()}>open</button>
            </>
          )}
        </dd>
        <dt>Data</dt>
        <dd className="mono small wrap">{server.dataDir}</dd>
      </dl>
      <h4 className="subhead">Models</h4>
      <ul className="model-list" data-testid="model-list">
        {data.models.map((m) => (
          <li key={m.name} className={m.error ? 'model model-error' : 'model'} title={m.error ?? `${m.provider}/${m.providerModel}${m.apiBaseHost ? ` via ${m.apiBaseHost}` : ''}`}>
            <span className="mono">{m.name}</span>
            <span className="muted small">
              {m.error ? m.error : `${m.provider}${m.supermemory ? ' · memory' : ''}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
