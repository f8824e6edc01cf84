// The chosen mode survives restarts: <dataDir>/mode.json, written atomically and durably (atomic-file.ts)
// before a switch is answered. A file that cannot be read is never treated as absent in silence: it is
// moved aside as mode.json.corrupt and `onProblem` says so once, naming both files.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mode } from '../../../../shared/protocol/records';
import { quarantineFile, writeFileAtomic } from '../../atomic-file';
import { DATA_FILES } from '../../config/data-files';

export interface PersistedMode {
  mode: Mode;
  previous: Mode | null;
}

export interface ModeStore {
  load(): Promise<PersistedMode | null>;
  /** resolves once the mode is on disk for good (fsynced) */
  save(state: PersistedMode): Promise<void>;
}


const isMode = (value: unknown): value is Mode => value === 'sdk' || value === 'binary';

function parse(text: string): PersistedMode | null {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown> | null;
    if (!parsed || !isMode(parsed.mode)) return null;
    return { mode: parsed.mode, previous: isMode(parsed.previous) ? parsed.previous : null };
  } catch {
    return null;
  }
}

export function createModeStore(dataDir: string, onProblem: (message: string) => void = () => {}): ModeStore {
  const file = join(dataDir, DATA_FILES.mode);
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') onProblem(`Mode file ${file} could not be read (${code ?? 'error'}); starting in the configured mode`);
        return null;
      }
      const state = parse(text);
      if (state) return state;
      let kept: string;
      try {
        kept = `kept as ${await quarantineFile(file)}`;
      } catch (error) {
        kept = `left in place (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      }
      onProblem(`Mode file ${file} is not a Switchboard mode file; starting in the configured mode (the old file ${kept})`);
      return null;
    },
    async save(state) {
      await writeFileAtomic(file, `${JSON.stringify(state)}\n`);
    },
  };
}
