// The browser tests load the dashboard the gateway serves from dist/renderer. `npm test` builds it first;
// a test run on its own rebuilds it when it is missing or older than its sources, so a renderer fix is
// never tested against yesterday's bundle. Two test files may ask at once: a lock directory (mkdir is
// atomic) lets one build while the other waits, then re-checks.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_STALE_MS = 120_000;

/** Newest modification time (ms) of any file under these paths; 0 when there is none. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const children = readdirSync(path).map((name) => join(path, name));
      newest = Math.max(newest, newestMtime(children));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

export function rendererIsCurrent(root: string): boolean {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return false;
  const sources = ['renderer/src', 'renderer/index.html', 'renderer/vite.config.ts', 'shared'].map((p) => join(root, p));
  return statSync(index).mtimeMs >= newestMtime(sources);
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // a lock left behind by a killed run must not block every later run
    const held = statSync(lock, { throwIfNoEntry: false });
    if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/** Returns dist/renderer, built from the current sources. */
export async function ensureRendererBuilt(root: string): Promise<string> {
  const out = join(root, 'dist', 'renderer');
  const lock = join(root, 'dist', '.renderer-build.lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    if (rendererIsCurrent(root)) return out;
    if (tryLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    if (!rendererIsCurrent(root)) {
      const { build } = await import('vite');
      await build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return out;
}
