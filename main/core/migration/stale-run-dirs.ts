// A validation run's temp data dir is removed when the run ends, is cancelled or fails; a run whose
// process was killed (SIGKILL, a crash, a power cut) cannot do that, and its dir stayed in the temp
// folder for good. Each run's dir names its process in an owner file, and the next run removes the
// dirs whose process is gone.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import { pidAlive } from '../backends/supervisor/child-process';

export const RUN_DIR_PREFIX = 'switchboard-validate-';
const OWNER_FILE = 'owner.pid';
/** A dir without an owner file may be one being created right now; only an old one is a leftover. */
const UNOWNED_GRACE_MS = 60 * 60_000;

export async function markRunDir(dir: string, pid: number): Promise<void> {
  await writeFileAtomic(join(dir, OWNER_FILE), `${pid}\n`);
}

/** Removes the run dirs in `parent` left by processes that are gone; returns their names. Never throws. */
export async function sweepStaleRunDirs(parent: string, now: number, alive: (pid: number) => boolean = pidAlive): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(RUN_DIR_PREFIX)) continue;
    const dir = join(parent, name);
    try {
      const owner = Number((await readFile(join(dir, OWNER_FILE), 'utf8').catch(() => '')).trim());
      const stale = Number.isInteger(owner) && owner > 0 ? !alive(owner) : now - (await stat(dir)).mtimeMs > UNOWNED_GRACE_MS;
      if (!stale) continue;
      await rm(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // another run may be removing it at the same time; a leftover is retried next run
    }
  }
  return removed;
}
