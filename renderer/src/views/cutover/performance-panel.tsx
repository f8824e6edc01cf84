// The performance figures of a run: probe latency per backend, the ratio, and resident memory.
import type { BackendPerformance, ValidationPerformance } from '../../../../shared/protocol/validation';
import { formatBytes, formatMs } from '../../lib/format';

const SHORT_NAME = { sdk: 'SDK', binary: 'Binary' } as const;

function Row({ perf }: { perf: BackendPerformance }) {
  return (
    <tr data-testid={`perf-${perf.backend}`}>
      <th scope="row">{SHORT_NAME[perf.backend]}</th>
      <td className="num">{perf.probes}</td>
      <td className="num">{formatMs(perf.p50Ms)}</td>
      <td className="num">{formatMs(perf.p95Ms)}</td>
      <td className={`num${perf.errors > 0 ? ' text-err' : ''}`}>{perf.errors}</td>
    </tr>
  );
}

function ratioText(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const text = `${ratio.toFixed(2)}×`;
  return ratio < 1 ? `${text} (SDK faster)` : ratio > 1 ? `${text} (binary faster)` : text;
}

export function PerformancePanel({ performance }: { performance: ValidationPerformance | null }) {
  return (
    <section className="card panel" data-testid="cutover-performance" aria-labelledby="cutover-performance-title">
      <h3 className="panel-title" id="cutover-performance-title">Performance</h3>
      {!performance ? (
        <p className="muted small">A post-check run measures both backends.</p>
      ) : (
        <>
          <table className="table perf-table">
            <thead>
              <tr>
                <th>Backend</th>
                <th className="num">Probes</th>
                <th className="num">p50</th>
                <th className="num">p95</th>
                <th className="num">Errors</th>
              </tr>
            </thead>
            <tbody>
              {performance.sdk && <Row perf={performance.sdk} />}
              {performance.binary && <Row perf={performance.binary} />}
            </tbody>
          </table>
          <dl className="facts">
            <dt>p50 ratio</dt>
            <dd data-testid="perf-ratio">{ratioText(performance.p50Ratio)}</dd>
            <dt>Gateway memory</dt>
            <dd data-testid="perf-gateway-rss">{formatBytes(performance.gatewayRssBytes)}</dd>
            <dt>LiteLLM memory</dt>
            <dd data-testid="perf-litellm-rss">{formatBytes(performance.litellmRssBytes)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
