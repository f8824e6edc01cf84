// <dataDir>/instance.json tells `switchboard mode` (and a second launch) where the running gateway listens.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';

export interface InstanceInfo {
  pid: number;
  baseUrl: string;
  startedAt: number;
}

const FILE = 'instance.json';

export async function writeInstance(dataDir: string, info: InstanceInfo): Promise<void> {
  await writeFileAtomic(join(dataDir, FILE), `${JSON.stringify(info)}\n`);
}

export async function readInstance(dataDir: string): Promise<InstanceInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as InstanceInfo;
    return typeof parsed.baseUrl === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export async function removeInstance(dataDir: string, pid: number): Promise<void> {
  const current = await readInstance(dataDir);
  if (current?.pid === pid) await rm(join(dataDir, FILE), { force: true });
}
