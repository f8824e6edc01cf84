// A child left behind by a gateway that died without stopping it (SIGKILL, power loss, a crash in native
// code) still holds its port and its upstream connections. Its pid is recorded in the data dir; the next
// start() finds and stops it, after checking the pid still belongs to that child (pids get reused).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { pidAlive, signalGroup } from './child-process';
import { probeLiveliness } from './readiness';
import { writeFileAtomic } from '../../atomic-file';
import { DATA_FILES } from '../../config/data-files';


export interface PidRecord {
  pid: number;
  port: number;
  configFile: string;
  startedAt: number;
}

export async function writePidFile(dataDir: string, record: PidRecord): Promise<void> {
  await writeFileAtomic(join(dataDir, DATA_FILES.litellmPid), `${JSON.stringify(record)}\n`);
}

export async function removePidFile(dataDir: string): Promise<void> {
  await rm(join(dataDir, DATA_FILES.litellmPid), { force: true });
}

export interface ReapOptions {
  dataDir: string;
  host: string;
  graceMs: number;
  platform: NodeJS.Platform;
  logger: Logger;
}

/** Stops the child recorded in the pid file if it is still ours and alive; returns its pid, else null. */
export async function reapStaleChild(options: ReapOptions): Promise<number | null> {
  const record = await readPidFile(options.dataDir);
  if (record === null) return null;
  const ours = pidAlive(record.pid) && (await stillOurs(record, options.host));
  if (ours) {
    options.logger.warn({ pid: record.pid, port: record.port }, 'stopping a LiteLLM child left behind by an earlier run');
    signalGroup(record.pid, 'SIGTERM', options.platform);
    if (!(await waitGone(record.pid, options.graceMs))) {
      signalGroup(record.pid, 'SIGKILL', options.platform);
      await waitGone(record.pid, 2000);
    }
  }
  await removePidFile(options.dataDir);
  return ours ? record.pid : null;
}

async function readPidFile(dataDir: string): Promise<PidRecord | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, DATA_FILES.litellmPid), 'utf8')) as Partial<PidRecord>;
    if (!Number.isInteger(parsed.pid) || (parsed.pid ?? 0) <= 1 || typeof parsed.configFile !== 'string') return null;
    return { pid: parsed.pid as number, port: Number(parsed.port), configFile: parsed.configFile, startedAt: Number(parsed.startedAt) };
  } catch {
    return null;
  }
}

/**
 * Linux: the process's command line names our generated config file. Elsewhere (no /proc): something
 * answers LiteLLM's liveliness route on the recorded port, which a reused pid would not.
 */
async function stillOurs(record: PidRecord, host: string): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${record.pid}/cmdline`, 'utf8');
    return cmdline.split('\0').includes(record.configFile);
  } catch {
    if (!Number.isInteger(record.port) || record.port <= 0) return false;
    return probeLiveliness(host, record.port, AbortSignal.timeout(1000));
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 25) {
    if (!pidAlive(pid)) return true;
    await delay(25);
  }
  return !pidAlive(pid);
}
