// Reconnect delays: 0.5 s doubling to 10 s, with "equal jitter" (half fixed, half random) so several
// windows do not reconnect in lockstep after the gateway restarts.

export const BACKOFF_INITIAL_MS = 500;
export const BACKOFF_MAX_MS = 10_000;

/** `attempt` counts from 0; `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** Math.max(0, attempt));
  return Math.round(base / 2 + random() * (base / 2));
}
