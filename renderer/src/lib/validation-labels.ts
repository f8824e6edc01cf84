// Words the Cutover view, the checklist and the history use for validation runs, in one place. Pure.
import type { ValidationItem, ValidationItemPhase, ValidationPhase, ValidationReport } from '../../../shared/protocol/validation';
import type { Tone } from './labels';

export const PHASE_NAMES: Record<ValidationPhase, string> = { pre: 'Pre-checks', post: 'Post-checks', all: 'All checks' };

export const PHASE_HINTS: Record<ValidationPhase, string> = {
  pre: 'The legacy LiteLLM binary: found, recent enough, accepts the config, answers, keeps identities.',
  post: 'The SDK backend: every endpoint, cookies, parity with the binary, performance.',
  all: 'Both, then the decision checklist.',
};

export const ITEM_PHASE_NAMES: Record<ValidationItemPhase, string> = {
  pre: 'Legacy binary (pre)',
  post: 'SDK backend (post)',
  live: 'Live requests',
  decision: 'Decision checklist',
};

export const ITEM_PHASE_ORDER: readonly ValidationItemPhase[] = ['pre', 'post', 'live', 'decision'];

export type ItemStatus = 'ok' | 'failed' | 'skipped';

export function itemStatus(item: ValidationItem): ItemStatus {
  if (item.ok) return 'ok';
  return item.skipped ? 'skipped' : 'failed';
}

export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = { ok: 'passed', failed: 'failed', skipped: 'skipped' };

export type RunResult = 'passed' | 'failed' | 'interrupted';

export function runResult(report: ValidationReport): RunResult {
  if (report.interrupted) return 'interrupted';
  return report.ok ? 'passed' : 'failed';
}

export const RESULT_TONE: Record<RunResult, Tone> = { passed: 'ok', failed: 'err', interrupted: 'warn' };

export function countPassed(items: readonly ValidationItem[]): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const item of items) {
    const status = itemStatus(item);
    if (status === 'ok') passed++;
    else if (status === 'failed') failed++;
    else skipped++;
  }
  return { passed, failed, skipped };
}

/** Items grouped by checklist phase, in checklist order; empty groups left out. */
export function groupItems(items: readonly ValidationItem[]): Array<{ phase: ValidationItemPhase; items: ValidationItem[] }> {
  return ITEM_PHASE_ORDER.map((phase) => ({ phase, items: items.filter((i) => i.phase === phase) })).filter((g) => g.items.length > 0);
}
