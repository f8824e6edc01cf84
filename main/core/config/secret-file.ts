// Secrets Switchboard generates for itself (master key, admin token) live in one small file each in the
// data dir, readable only by the user. Two processes starting at once (the tray app and a `serve` in a
// terminal) must end up with the same secret, never with one overwriting the other.
import { randomBytes, randomInt } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error';

export interface SecretFileResult {
  value: string;
  created: boolean;
  /** true when an existing file was readable by others and was narrowed to 0600 */
  modeFixed?: boolean;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `prefix` + `length` characters of base62 from the CSPRNG (randomInt avoids modulo bias). */
export function generateSecret(prefix: string, length = 32): string {
  let out = prefix;
  for (let i = 0; i < length; i += 1) out += BASE62[randomInt(BASE62.length)];
  return out;
}

export async function ensureSecretFile(file: string, generate: () => string): Promise<SecretFileResult> {
  await makeDir(path.dirname(file));
  const existing = await readExisting(file);
  if (existing) return existing;
  const value = generate();
  if (!value || /\s/.test(value)) throw new TypeError('generated secret must be non-empty without whitespace');
  if (await publish(file, `${value}\n`)) return { value, created: true };
  // another process created it between our read and our publish: its value wins
  const winner = await readExisting(file);
  if (!winner) throw problem(file, 'vanished while being created');
  return winner;
}

async function makeDir(dir: string): Promise<void> {
  try {
    // 0700 applies only to folders created here; an existing folder keeps its mode
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw ioProblem(dir, `cannot create folder (${errorCode(error)})`);
  }
}

async function readExisting(file: string): Promise<SecretFileResult | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw ioProblem(file, `cannot read (${errorCode(error)})`);
  }
  const value = text.trim();
  if (!value) throw problem(file, 'is empty; delete it and Switchboard generates a new one');
  return { value, created: false, modeFixed: await narrowMode(file) };
}

async function narrowMode(file: string): Promise<boolean> {
  // Windows has no group/other bits; stat reports 0666 there and chmod cannot narrow it
  if (process.platform === 'win32') return false;
  const stat = await fs.stat(file);
  if ((stat.mode & 0o077) === 0) return false;
  await fs.chmod(file, 0o600);
  return true;
}

/**
 * Writes to a private temp file, then hard-links it to the final name: link() fails with EEXIST when the
 * name exists, so creation is exclusive AND a reader never sees a half-written file. Where hard links are
 * not supported we fall back to an exclusive create, which has a brief window of an empty file.
 */
async function publish(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, content, { mode: 0o600, flag: 'wx' });
    try {
      await fs.link(temp, file);
      return true;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      return await createExclusive(file, content);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw ioProblem(file, `cannot write (${errorCode(error)})`);
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  try {
    await fs.writeFile(file, content, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : String(error);
}

/** The data dir itself is the problem (read-only, a file in its place): say how to pick another. */
function ioProblem(file: string, text: string): ConfigError {
  return problem(file, `${text}; choose a writable data dir with --data-dir <folder> (or SWITCHBOARD_DATA_DIR)`);
}

function problem(file: string, text: string): ConfigError {
  return new ConfigError({ file, line: null, keyPath: '', problem: text });
}
