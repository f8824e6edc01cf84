// <dataDir>/validations.json: the newest 20 validation reports, the cutover decision and the last
// rollback test. Written with writeFileAtomic (0600, whole or not at all); a missing or damaged file reads as
// empty rather than stopping the gateway.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CutoverDecision, RollbackTestResult, ValidationReport } from '../../../shared/protocol/validation';
import { VALIDATION_SCHEMA } from '../../../shared/protocol/validation';
import { writeFileAtomic } from '../atomic-file';
import { DATA_FILES } from '../config/data-files';

export const HISTORY_LIMIT = 20;

export interface MigrationRecord {
  /** newest first */
  history: ValidationReport[];
  decision: CutoverDecision | null;
  lastRollbackTest: RollbackTestResult | null;
}

export interface HistoryStore {
  load(): Promise<MigrationRecord>;
  save(record: MigrationRecord): Promise<void>;
}

export function emptyRecord(): MigrationRecord {
  return { history: [], decision: null, lastRollbackTest: null };
}

export function createHistoryStore(dataDir: string): HistoryStore {
  const file = join(dataDir, DATA_FILES.validations);
  let writes: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<MigrationRecord>;
        const history = Array.isArray(parsed.history) ? parsed.history.filter((r) => r?.schema === VALIDATION_SCHEMA).slice(0, HISTORY_LIMIT) : [];
        return { history, decision: parsed.decision ?? null, lastRollbackTest: parsed.lastRollbackTest ?? null };
      } catch {
        return emptyRecord();
      }
    },
    save(record) {
      // one write at a time, in order: two runs finishing together must not interleave their renames
      writes = writes.catch(() => undefined).then(async () => {
        const body = { ...record, history: record.history.slice(0, HISTORY_LIMIT) };
        await writeFileAtomic(file, `${JSON.stringify(body)}\n`);
      });
      return writes;
    },
  };
}
