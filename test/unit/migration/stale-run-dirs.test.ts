// A validation run killed mid-way (SIGKILL) leaves its temp data dir; the next run removes the dirs
// whose owning process is gone, and never one that belongs to a live run or is still being created.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pidAlive } from '../../../main/core/backends/supervisor/child-process';
import { markRunDir, RUN_DIR_PREFIX, sweepStaleRunDirs } from '../../../main/core/migration/stale-run-dirs';

let parent: string;

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'switchboard-sweep-test-'));
});

afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** a pid that belonged to a process that has exited */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function runDir(name: string, owner: number | null, ageMs = 0): Promise<string> {
  const dir = join(parent, `${RUN_DIR_PREFIX}${name}`);
  await mkdir(dir);
  await writeFile(join(dir, 'config.yaml'), 'model_list: []\n');
  if (owner !== null) await markRunDir(dir, owner);
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    await utimes(dir, then, then);
  }
  return dir;
}

describe('stale validation dirs', () => {
  it('removes the dirs of runs whose process is gone, keeps live ones, fresh unowned ones and other folders', async () => {
    const dead = deadPid();
    expect(pidAlive(dead)).toBe(false);
    expect(pidAlive(process.pid)).toBe(true);
    await runDir('killed', dead);
    await runDir('running', process.pid);
    await runDir('being-created', null);
    await runDir('old-unowned', null, 2 * 60 * 60_000);
    await mkdir(join(parent, 'someone-else'));
    const longAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(join(parent, 'someone-else'), longAgo, longAgo);

    const removed = await sweepStaleRunDirs(parent, Date.now());

    expect(removed.sort()).toEqual([`${RUN_DIR_PREFIX}killed`, `${RUN_DIR_PREFIX}old-unowned`]);
    expect((await readdir(parent)).sort()).toEqual(['someone-else', `${RUN_DIR_PREFIX}being-created`, `${RUN_DIR_PREFIX}running`].sort());
  });

  it('never throws, even when the folder cannot be read', async () => {
    await expect(sweepStaleRunDirs(join(parent, 'missing'), Date.now())).resolves.toEqual([]);
  });
});
