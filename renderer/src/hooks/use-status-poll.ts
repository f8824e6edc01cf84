// Polls GET /admin/status while its user is mounted (the Overview is on screen) and the page is visible:
// resident memory and in-flight requests change without events, and nobody needs them off screen.
import { useEffect, useState } from 'react';
import type { StatusReport } from '../../../shared/protocol/validation';
import { useServices } from '../app-context';
import { actionErrorText } from './use-action';

export const STATUS_POLL_MS = 5_000;

export interface StatusPoll {
  status: StatusReport | null;
  error: string | null;
}

export function useStatusPoll(intervalMs = STATUS_POLL_MS): StatusPoll {
  const { client } = useServices();
  const [poll, setPoll] = useState<StatusPoll>({ status: null, error: null });
  useEffect(() => {
    let controller: AbortController | null = null;
    let timer: number | null = null;
    let stopped = false;
    const tick = () => {
      timer = null;
      if (stopped) return;
      if (document.visibilityState === 'hidden') {
        timer = window.setTimeout(tick, intervalMs);
        return;
      }
      controller = new AbortController();
      client.status(controller.signal).then(
        (status) => setPoll({ status, error: null }),
        (caught: unknown) => {
          if (!stopped) setPoll((prev) => ({ status: prev.status, error: actionErrorText(caught) }));
        },
      ).finally(() => {
        if (!stopped) timer = window.setTimeout(tick, intervalMs);
      });
    };
    tick();
    return () => {
      stopped = true;
      controller?.abort();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [client, intervalMs]);
  return poll;
}
