// A captured request or response body: pretty JSON, an SSE transcript, or text, with the cap note.
import { useMemo } from 'react';
import type { CapturedBody } from '../../../../shared/protocol/records';
import { bodyView, capNote } from '../../lib/body-view';
import { formatBytes } from '../../lib/format';

const MAX_TRANSCRIPT_EVENTS = 400;

export function BodyBlock({ title, body, testId }: { title: string; body: CapturedBody | null; testId: string }) {
  const view = useMemo(() => bodyView(body), [body]);
  const note = capNote(body);
  return (
    <section className="detail-section" data-testid={testId}>
      <h3 className="section-title">
        {title}
        {body && (
          <span className="muted section-meta">
            {body.contentType ?? 'unknown type'} · {formatBytes(body.totalBytes)}
          </span>
        )}
      </h3>
      {note && <p className="cap-note" data-testid={`${testId}-cap`}>{note}</p>}
      {view.kind === 'empty' && <p className="muted">No body captured.</p>}
      {/* focusable: a long body scrolls, and keyboard users must be able to scroll it too */}
      {(view.kind === 'json' || view.kind === 'text') && <pre className="code-block" tabIndex={0} aria-label={`${title} body`}>{view.text}</pre>}
      {view.kind === 'sse' && (
        <ol className="transcript" data-testid={`${testId}-transcript`}>
          {view.events.slice(0, MAX_TRANSCRIPT_EVENTS).map((e, i) => (
            <li key={i} className="transcript-event">
              <span className="transcript-name">{e.event}</span>
              <pre className="code-block code-compact" tabIndex={0} aria-label={`${e.event} event data`}>{e.data}</pre>
            </li>
          ))}
          {view.events.length > MAX_TRANSCRIPT_EVENTS && (
            <li className="muted">… {view.events.length - MAX_TRANSCRIPT_EVENTS} more events</li>
          )}
          {view.tail && (
            <li className="transcript-event">
              <span className="transcript-name muted">(cut off)</span>
              <pre className="code-block code-compact" tabIndex={0} aria-label="Cut-off tail">{view.tail}</pre>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

export function HeadersTable({ title, headers, testId, open = false }: { title: string; headers: Record<string, string>; testId: string; open?: boolean }) {
  const entries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <details className="detail-section headers" open={open} data-testid={testId}>
      <summary className="section-title">
        {title} <span className="muted section-meta">{entries.length}</span>
      </summary>
      {entries.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <table className="kv-table">
          <tbody>
            {entries.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className={value.startsWith('[redacted') || value.includes('[redacted') ? 'redacted' : undefined}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
