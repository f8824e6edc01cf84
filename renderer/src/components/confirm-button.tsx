// A destructive action asks first, inline (no window.confirm: it blocks the page and the browser tests).
// The question takes the focus to its Cancel button (the safe answer), so keyboard users land on it
// instead of on the page's body when the asking button disappears; Escape cancels.
import { useState } from 'react';

export interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  busy?: boolean;
  testId: string;
  /** accessible name when `label` alone is ambiguous (several "Remove" buttons in a list) */
  ariaLabel?: string;
}

export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, busy, testId, ariaLabel }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-small"
        disabled={disabled || busy}
        data-testid={testId}
        aria-label={busy ? undefined : ariaLabel}
        onClick={() => setAsking(true)}
      >
        {busy ? 'Working…' : label}
      </button>
    );
  }
  return (
    <span
      className="confirm"
      role="group"
      aria-label={question}
      data-testid={`${testId}-confirm`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          setAsking(false);
        }
      }}
    >
      <span className="confirm-question">{question}</span>
      <button type="button" className="button button-small" data-testid={`${testId}-cancel`} onClick={() => setAsking(false)} autoFocus>
        Cancel
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        data-testid={`${testId}-yes`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
    </span>
  );
}
