// The detail of one request: summary, timing, identity rule, error, retries, notes, headers, bodies.
// Everything here is already redacted by the gateway; the panel only formats it.
import { ERROR_CATALOG } from '../../../../shared/errors';
import type { ModeState, RequestRecord } from '../../../../shared/protocol/records';
import { IdentityChip } from '../../components/identity-chip';
import { formatBytes, formatDateTime, formatMs } from '../../lib/format';
import { identitySourceLabel, modeName } from '../../lib/labels';
import { CompareButton } from './compare-button';
import { StatusCell } from './log-columns';
import { BodyBlock, HeadersTable } from './detail-body';
import { TimingBreakdown } from './detail-timing';
import { useRequestDetail } from './use-request-detail';

function ruleText(record: RequestRecord): string {
  if (record.identitySource === 'pattern' && record.matchedPattern) {
    const p = record.matchedPattern;
    return `${p.header} ~ /${p.pattern}/ → ${p.user_id}`;
  }
  if (record.identitySource === 'custom-header') return 'set by the client’s identity header';
  return 'no rule matched: default identity';
}

function catalogSummary(code: string): string | null {
  return code in ERROR_CATALOG ? ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].summary : null;
}

export function DetailPanel({ record, mode, onClose, onShowRequest }: { record: RequestRecord; mode: ModeState; onClose: () => void; onShowRequest: (id: string) => void }) {
  const { detail, loading, error } = useRequestDetail(record);
  const usage = record.usage;
  return (
    <aside className="detail" data-testid="detail-panel" aria-label="Request detail">
      <header className="detail-header">
        <div className="detail-heading">
          <StatusCell record={record} />
          <span className="detail-path" title={record.path}>
            {record.method} {record.path}
          </span>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close detail (Esc)" data-testid="detail-close">
          ×
        </button>
      </header>
      <div className="detail-scroll">
        <dl className="facts" data-testid="detail-summary">
          {record.replayOf && (
            <>
              <dt>Replay of</dt>
              <dd data-testid="detail-replay-of">
                <button type="button" className="link-button mono small" onClick={() => onShowRequest(record.replayOf!)} title="Show the request this one replays">
                  {record.replayOf}
                </button>{' '}
                <span className="muted small">(Compare, through the other backend)</span>
              </dd>
            </>
          )}
          <dt>Identity</dt>
          <dd><IdentityChip identity={record.identity} testId="detail-identity" /></dd>
          <dt>Chosen by</dt>
          <dd data-testid="detail-rule">
            <span className="muted">{identitySourceLabel(record.identitySource)}:</span> <code>{ruleText(record)}</code>
          </dd>
          <dt>Client</dt>
          <dd>{record.clientApp || '—'}</dd>
          <dt>User-Agent</dt>
          <dd className="wrap mono">{record.userAgent || '—'}</dd>
          <dt>Model</dt>
          <dd>
            {record.model ?? '—'} <span className="muted">→ {record.provider ?? '?'}/{record.providerModel ?? '?'}</span>
          </dd>
          <dt>Upstream</dt>
          <dd>{record.upstreamHost ?? '—'} <span className="muted">via {modeName(record.backend)}</span></dd>
          <dt>Dialect</dt>
          <dd>
            {record.dialect}
            {record.translated ? ' (translated)' : ''}
            {record.stream ? ' · streamed' : ''}
          </dd>
          <dt>Started</dt>
          <dd>{formatDateTime(record.startedAt)}</dd>
          <dt>TTFB / total</dt>
          <dd>{formatMs(record.ttfbMs)} / {formatMs(record.durationMs)}</dd>
          <dt>Tokens</dt>
          <dd>
            {usage
              ? `${usage.input ?? '—'} in · ${usage.output ?? '—'} out${usage.cacheRead ? ` · ${usage.cacheRead} cache read` : ''}${usage.cacheCreation ? ` · ${usage.cacheCreation} cache write` : ''}`
              : '—'}
          </dd>
          <dt>Size</dt>
          <dd>{formatBytes(record.bytesIn)} in · {formatBytes(record.bytesOut)} out</dd>
          <dt>Retries</dt>
          <dd data-testid="detail-retries">{record.retries}</dd>
        </dl>

        <CompareButton record={record} detail={detail} mode={mode} />

        {(record.errorCode || record.errorMessage) && (
          <section className="detail-section error-box" data-testid="detail-error">
            <h3 className="section-title">{record.errorCode ?? 'Error'}</h3>
            {record.errorCode && catalogSummary(record.errorCode) && <p className="muted">{catalogSummary(record.errorCode)}</p>}
            {record.errorMessage && <p>{record.errorMessage}</p>}
          </section>
        )}

        <section className="detail-section">
          <h3 className="section-title">Timing</h3>
          <TimingBreakdown timing={detail?.timing ?? null} record={record} />
        </section>

        {detail && detail.notes.length > 0 && (
          <section className="detail-section" data-testid="detail-notes">
            <h3 className="section-title">Notes</h3>
            <ul className="notes-list">
              {detail.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </section>
        )}

        {loading && !detail && <p className="muted detail-loading">Loading headers and bodies…</p>}
        {error && !detail && (
          <p className="inline-error" data-testid="detail-load-error">
            {error}
          </p>
        )}
        {detail && (
          <>
            <HeadersTable title="Request headers" headers={detail.requestHeaders} testId="detail-request-headers" open />
            <HeadersTable title="Sent upstream" headers={detail.upstreamRequestHeaders} testId="detail-upstream-headers" />
            <HeadersTable title="Response headers" headers={detail.responseHeaders} testId="detail-response-headers" />
            <BodyBlock title="Request body" body={detail.requestBody} testId="detail-request-body" />
            <BodyBlock title={detail.responseBody?.sse ? 'Response (SSE transcript)' : 'Response body'} body={detail.responseBody} testId="detail-response-body" />
          </>
        )}
      </div>
    </aside>
  );
}
