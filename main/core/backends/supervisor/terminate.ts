// Stopping a child for good: SIGTERM to its process group, SIGKILL to the group once the grace period is
// over (also for workers that outlive the leader). Resolves only when the leader has exited.
import { setTimeout as delay } from 'node:timers/promises';
import { groupAlive, signalGroup } from './child-process';
import type { ChildHandle } from './child-process';

export interface TerminateResult {
  /** true when SIGKILL was needed */
  forced: boolean;
}

const GROUP_POLL_MS = 25;

export async function terminateChild(handle: ChildHandle, graceMs: number, platform: NodeJS.Platform): Promise<TerminateResult> {
  const pid = handle.pid;
  if (pid === undefined) return { forced: false };
  signalGroup(pid, 'SIGTERM', platform);

  let graceOver = false;
  const timer = setTimeout(() => {
    graceOver = true;
  }, graceMs);
  try {
    const exited = await Promise.race([handle.ended.then(() => true), delay(graceMs, false, { ref: false })]);
    // The leader is gone but forked workers may still be shutting down: give them the rest of the grace.
    while (exited && !graceOver && groupAlive(pid, platform)) await delay(GROUP_POLL_MS);
    if (exited && !groupAlive(pid, platform)) return { forced: false };
    signalGroup(pid, 'SIGKILL', platform);
    await handle.ended;
    return { forced: true };
  } finally {
    clearTimeout(timer);
  }
}

/** Immediate SIGKILL without waiting, for process 'exit' handlers. */
export function killGroupNow(handle: ChildHandle | null, platform: NodeJS.Platform): void {
  if (handle?.pid !== undefined && handle.endInfo() === null) signalGroup(handle.pid, 'SIGKILL', platform);
}
