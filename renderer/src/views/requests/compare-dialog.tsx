// The two answers side by side: the differences the gateway found, then per side status, timing, the
// headers that matter, the stream's events and the body, with what differs marked (and said in words
// for screen readers). A modal dialog: focus moves in, Escape or Close leaves.
import { useEffect, useMemo, useRef } from 'react';
import type { RequestRecord } from '../../../../shared/protocol/records';
import type { ReplayResult, ReplaySide } from '../../../../shared/protocol/validation';
import { collapseRuns, runLabel } from '../../../../shared/compare';
import { compareMarks, compareSummary, fieldLabel, headerMarked, markLines, prettyBody, type CompareMarks } from '../../lib/compare-view';
import { formatMs } from '../../lib/format';
import { modeName } from '../../lib/labels';

function Marked({ on, children, testId }: { on: boolean; children: React.ReactNode; testId?: string }) {
  return (
    <span className={on ? 'diff-mark' : undefined} data-testid={testId} data-differs={on}>
      {children}
      {on && <span className="visually-hidden"> (differs)</span>}
    </span>
  );
}

function Side({ title, side, marks, otherBody, testId }: { title: string; side: ReplaySide; marks: CompareMarks; otherBody: string; testId: string }) {
  const body = useMemo(() => markLines(prettyBody(side.body), prettyBody(otherBody)), [side.body, otherBody]);
  const headers = Object.entries(side.headers).sort(([a], [b]) => a.localeCompare(b));
  const runs = collapseRuns(side.streamEvents);
  return (
    <section className="compare-side" data-testid={testId} aria-label={title}>
      <h3 className="compare-side-title">
        {title} <span className="muted small">{modeName(side.backend)}</span>
      </h3>
      <dl className="facts facts-compact">
        <dt>Status</dt>
        <dd><Marked on={marks.status} testId={`${testId}-status`}>{side.status ?? 'none'}</Marked></dd>
        <dt>Duration</dt>
        <dd><Marked on={marks.timing} testId={`${testId}-timing`}>{formatMs(side.durationMs)}</Marked></dd>
        <dt>Request id</dt>
        <dd className="mono small wrap">{side.requestId ?? '—'}</dd>
      </dl>
      <h4 className="subhead">Headers that matter</h4>
      {headers.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <table className="kv-table" data-testid={`${testId}-headers`}>
          <tbody>
            {headers.map(([name, value]) => (
              <tr key={name} className={headerMarked(marks, name) ? 'diff-row' : undefined} data-differs={headerMarked(marks, name)}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runs.length > 0 && (
        <>
          <h4 className="subhead">
            <Marked on={marks.streamEvents}>Stream events</Marked>
          </h4>
          <ol className="event-runs" data-testid={`${testId}-events`}>
            {runs.map((run, i) => (
              <li key={i}>{runLabel(run)}</li>
            ))}
          </ol>
        </>
      )}
      <h4 className="subhead">
        <Marked on={marks.body}>Body</Marked>
      </h4>
      <pre className="code-block compare-body" data-testid={`${testId}-body`} tabIndex={0} aria-label={`${title} body`}>
        {body.map((line, i) => (
          // one block per line (a marked line's background spans the width); a blank line keeps its height
          <span key={i} className={line.changed ? 'body-line diff-line' : 'body-line'}>
            {line.text || ' '}
          </span>
        ))}
      </pre>
    </section>
  );
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab stay inside the dialog (aria-modal promises that the page behind is out of reach). */
function trapTab(e: React.KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Tab') return;
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hasAttribute('disabled'));
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export function CompareDialog({ record, result, onClose }: { record: RequestRecord; result: ReplayResult; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const marks = useMemo(() => compareMarks(result.differences), [result.differences]);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal compare-dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="compare-title"
        aria-describedby="compare-summary"
        data-testid="compare-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          trapTab(e);
          if (e.key === 'Escape') {
            // the request view closes its detail on Escape too; this one only closes the dialog
            e.stopPropagation();
            e.nativeEvent.stopImmediatePropagation();
            onClose();
          }
        }}
      >
        <header className="modal-head">
          <div>
            <h2 className="modal-title" id="compare-title">
              Compare: {record.method} {record.path} · {record.model ?? '—'}
            </h2>
            <p className="small" id="compare-summary" data-testid="compare-summary">{compareSummary(result)}</p>
          </div>
          <button type="button" className="button button-small" onClick={onClose} ref={closeRef} data-testid="compare-close">
            Close
          </button>
        </header>
        {result.differences.length > 0 && (
          <table className="table compare-differences" data-testid="compare-differences">
            <thead>
              <tr>
                <th>What differs</th>
                <th>Original ({modeName(result.original.backend)})</th>
                <th>Replay ({modeName(result.replay.backend)})</th>
              </tr>
            </thead>
            <tbody>
              {result.differences.map((d) => (
                <tr key={d.field} data-testid="compare-difference" data-field={d.field}>
                  <th scope="row">{fieldLabel(d.field)}</th>
                  <td className="wrap">{d.original}</td>
                  <td className="wrap">{d.replay}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="compare-sides">
          <Side title="Original" side={result.original} marks={marks} otherBody={result.replay.body} testId="compare-original" />
          <Side title="Replay" side={result.replay} marks={marks} otherBody={result.original.body} testId="compare-replay" />
        </div>
      </div>
    </div>
  );
}
