// The runs kept in the data dir, newest first. Picking one shows its checklist.
import type { ValidationReport } from '../../../../shared/protocol/validation';
import { formatDateTime, formatMs } from '../../lib/format';
import { countPassed, PHASE_NAMES, RESULT_TONE, runResult } from '../../lib/validation-labels';

export interface RunHistoryProps {
  history: readonly ValidationReport[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function RunHistory({ history, selectedId, onSelect }: RunHistoryProps) {
  return (
    <section className="card panel" data-testid="cutover-history" aria-labelledby="cutover-history-title">
      <h3 className="panel-title" id="cutover-history-title">History</h3>
      {history.length === 0 ? (
        <p className="muted" data-testid="history-empty">No run yet. Runs are kept in the data folder (the last 20).</p>
      ) : (
        <table className="table history-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Run</th>
              <th>Result</th>
              <th className="num">Items</th>
              <th className="num">Took</th>
            </tr>
          </thead>
          <tbody>
            {history.map((report) => {
              const result = runResult(report);
              const counts = countPassed(report.items);
              const selected = report.id === selectedId;
              return (
                <tr key={report.id} className={selected ? 'history-selected' : undefined} data-testid="history-row" data-report-id={report.id} data-result={result}>
                  <td>
                    <button type="button" className="link-button" aria-pressed={selected} onClick={() => onSelect(report.id)} title="Show this run's checklist">
                      {formatDateTime(report.finishedAt)}
                    </button>
                  </td>
                  <td>
                    {PHASE_NAMES[report.phase]}
                    {report.live ? ' · live' : ''}
                  </td>
                  <td>
                    <span className={`pill pill-${RESULT_TONE[result]}`}>{result}</span>
                  </td>
                  <td className="num">
                    {counts.passed}/{report.items.length}
                  </td>
                  <td className="num">{formatMs(report.finishedAt - report.startedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
