// <dataDir>/instance.json tells `switchboard mode` (and a second launch) where the running gateway listens.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { DATA_FILES } from './config/data-files';

export interface InstanceInfo {
  pid: number;
  baseUrl: string;
  startedAt: number;
}

export async function writeInstance(dataDir: string, info: InstanceInfo): Promise<void> {
  await writeFileAtomic(join(dataDir, DATA_FILES.instance), `${JSON.stringify(info)}\n`);
}

export async function readInstance(dataDir: string): Promise<InstanceInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, DATA_FILES.instance), 'utf8')) as InstanceInfo;
    return typeof parsed.baseUrl === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export async function removeInstance(dataDir: string, pid: number): Promise<void> {
  const current = await readInstance(dataDir);
  if (current?.pid === pid) await rm(join(dataDir, DATA_FILES.instance), { force: true });
}
