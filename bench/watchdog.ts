// Child role `watchdog`: the Switchboard CLI has no IPC channel to notice that the bench died, so this
// small process holds one for it. When the channel closes (the parent ended, even by SIGKILL) it stops
// Switchboard (SIGTERM, SIGKILL after a grace period) and deletes the temp data dir.
import { rmSync } from 'node:fs';
import { reportReady } from './role-ipc';

const GRACE_MS = 5_000;
const POLL_MS = 100;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function runWatchdog(options: { pid: number; dir: string | null }): void {
  const { pid, dir } = options;
  // Ctrl-C reaches the whole process group; the parent decides what stops when
  process.on('SIGINT', () => undefined);
  process.on('disconnect', () => {
    if (alive(pid)) process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + GRACE_MS;
    const timer = setInterval(() => {
      if (alive(pid) && Date.now() < deadline) return;
      clearInterval(timer);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      if (dir) rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }, POLL_MS);
  });
  reportReady(0);
}
