// post.performance.*: the guide's criteria, SDK latency within 2x of the binary's and SDK memory within
// 1.5x of the binary's (the gateway alone in SDK mode against gateway plus LiteLLM child in binary mode).
import type { ValidationPerformance } from '../../../shared/protocol/validation';
import { ITEMS } from './catalog';
import type { RunContext } from './run-context';

/** Below this the difference is scheduling noise on a loopback probe, whatever the ratio says. */
const NOISE_FLOOR_MS = 5;
const MB = 1024 * 1024;

export async function performanceItems(ctx: RunContext, perf: ValidationPerformance, binaryProblem: string): Promise<void> {
  const { sdk, binary } = perf;
  if (!binary) {
    ctx.skip(ITEMS.performanceLatency, `not compared: ${binaryProblem}`, 'Fix the pre.binary.* items first.');
    ctx.skip(ITEMS.performanceMemory, `not compared: ${binaryProblem}`, 'Fix the pre.binary.* items first.');
    return;
  }
  await ctx.check(ITEMS.performanceLatency, () => {
    const figures = `SDK p50 ${sdk?.p50Ms ?? '-'} ms, p95 ${sdk?.p95Ms ?? '-'} ms; binary p50 ${binary.p50Ms ?? '-'} ms, p95 ${binary.p95Ms ?? '-'} ms over ${binary.probes} probes each`;
    if (!sdk || sdk.p50Ms === null || binary.p50Ms === null || sdk.errors > 0 || binary.errors > 0) {
      return { ok: false, detail: `${figures}; errors: SDK ${sdk?.errors ?? '-'}, binary ${binary.errors}`, fix: 'Probes failed while measuring: see the parity and endpoint items.' };
    }
    const ok = sdk.p50Ms <= 2 * binary.p50Ms || sdk.p50Ms - binary.p50Ms < NOISE_FLOOR_MS;
    return ok
      ? { ok, detail: `${figures}; ratio ${perf.p50Ratio}` }
      : { ok, detail: `${figures}; ratio ${perf.p50Ratio}`, fix: 'The SDK backend is slower than it should be: check switchboard.upstream.max_concurrency and the machine load, then measure again.' };
  });
  await ctx.check(ITEMS.performanceMemory, () => {
    const gateway = perf.gatewayRssBytes;
    const child = perf.litellmRssBytes;
    if (gateway === null || child === null) return { ok: true, detail: `not measurable here (gateway ${mb(gateway)}, LiteLLM ${mb(child)}): resident memory could not be read` };
    const ok = gateway <= 1.5 * (gateway + child);
    return ok
      ? { ok, detail: `SDK mode: gateway ${mb(gateway)}; binary mode: gateway plus LiteLLM ${mb(gateway + child)} (LiteLLM alone ${mb(child)})` }
      : { ok, detail: `gateway ${mb(gateway)} against ${mb(gateway + child)}`, fix: 'Lower switchboard.log.max_entries / body_capture_entries and measure again.' };
  });
}

function mb(bytes: number | null): string {
  return bytes === null ? 'unknown' : `${Math.round(bytes / MB)} MB`;
}
