// The guide's cutover decision checklist, filled in from the items of the run: each decision passes
// when the items it rests on passed, and a failure names them and repeats the first fix.
import type { ValidationItem, ValidationPerformance } from '../../../shared/protocol/validation';
import { ITEMS } from './catalog';
import type { ItemSpec, RunContext } from './run-context';

export interface RollbackFacts {
  /** ms to switch the temp gateway to binary and ready; null when it failed */
  toBinaryMs: number | null;
  /** ms back to sdk; null when it failed or never ran */
  backMs: number | null;
}

export async function decisionItems(ctx: RunContext, performance: ValidationPerformance | null, rollback: RollbackFacts): Promise<void> {
  const items = ctx.items();
  const rest = (spec: ItemSpec, match: (item: ValidationItem) => boolean, passed: string) =>
    ctx.check(spec, () => {
      const related = items.filter(match);
      const failed = related.filter((item) => !item.ok);
      if (related.length === 0) return { ok: false, detail: 'nothing checked it in this run', fix: 'Run validate --phase all.' };
      if (failed.length === 0) return { ok: true, detail: passed };
      return { ok: false, detail: `failed: ${failed.map((i) => i.id).join(', ')}`, fix: failed.find((i) => i.fix)?.fix ?? `See ${failed[0]!.id}.` };
    });
  const starts = (prefix: string) => (item: ValidationItem) => item.id.startsWith(prefix);

  await rest(ITEMS.decisionBinary, starts('pre.binary.'), 'found, supported, ready, answering both dialects');
  await rest(ITEMS.decisionKeys, (i) => i.id === ITEMS.modelKeys.id, 'every model has its key');
  await rest(ITEMS.decisionEndpoints, (i) => i.id.startsWith('post.endpoints.') || i.id === ITEMS.sdkReady.id, 'every endpoint answers in SDK mode');
  await rest(ITEMS.decisionParity, starts('post.parity.'), 'status, shape, streams, tool calls, errors and identities match');
  await rest(ITEMS.decisionCookies, starts('post.cookies.'), 'held, sent back, kept across a restart');
  await rest(ITEMS.decisionIdentities, (i) => i.id.startsWith('pre.identity.') || i.id === ITEMS.parityIdentity.id, 'every identity rule reaches the upstream in both modes');
  const ratio = performance?.p50Ratio;
  await rest(ITEMS.decisionPerformance, (i) => i.id === ITEMS.performanceLatency.id, ratio != null ? `SDK p50 is ${ratio}x the binary's` : 'measured');
  await rest(ITEMS.decisionMemory, (i) => i.id === ITEMS.performanceMemory.id, 'within 1.5x');
  await ctx.check(ITEMS.decisionRollback, () =>
    rollback.toBinaryMs !== null && rollback.backMs !== null
      ? { ok: true, detail: `switch to binary took ${rollback.toBinaryMs} ms, back to SDK ${rollback.backMs} ms (on the temporary gateway); try it on yours with Test rollback` }
      : { ok: false, detail: rollback.toBinaryMs === null ? 'the switch to the binary failed' : 'the switch back to SDK failed', fix: 'Fix the pre.binary.* items: without a working binary there is no way back.' },
  );
  const all = ctx.items().filter((i) => i.phase !== 'decision');
  const failed = all.filter((i) => !i.ok);
  await ctx.check(ITEMS.decisionValidation, () =>
    failed.length === 0
      ? { ok: true, detail: `all ${all.length} checks passed` }
      : { ok: false, detail: `${failed.length} of ${all.length} checks failed: ${failed.map((i) => i.id).slice(0, 8).join(', ')}${failed.length > 8 ? ', …' : ''}`, fix: 'Fix the failed items above (each has its fix), then run validate --phase all again.' },
  );
}
