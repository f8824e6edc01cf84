// The request log's columns: header label, cell renderer and grid width per layout in one table, so the
// header, the rows and the column grid agree. Adding a column is one entry here.
import type { ReactNode } from 'react';
import type { RequestRecord } from '../../../../shared/protocol/records';
import { IdentityChip } from '../../components/identity-chip';
import type { GridColumn } from '../../lib/log-grid';
import { formatClock, formatMs, formatTokens } from '../../lib/format';
import { statusClass } from '../../state/log-filters';

export interface LogColumn extends GridColumn {
  label: string;
  cell: (r: RequestRecord) => ReactNode;
  title?: (r: RequestRecord) => string;
}

export function StatusCell({ record }: { record: RequestRecord }) {
  const cls = statusClass(record);
  const text =
    record.status !== null ? String(record.status) : cls === 'pending' ? (record.phase === 'streaming' ? 'streaming' : 'pending') : 'failed';
  return <span className={`status status-${cls}`}>{text}</span>;
}

/** The path without its query string (Claude Code's `?beta=true`); the title keeps all of it. */
function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

/** Width of the Identity column: the longest identity in the log, so `anthropic-python` is never cut. */
export function identityColumnWidth(identities: Iterable<string>): number {
  let longest = 8;
  for (const id of identities) longest = Math.max(longest, id.length);
  // chip padding and dot (~34 px) plus ~7 px per character of the 12 px font, within sane bounds
  return Math.min(260, Math.max(96, Math.ceil(34 + longest * 7)));
}

/** The identity column is as wide as the longest identity in the log (set by the table as --id-col). */
const ID = 'var(--id-col)';

export const LOG_COLUMNS: LogColumn[] = [
  { id: 'time', label: 'Time', tracks: { wide: '80px', medium: '72px', narrow: '60px', detail: '76px' }, cell: (r) => formatClock(r.startedAt), title: (r) => new Date(r.startedAt).toLocaleString() },
  { id: 'identity', label: 'Identity', tracks: { wide: ID, medium: ID, narrow: ID, detail: ID }, cell: (r) => <IdentityChip identity={r.identity} /> },
  { id: 'app', label: 'Client app', tracks: { wide: 'minmax(96px, 0.9fr)', medium: null, narrow: null, detail: null }, cell: (r) => r.clientApp || '—', title: (r) => r.userAgent },
  {
    id: 'request',
    label: 'Request',
    tracks: { wide: 'minmax(130px, 1.2fr)', medium: 'minmax(120px, 1.2fr)', narrow: 'minmax(90px, 1fr)', detail: 'minmax(110px, 1.2fr)' },
    // GET /v1/models is not a failed chat call: the method and path say what was asked
    cell: (r) => <span className="mono">{r.method} {pathOnly(r.path)}</span>,
    title: (r) => `${r.method} ${r.path}`,
  },
  {
    id: 'model',
    label: 'Model',
    tracks: { wide: 'minmax(110px, 1.1fr)', medium: 'minmax(90px, 1fr)', narrow: null, detail: 'minmax(90px, 1fr)' },
    cell: (r) => (
      <>
        <span className="cell-text">{r.model ?? '—'}</span>
        {r.translated && <span className="tag" title="Translated between OpenAI and Anthropic dialects">⇄</span>}
        {r.stream && <span className="tag" title="Streamed">SSE</span>}
        {r.replayOf && <span className="tag tag-replay" data-testid="replay-tag" title={`Replay of request ${r.replayOf} (Compare)`}>replay</span>}
      </>
    ),
    title: (r) => `${r.model ?? '—'} → ${r.providerModel ?? '—'}`,
  },
  { id: 'provider', label: 'Provider', tracks: { wide: '80px', medium: '74px', narrow: null, detail: '74px' }, cell: (r) => r.provider ?? '—', title: (r) => r.upstreamHost ?? '' },
  { id: 'backend', label: 'Backend', tracks: { wide: '60px', medium: null, narrow: null, detail: null }, cell: (r) => (r.backend === 'sdk' ? 'SDK' : 'Binary') },
  {
    id: 'status',
    label: 'Status',
    tracks: { wide: 'minmax(130px, 1.4fr)', medium: 'minmax(110px, 1.3fr)', narrow: 'minmax(96px, 1fr)', detail: 'minmax(110px, 1.3fr)' },
    cell: (r) => (
      <>
        <StatusCell record={r} />
        {(r.errorCode || r.errorMessage) && <span className="cell-error" data-testid="cell-error">{r.errorMessage ?? r.errorCode}</span>}
      </>
    ),
    title: (r) => (r.errorCode ? `${r.errorCode}: ${r.errorMessage ?? ''}` : ''),
  },
  { id: 'ttfb', label: 'TTFB', tracks: { wide: '64px', medium: null, narrow: null, detail: null }, numeric: true, cell: (r) => formatMs(r.ttfbMs) },
  {
    id: 'duration',
    label: 'Duration',
    tracks: { wide: '72px', medium: '62px', narrow: null, detail: '68px' },
    numeric: true,
    // in flight: say so rather than show a dash that reads like "unknown"
    cell: (r) => (r.durationMs === null && (r.phase === 'pending' || r.phase === 'streaming') ? <span className="running">running</span> : formatMs(r.durationMs)),
  },
  { id: 'tokens', label: 'Tokens', tracks: { wide: '88px', medium: null, narrow: null, detail: null }, numeric: true, cell: (r) => formatTokens(r.usage?.input, r.usage?.output), title: () => 'input / output tokens' },
];
