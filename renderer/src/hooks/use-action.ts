// Runs one admin action at a time for a button: busy flag and a readable, secret-free error.
import { useCallback, useState } from 'react';
import { AdminRequestError } from '../api/admin-client';

export interface ActionState<A extends unknown[]> {
  run: (...args: A) => Promise<void>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
}

export function actionErrorText(error: unknown): string {
  if (error instanceof AdminRequestError) return `${error.message} (${error.code})`;
  if (error instanceof TypeError) return 'The gateway did not answer. Is it running?';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>): ActionState<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await action(...args);
      } catch (e) {
        setError(actionErrorText(e));
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
