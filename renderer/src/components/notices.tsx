// Gateway notices (warnings such as "LiteLLM restarted") as dismissible toasts, newest last. A notice is
// one sentence; anything longer (a crash loop's log) waits behind "Show log" instead of covering the page.
import { useServices } from '../app-context';
import { firstSentence } from '../lib/switch-outcome';
import type { Notice } from '../state/dashboard-state';

export function Notices({ notices }: { notices: Notice[] }) {
  const { dispatch } = useServices();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => {
        const headline = firstSentence(n.message);
        const more = n.message.length > headline.length + 1;
        return (
          <div key={n.seq} className={`notice notice-${n.level}`} data-testid="notice" data-code={n.code}>
            <div className="notice-body">
              <span className="notice-code">{n.code}</span>
              <span data-testid="notice-text">{headline}</span>
              {more && (
                <details className="notice-more">
                  <summary>Show log</summary>
                  <pre className="code-block notice-log" tabIndex={0} aria-label="Full notice">{n.message}</pre>
                </details>
              )}
            </div>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dispatch({ type: 'notice.dismiss', seq: n.seq })}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
