// Overview: traffic, latency and errors for the last 15 minutes, per identity, provider keys, how to
// connect, and the gateway's memory and load.
import { useMemo } from 'react';
import { IdentityChip } from '../../components/identity-chip';
import { useNow } from '../../hooks/use-now';
import { errorRate, formatCount, formatMs, formatPercent } from '../../lib/format';
import { minuteSeries, requestsPerMinute } from '../../lib/metrics-series';
import type { GatewayData } from '../../state/dashboard-state';
import { ConnectClients } from './connect-clients';
import { GatewayPanel } from './gateway-panel';
import { MetricChart } from './metric-chart';
import { ProviderKeysPanel } from './provider-keys-panel';
import { ResourcesPanel } from './resources-panel';

export function OverviewView({ data, logSize }: { data: GatewayData; logSize: number }) {
  const now = useNow(10_000);
  const metrics = data.metrics;
  const points = useMemo(() => minuteSeries(metrics, now), [metrics, now]);
  const minutes = points.map((p) => p.minute);
  const totals = metrics.totals;
  const byIdentity = [...metrics.byIdentity].sort((a, b) => b.requests - a.requests);

  return (
    <div className="page overview">
      <div className="page-main">
        <div className="tiles" data-testid="overview-tiles">
          <Tile label="Requests / min" value={formatCount(requestsPerMinute(points))} testId="tile-rpm" />
          <Tile label="p50 latency" value={formatMs(totals.p50Ms)} testId="tile-p50" />
          <Tile label="p95 latency" value={formatMs(totals.p95Ms)} testId="tile-p95" />
          <Tile label="Error rate" value={formatPercent(errorRate(totals.requests, totals.errors))} testId="tile-errors" tone={totals.errors > 0 ? 'err' : undefined} />
          <Tile label="Today" value={formatCount(metrics.today)} testId="tile-today" />
        </div>
        <p className="muted small">Last {metrics.windowMinutes} minutes · {formatCount(totals.requests)} requests · {formatCount(logSize)} in the log</p>
        <div className="charts">
          <MetricChart
            title="Requests per minute"
            value={formatCount(totals.requests)}
            kind="bars"
            series={[{ name: 'requests', values: points.map((p) => p.requests), tone: 'accent' }]}
            minutes={minutes}
            format={(v) => formatCount(v)}
            testId="chart-requests"
          />
          <MetricChart
            title="Latency"
            value={`p50 ${formatMs(totals.p50Ms)} · p95 ${formatMs(totals.p95Ms)}`}
            kind="lines"
            series={[
              { name: 'p50', values: points.map((p) => p.p50Ms), tone: 'accent' },
              { name: 'p95', values: points.map((p) => p.p95Ms), tone: 'accent-2' },
            ]}
            minutes={minutes}
            format={(v) => formatMs(v)}
            floor={100}
            testId="chart-latency"
          />
          <MetricChart
            title="Error rate"
            value={formatPercent(errorRate(totals.requests, totals.errors))}
            kind="bars"
            series={[{ name: 'errors', values: points.map((p) => p.errorRate), tone: 'err' }]}
            minutes={minutes}
            format={(v) => formatPercent(v)}
            floor={0.05}
            testId="chart-errors"
          />
        </div>
        <section className="card panel" data-testid="identity-breakdown">
          <h3 className="panel-title">By identity</h3>
          {byIdentity.length === 0 ? (
            <p className="muted">No traffic in the last {metrics.windowMinutes} minutes.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Identity</th>
                  <th className="num">Requests</th>
                  <th className="num">Errors</th>
                  <th className="num">p50</th>
                  <th className="num">p95</th>
                </tr>
              </thead>
              <tbody>
                {byIdentity.map((m) => (
                  <tr key={m.identity} data-testid="identity-breakdown-row">
                    <td><IdentityChip identity={m.identity} /></td>
                    <td className="num">{formatCount(m.requests)}</td>
                    <td className={`num${m.errors > 0 ? ' text-err' : ''}`}>{formatPercent(errorRate(m.requests, m.errors))}</td>
                    <td className="num">{formatMs(m.p50Ms)}</td>
                    <td className="num">{formatMs(m.p95Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <ProviderKeysPanel />
      </div>
      <div className="page-side">
        <ConnectClients server={data.server} />
        <ResourcesPanel />
        <GatewayPanel data={data} />
      </div>
    </div>
  );
}

function Tile({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'err' }) {
  return (
    <div className="card tile" data-testid={testId}>
      <span className="tile-label">{label}</span>
      <span className={`tile-value${tone ? ` text-${tone}` : ''}`}>{value}</span>
    </div>
  );
}
