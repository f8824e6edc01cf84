// The chosen mode survives restarts: <dataDir>/mode.json, written atomically.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Mode } from '../../../../shared/protocol/records';

export interface PersistedMode {
  mode: Mode;
  previous: Mode | null;
}

export interface ModeStore {
  load(): Promise<PersistedMode | null>;
  save(state: PersistedMode): Promise<void>;
}

const isMode = (value: unknown): value is Mode => value === 'sdk' || value === 'binary';

export function createModeStore(dataDir: string): ModeStore {
  const file = join(dataDir, 'mode.json');
  return {
    async load() {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
        if (!isMode(parsed.mode)) return null;
        return { mode: parsed.mode, previous: isMode(parsed.previous) ? parsed.previous : null };
      } catch {
        return null;
      }
    },
    async save(state) {
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
      await rename(tmp, file);
    },
  };
}
