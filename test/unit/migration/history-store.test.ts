import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HISTORY_LIMIT, createHistoryStore, emptyRecord } from '../../../main/core/migration/history-store';
import type { ValidationReport } from '../../../shared/protocol/validation';
import { VALIDATION_SCHEMA } from '../../../shared/protocol/validation';
import { DATA_FILES } from '../../../main/core/config/data-files';

const report = (n: number): ValidationReport => ({
  schema: VALIDATION_SCHEMA, id: `run-${n}`, phase: 'all', live: false, startedAt: n, finishedAt: n + 1, ok: true,
  items: [], performance: null, modeBefore: 'sdk', modeAfter: 'sdk', interrupted: false,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validations.json', () => {
  test('keeps the newest 20, mode 0600, and reads back what it wrote', async () => {
    const store = createHistoryStore(dir);
    const history = Array.from({ length: 25 }, (_, i) => report(25 - i));
    await store.save({ history, decision: { at: 5, reportId: 'run-25', mode: 'sdk' }, lastRollbackTest: null });
    expect((await stat(join(dir, DATA_FILES.validations))).mode & 0o777).toBe(0o600);
    const onDisk = JSON.parse(await readFile(join(dir, DATA_FILES.validations), 'utf8')) as { history: ValidationReport[] };
    expect(onDisk.history).toHaveLength(HISTORY_LIMIT);
    const loaded = await store.load();
    expect(loaded.history).toHaveLength(HISTORY_LIMIT);
    expect(loaded.history[0]!.id).toBe('run-25');
    expect(loaded.decision?.reportId).toBe('run-25');
  });

  test('a missing or damaged file reads as empty; reports of another schema are dropped', async () => {
    expect(await createHistoryStore(dir).load()).toEqual(emptyRecord());
    await writeFile(join(dir, DATA_FILES.validations), '{"history": [ broken');
    expect(await createHistoryStore(dir).load()).toEqual(emptyRecord());
    await writeFile(join(dir, DATA_FILES.validations), JSON.stringify({ history: [{ schema: 'other/9', id: 'x' }, report(1)] }));
    expect((await createHistoryStore(dir).load()).history.map((r) => r.id)).toEqual(['run-1']);
  });

  test('saves issued together land in order, each whole', async () => {
    const store = createHistoryStore(dir);
    await Promise.all([1, 2, 3].map((n) => store.save({ ...emptyRecord(), history: [report(n)] })));
    const text = await readFile(join(dir, DATA_FILES.validations), 'utf8');
    expect((JSON.parse(text) as { history: ValidationReport[] }).history[0]!.id).toBe('run-3');
  });
});
