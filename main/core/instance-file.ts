// <dataDir>/instance.json tells `switchboard mode` (and a second launch) where the running gateway listens.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface InstanceInfo {
  pid: number;
  baseUrl: string;
  startedAt: number;
}

const FILE = 'instance.json';

export async function writeInstance(dataDir: string, info: InstanceInfo): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  await rename(tmp, file);
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
