// A destructive action asks first, inline (no window.confirm: it blocks the page and the browser tests).
import { useState } from 'react';

export interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  busy?: boolean;
  testId: string;
}

export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, busy, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-small" disabled={disabled || busy} data-testid={testId} onClick={() => setAsking(true)}>
        {busy ? 'Working…' : label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" data-testid={`${testId}-confirm`}>
      <span className="confirm-question">{question}</span>
      <button type="button" className="button button-small" data-testid={`${testId}-cancel`} onClick={() => setAsking(false)}>
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
