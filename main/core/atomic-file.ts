// The one way the gateway replaces a small file in its data dir (cookie jar, mode.json, instance.json,
// validations.json, the LiteLLM config and pid file, a repaired request log; names in
// config/data-files.ts): write a temp file with mode 0600 next to it, fsync it, rename it over the old
// one, then fsync the folder. A crash at any point leaves the old file or the new one, never half of
// one, and once this resolves the new content survives a power cut (the folder fsync makes the rename
// itself durable). Other local users can never read the content: it may hold cookies or history.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is as durable as NTFS makes it
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Moves an unreadable file aside as `<file>.corrupt` (replacing an older one) so nothing is lost. */
export async function quarantineFile(file: string): Promise<string> {
  const target = `${file}.corrupt`;
  await rename(file, target);
  return target;
}
