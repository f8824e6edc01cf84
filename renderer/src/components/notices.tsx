// Gateway notices (warnings such as "LiteLLM restarted") as dismissible toasts, newest last.
import { useServices } from '../app-context';
import type { Notice } from '../state/dashboard-state';

export function Notices({ notices }: { notices: Notice[] }) {
  const { dispatch } = useServices();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.seq} className={`notice notice-${n.level}`} data-testid="notice">
          <div className="notice-body">
            <span className="notice-code">{n.code}</span>
            <span>{n.message}</span>
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dispatch({ type: 'notice.dismiss', seq: n.seq })}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
