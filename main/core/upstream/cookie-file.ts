// The cookie jar's file on disk: read once at start, rewritten whole and atomically (atomic-file.ts), so a
// crash mid-write leaves the old file, never half of a new one, and other local users can never read the
// cookies.
import { readFile } from 'node:fs/promises';
import { quarantineFile, writeFileAtomic } from '../atomic-file';

export const COOKIE_FILE_VERSION = 1;

export interface CookieFileContent {
  version: number;
  /** tough-cookie's serialized jar (its `cookies` array is what we read back) */
  jar: { cookies?: unknown[] } & Record<string, unknown>;
  /** epoch ms of the last Set-Cookie seen, per cookie domain */
  lastUpdated: Record<string, number>;
}

export type CookieFileRead =
  | { kind: 'missing' }
  | { kind: 'ok'; content: CookieFileContent }
  /** unreadable or not ours; `reason` never quotes the file's text (it holds cookie values) */
  | { kind: 'corrupt'; reason: string }
  | { kind: 'error'; error: Error };

export async function readCookieFile(file: string): Promise<CookieFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'error', error: error as Error };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the fault, which may be a cookie value.
    return { kind: 'corrupt', reason: 'not valid JSON' };
  }
  if (!isCookieFileContent(parsed)) return { kind: 'corrupt', reason: 'not a Switchboard cookie file' };
  return { kind: 'ok', content: parsed };
}

function isCookieFileContent(value: unknown): value is CookieFileContent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CookieFileContent>;
  if (v.version !== COOKIE_FILE_VERSION) return false;
  if (typeof v.jar !== 'object' || v.jar === null || !Array.isArray(v.jar.cookies)) return false;
  return typeof v.lastUpdated === 'object' && v.lastUpdated !== null;
}

/** Moves an unreadable cookie file aside as `<file>.corrupt` (replacing an older one) so nothing is lost. */
export const quarantineCookieFile = quarantineFile;

export async function writeCookieFile(file: string, content: CookieFileContent): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(content));
}
