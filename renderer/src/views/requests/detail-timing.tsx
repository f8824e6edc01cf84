// The timing breakdown as a small waterfall: queued, waiting for upstream headers, first byte, complete.
import type { RequestRecord, RequestTiming } from '../../../../shared/protocol/records';
import { formatMs } from '../../lib/format';

interface Phase {
  label: string;
  from: number;
  to: number | null;
  hint: string;
}

export function TimingBreakdown({ timing, record }: { timing: RequestTiming | null; record: RequestRecord }) {
  const t: RequestTiming = timing ?? { queueMs: null, upstreamHeadersMs: null, ttfbMs: record.ttfbMs, durationMs: record.durationMs };
  const phases: Phase[] = [
    { label: 'Queued', from: 0, to: t.queueMs, hint: 'auth, parsing, waiting for a free upstream slot' },
    { label: 'Upstream headers', from: t.queueMs ?? 0, to: t.upstreamHeadersMs, hint: 'until the provider answered with headers' },
    { label: 'First byte', from: t.upstreamHeadersMs ?? t.queueMs ?? 0, to: t.ttfbMs, hint: 'until the first body byte reached the client' },
    { label: 'Complete', from: t.ttfbMs ?? 0, to: t.durationMs, hint: 'until the response ended' },
  ];
  const scale = Math.max(1, t.durationMs ?? 0, t.ttfbMs ?? 0, t.upstreamHeadersMs ?? 0, t.queueMs ?? 0);
  return (
    <div className="waterfall" data-testid="detail-timing">
      {phases.map((p) => {
        const to = p.to;
        const left = (Math.min(p.from, to ?? p.from) / scale) * 100;
        const width = to === null ? 0 : Math.max(0.5, ((to - Math.min(p.from, to)) / scale) * 100);
        return (
          <div className="waterfall-row" key={p.label} title={p.hint}>
            <span className="waterfall-label">{p.label}</span>
            <span className="waterfall-track">
              {to !== null && <span className="waterfall-bar" style={{ left: `${left}%`, width: `${width}%` }} />}
            </span>
            <span className="waterfall-value num">{to === null ? '—' : `at ${formatMs(to)}`}</span>
          </div>
        );
      })}
    </div>
  );
}
