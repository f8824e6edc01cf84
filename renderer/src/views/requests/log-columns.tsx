// The request log's columns: header labels and cell renderers in one table, so header and rows agree.
import type { ReactNode } from 'react';
import type { RequestRecord } from '../../../../shared/protocol/records';
import { IdentityChip } from '../../components/identity-chip';
import { formatClock, formatMs, formatTokens } from '../../lib/format';
import { statusClass } from '../../state/log-filters';

export interface LogColumn {
  id: string;
  label: string;
  /** right-aligned numbers */
  numeric?: boolean;
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

export const LOG_COLUMNS: LogColumn[] = [
  { id: 'time', label: 'Time', cell: (r) => formatClock(r.startedAt), title: (r) => new Date(r.startedAt).toLocaleString() },
  { id: 'identity', label: 'Identity', cell: (r) => <IdentityChip identity={r.identity} /> },
  { id: 'app', label: 'Client app', cell: (r) => r.clientApp || '—', title: (r) => r.userAgent },
  {
    id: 'request',
    label: 'Request',
    // GET /v1/models is not a failed chat call: the method and path say what was asked
    cell: (r) => <span className="mono">{r.method} {pathOnly(r.path)}</span>,
    title: (r) => `${r.method} ${r.path}`,
  },
  {
    id: 'model',
    label: 'Model',
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
  { id: 'provider', label: 'Provider', cell: (r) => r.provider ?? '—', title: (r) => r.upstreamHost ?? '' },
  { id: 'backend', label: 'Backend', cell: (r) => (r.backend === 'sdk' ? 'SDK' : 'Binary') },
  {
    id: 'status',
    label: 'Status',
    cell: (r) => (
      <>
        <StatusCell record={r} />
        {(r.errorCode || r.errorMessage) && <span className="cell-error" data-testid="cell-error">{r.errorMessage ?? r.errorCode}</span>}
      </>
    ),
    title: (r) => (r.errorCode ? `${r.errorCode}: ${r.errorMessage ?? ''}` : ''),
  },
  { id: 'ttfb', label: 'TTFB', numeric: true, cell: (r) => formatMs(r.ttfbMs) },
  {
    id: 'duration',
    label: 'Duration',
    numeric: true,
    // in flight: say so rather than show a dash that reads like "unknown"
    cell: (r) => (r.durationMs === null && (r.phase === 'pending' || r.phase === 'streaming') ? <span className="running">running</span> : formatMs(r.durationMs)),
  },
  { id: 'tokens', label: 'Tokens', numeric: true, cell: (r) => formatTokens(r.usage?.input, r.usage?.output), title: () => 'input / output tokens' },
];
