// A small hand-drawn SVG chart for one metric over the last minutes: bars or one or two lines.
import { barRects, isolatedPoints, linePath, type ChartBox } from '../../lib/chart-geometry';
import { formatClock } from '../../lib/format';
import { niceMax } from '../../lib/metrics-series';

const BOX: ChartBox = { width: 300, height: 90, pad: 4 };

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** CSS class that colours the series */
  tone: 'accent' | 'accent-2' | 'err';
}

export interface MetricChartProps {
  title: string;
  value: string;
  kind: 'bars' | 'lines';
  series: ChartSeries[];
  minutes: number[];
  format: (v: number) => string;
  floor?: number;
  testId: string;
}

export function MetricChart({ title, value, kind, series, minutes, format, floor = 1, testId }: MetricChartProps) {
  const max = niceMax(series.flatMap((s) => s.values), floor);
  const first = minutes[0];
  const last = minutes.at(-1);
  return (
    <figure className="card chart" data-testid={testId}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="chart-value">{value}</span>
      </figcaption>
      <svg className="chart-svg" viewBox={`0 0 ${BOX.width} ${BOX.height}`} preserveAspectRatio="none" role="img" aria-label={`${title}, last ${minutes.length} minutes`}>
        {[0.25, 0.5, 0.75].map((f) => (
          <line key={f} className="chart-grid" x1={0} x2={BOX.width} y1={BOX.pad + (BOX.height - 2 * BOX.pad) * f} y2={BOX.pad + (BOX.height - 2 * BOX.pad) * f} />
        ))}
        <line className="chart-axis" x1={0} x2={BOX.width} y1={BOX.height - BOX.pad} y2={BOX.height - BOX.pad} />
        {series.map((s) =>
          kind === 'bars' ? (
            <g key={s.name} className={`chart-bars tone-${s.tone}`}>
              {barRects(s.values.map((v) => v ?? 0), max, BOX).map((r, i) => (
                <rect key={i} x={r.x} y={r.y} width={r.width} height={r.height} rx={1}>
                  <title>{`${minutes[i] ? formatClock(minutes[i], false).slice(0, 5) : ''} · ${format(s.values[i] ?? 0)}`}</title>
                </rect>
              ))}
            </g>
          ) : (
            <g key={s.name} className={`chart-line tone-${s.tone}`}>
              <path d={linePath(s.values, max, BOX)} vectorEffect="non-scaling-stroke" />
              {isolatedPoints(s.values, max, BOX).map((p, i) => (
                <circle key={i} cx={p.x} cy={p.y} r={2} />
              ))}
            </g>
          ),
        )}
      </svg>
      <div className="chart-foot">
        <span>{first ? formatClock(first, false).slice(0, 5) : ''}</span>
        <span className="chart-legend">
          {series.length > 1 &&
            series.map((s) => (
              <span key={s.name} className={`legend tone-${s.tone}`}>
                <span className="legend-swatch" aria-hidden="true" />
                {s.name}
              </span>
            ))}
          <span className="muted">max {format(max)}</span>
        </span>
        <span>{last ? formatClock(last, false).slice(0, 5) : ''}</span>
      </div>
    </figure>
  );
}
