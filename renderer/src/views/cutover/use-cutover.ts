// Loads GET /admin/cutover when the view opens and after every resync (a restarted gateway has its own
// runs); events keep it current in between (the reducer folds them into state.cutover).
import { useEffect, useState } from 'react';
import { useServices } from '../../app-context';
import { actionErrorText } from '../../hooks/use-action';

export function useCutoverLoad(resyncs: number): string | null {
  const { client, dispatch } = useServices();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    client.cutover(controller.signal).then(
      (cutover) => {
        setError(null);
        dispatch({ type: 'cutover.set', cutover });
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(actionErrorText(caught));
      },
    );
    return () => controller.abort();
  }, [client, dispatch, resyncs]);
  return error;
}
