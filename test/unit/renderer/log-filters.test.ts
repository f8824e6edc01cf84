import { describe, expect, it } from 'vitest';
import {
  countArrivedSince,
  createSearchIndex,
  emptyFilters,
  filterOptions,
  hasActiveFilters,
  matchFilters,
  statusClass,
  visibleRows,
} from '../../../renderer/src/state/log-filters';
import { emptyLog, upsertRecords } from '../../../renderer/src/state/request-log';
import { fakeRecord } from '../../fixtures/fake-admin/fake-records';

const records = [
  fakeRecord({ id: 'p1', identity: 'pycharm-ai', model: 'gpt-4o-mini', backend: 'sdk', status: 200 }),
  fakeRecord({ id: 'c1', identity: 'claude-cli', model: 'claude-sonnet-4-5', backend: 'sdk', status: 200, userAgent: 'claude-cli/2.0.14 (external, cli)' }),
  fakeRecord({ id: 'c2', identity: 'claude-cli', model: 'claude-sonnet-4-5', backend: 'binary', status: 529, phase: 'error', errorCode: 'UPSTREAM_ERROR', errorMessage: 'Overloaded' }),
  fakeRecord({ id: 'o1', identity: 'openai-sdk', model: 'gpt-4o-mini', backend: 'binary', status: 404, phase: 'error' }),
  fakeRecord({ id: 's1', identity: 'claude-cli', model: 'claude-sonnet-4-5', phase: 'streaming', status: null, durationMs: null }),
  fakeRecord({ id: 'f1', identity: 'pycharm-ai', phase: 'error', status: null, errorCode: 'UPSTREAM_UNREACHABLE' }),
];
const log = upsertRecords(emptyLog, records);
const ids = (filters: Partial<typeof emptyFilters>, frozenAt: number | null = null) =>
  visibleRows(log, { ...emptyFilters, ...filters }, frozenAt).map((r) => r.id);

describe('statusClass', () => {
  it('classifies by status, then by phase', () => {
    expect(records.map(statusClass)).toEqual(['2xx', '2xx', '5xx', '4xx', 'pending', 'failed']);
    expect(statusClass(fakeRecord({ status: 200, phase: 'streaming' }))).toBe('2xx');
  });
});

describe('filters', () => {
  it('with no filters shows everything, newest first', () => {
    expect(ids({})).toEqual(['f1', 's1', 'o1', 'c2', 'c1', 'p1']);
    expect(hasActiveFilters(emptyFilters)).toBe(false);
  });

  it('narrow by identity, model, backend and status class', () => {
    expect(ids({ identity: 'claude-cli' })).toEqual(['s1', 'c2', 'c1']);
    expect(ids({ model: 'gpt-4o-mini' })).toEqual(['f1', 'o1', 'p1']);
    expect(ids({ backend: 'binary' })).toEqual(['o1', 'c2']);
    expect(ids({ status: '5xx' })).toEqual(['c2']);
    expect(ids({ status: 'pending' })).toEqual(['s1']);
    expect(ids({ identity: 'claude-cli', backend: 'sdk', status: '2xx' })).toEqual(['c1']);
    expect(hasActiveFilters({ ...emptyFilters, status: '4xx' })).toBe(true);
  });

  it('free text matches any field, case-insensitive, every word', () => {
    expect(ids({ text: 'OVERLOADED' })).toEqual(['c2']);
    expect(ids({ text: 'claude-cli/2.0' })).toEqual(['c1']);
    expect(ids({ text: '404' })).toEqual(['o1']);
    expect(ids({ text: 'claude binary' })).toEqual(['c2']);
    expect(ids({ text: 'unreachable' })).toEqual(['f1']);
    expect(ids({ text: '   ' })).toHaveLength(6);
    expect(matchFilters({ ...emptyFilters, text: 'nothing-like-this' })(records[0]!)).toBe(false);
  });

  it('a search index gives the same answers, and follows a record that was replaced', () => {
    const index = createSearchIndex();
    for (const text of ['OVERLOADED', 'claude binary', '404', 'pycharm']) {
      expect(visibleRows(log, { ...emptyFilters, text }, null, index).map((r) => r.id)).toEqual(ids({ text }));
    }
    expect(index.has(records[0]!)).toBe(true);
    // an update arrives as a new record object: its new text is found, the old text is not
    const updated = upsertRecords(log, [{ ...records[0]!, errorMessage: 'quota exceeded' }]);
    expect(visibleRows(updated, { ...emptyFilters, text: 'quota' }, null, index).map((r) => r.id)).toEqual(['p1']);
    expect(visibleRows(log, { ...emptyFilters, text: 'quota' }, null, index)).toEqual([]);
  });

  it('a frozen view hides rows that arrived after the pause but keeps updating shown rows', () => {
    const frozenAt = log.nextN;
    const later = upsertRecords(log, [fakeRecord({ id: 'new' }), { ...records[4]!, phase: 'done', status: 200 }]);
    const shown = visibleRows(later, emptyFilters, frozenAt);
    expect(shown.map((r) => r.id)).not.toContain('new');
    expect(shown.find((r) => r.id === 's1')?.phase).toBe('done');
    expect(countArrivedSince(later, frozenAt)).toBe(1);
    expect(countArrivedSince(later, null)).toBe(0);
  });

  it('offers sorted choices from the log plus known identities', () => {
    expect(filterOptions(log, ['zeta'])).toEqual({
      identities: ['claude-cli', 'openai-sdk', 'pycharm-ai', 'zeta'],
      models: ['claude-sonnet-4-5', 'gpt-4o-mini'],
      backends: ['binary', 'sdk'],
    });
  });
});
