// How a validation run reads on a terminal: one line per finished item while it runs, then the
// checklist grouped by phase with the detail and fix of every failure, the figures, and one result line.
import type { LiveRequestPlan, ValidationItem, ValidationProgress, ValidationReport } from '../../shared/protocol/validation';

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;
const PHASE_TITLES: Record<ValidationItem['phase'], string> = {
  pre: 'Before the switch (legacy binary)',
  post: 'After the switch (SDK backend, parity, performance)',
  live: 'Live requests (real providers)',
  decision: 'Decision checklist',
};

export function markOf(item: ValidationItem): string {
  return item.ok ? MARK.pass : item.skipped ? MARK.skip : MARK.fail;
}

/** A progress event as one line, or null when there is nothing new to say. */
export function progressLine(progress: ValidationProgress, lastStep: { value: string }): string | null {
  if (progress.item) return `  [${progress.done}/${progress.total}] ${markOf(progress.item)} ${progress.item.id}  ${progress.item.title}`;
  if (progress.step === lastStep.value) return null;
  lastStep.value = progress.step;
  return `  … ${progress.step}`;
}

export function checklistLines(report: ValidationReport): string[] {
  const lines: string[] = [];
  for (const phase of ['pre', 'post', 'live', 'decision'] as const) {
    const items = report.items.filter((i) => i.phase === phase);
    if (items.length === 0) continue;
    lines.push('', `${PHASE_TITLES[phase]}:`);
    for (const item of items) {
      lines.push(`  ${markOf(item)}  ${item.title}  (${item.id})`);
      if (!item.ok) {
        lines.push(`        ${item.detail}`);
        if (item.fix) lines.push(`        fix: ${item.fix}`);
      }
    }
  }
  const perf = report.performance;
  if (perf) {
    const mb = (b: number | null) => (b === null ? 'unknown' : `${Math.round(b / 1024 / 1024)} MB`);
    lines.push('', 'Performance:');
    if (perf.sdk) lines.push(`  SDK:    p50 ${perf.sdk.p50Ms ?? '-'} ms, p95 ${perf.sdk.p95Ms ?? '-'} ms (${perf.sdk.probes} probes, ${perf.sdk.errors} errors)`);
    if (perf.binary) lines.push(`  binary: p50 ${perf.binary.p50Ms ?? '-'} ms, p95 ${perf.binary.p95Ms ?? '-'} ms (${perf.binary.probes} probes, ${perf.binary.errors} errors)`);
    lines.push(`  ratio ${perf.p50Ratio ?? '-'}; memory: gateway ${mb(perf.gatewayRssBytes)}, LiteLLM ${mb(perf.litellmRssBytes)}`);
  }
  return lines;
}

export function resultLine(report: ValidationReport): string {
  const failed = report.items.filter((i) => !i.ok);
  const seconds = ((report.finishedAt - report.startedAt) / 1000).toFixed(1);
  const mode = report.modeBefore === report.modeAfter ? `mode unchanged (${report.modeAfter})` : `mode ${report.modeBefore} -> ${report.modeAfter}`;
  if (report.interrupted) return `Interrupted after ${seconds} s; ${mode}; nothing was left running.`;
  if (report.ok) {
    const next = report.phase === 'pre' ? 'run validate --phase post (or all) next' : '"Make SDK the default" is now enabled in the dashboard\'s Cutover view';
    return `Passed: all ${report.items.length} checks in ${seconds} s; ${mode}; ${next}.`;
  }
  return `Failed: ${failed.length} of ${report.items.length} checks in ${seconds} s (${failed.map((i) => i.id).slice(0, 5).join(', ')}${failed.length > 5 ? ', …' : ''}); ${mode}; "Make SDK the default" stays disabled.`;
}

export function livePlanLines(plan: LiveRequestPlan[]): string[] {
  const total = plan.reduce((sum, p) => sum + p.estimatedTokens, 0);
  return [
    `--live sends ${plan.length} real request${plan.length === 1 ? '' : 's'} (max 5 output tokens each), about ${total} tokens in all:`,
    ...plan.map((p) => `  ${p.model} (${p.provider}): ~${p.estimatedTokens} tokens`),
  ];
}
