// One validation run, start to end: static checks, a probe upstream and a temporary gateway, the SDK
// backend, the legacy binary, parity, performance, live requests and the decision checklist. The user's
// gateway and mode are never touched (only the temp gateway switches modes); an abort stops the temp
// gateway and its LiteLLM child at once and ends the run with `interrupted: true`.
import type { Mode } from '../../../shared/protocol/records';
import type { ValidationItem, ValidationPerformance, ValidationPhase, ValidationProgress, ValidationReport } from '../../../shared/protocol/validation';
import { VALIDATION_SCHEMA } from '../../../shared/protocol/validation';
import type { SpawnFn } from '../backends/supervisor/spawn-types';
import type { GatewayConfig } from '../config/types';
import { ITEMS, expectedItemCount, identityItem, setupItem } from './catalog';
import { binaryProbeItems, startItems } from './checks-binary';
import { parityItems } from './checks-parity';
import { performanceItems } from './checks-performance';
import { cookieItems, endpointItems, sdkReadyItem } from './checks-sdk';
import { checkBinary, modelKeysOutcome } from './checks-static';
import { decisionItems } from './decision';
import type { RollbackFacts } from './decision';
import { identityCases } from './identity-cases';
import { livePlan, liveItems } from './live-requests';
import { PERFORMANCE_PROBES, measureBackend, residentBytes } from './performance';
import type { ProbeTarget } from './probe-call';
import { runProbeSet } from './probe-set';
import type { ProbeSet } from './probe-set';
import { startProbeUpstream } from './probe-upstream';
import type { ProbeUpstream } from './probe-upstream';
import { RunAborted, createRunContext } from './run-context';
import type { RunContext } from './run-context';
import { startTempGateway } from './temp-gateway';
import type { GatewayFactory, TempGateway } from './temp-gateway';

export interface ValidationEnvironment {
  /** the user's config: its models, identity rules and binary settings */
  user: GatewayConfig;
  factory: GatewayFactory;
  /** environment of the LiteLLM child (PATH, …), as the user's gateway passes it */
  binaryEnv: Record<string, string | undefined>;
  spawn?: SpawnFn;
  now: () => number;
  platform: NodeJS.Platform;
  /** the user's active mode */
  mode: () => Mode;
  /** the user's own gateway, for `--live` requests; null when it does not listen */
  userTarget: () => ProbeTarget | null;
  performanceProbes?: number;
}

export interface RunOptions {
  runId: string;
  phase: ValidationPhase;
  live: boolean;
  signal: AbortSignal;
  onProgress: (progress: ValidationProgress) => void;
}

const PHASE_ORDER: Record<ValidationItem['phase'], number> = { pre: 0, post: 1, live: 2, decision: 3 };

export async function runValidation(env: ValidationEnvironment, options: RunOptions): Promise<ValidationReport> {
  const { now } = env;
  const { runId, phase, signal } = options;
  const startedAt = now();
  const modeBefore = env.mode();
  const total = expectedItemCount(phase, env.user.identity.patterns.length, options.live ? livePlan(env.user).length : 0);
  const ctx = createRunContext({
    now,
    signal,
    onProgress: (step, item, done) => options.onProgress({ runId, step, done, total: Math.max(total, done), item }),
  });
  let probe: ProbeUpstream | null = null;
  let temp: TempGateway | null = null;
  // stop a LiteLLM start that is under way at once, instead of after its readiness timeout
  const onAbort = () => void temp?.dispose();
  signal.addEventListener('abort', onAbort, { once: true });
  let performance: ValidationPerformance | null = null;
  let interrupted = false;
  try {
    const wantPre = phase !== 'post';
    const wantPost = phase !== 'pre';
    let binaryFound = true;
    let binaryProblem = '';
    if (wantPre) {
      await ctx.check(ITEMS.modelKeys, () => modelKeysOutcome(env.user));
      const facts = await checkBinary(ctx, env.user, env.binaryEnv, env.spawn);
      binaryFound = facts.found;
      if (!facts.found) binaryProblem = 'the legacy binary was not found';
    }
    ctx.step('starting the probe upstream and a temporary gateway');
    const setup = await ctx.check(setupItem(wantPre ? 'pre' : 'post'), async () => {
      probe = await startProbeUpstream(now);
      temp = await startTempGateway({ user: env.user, probeUrl: probe.url, factory: env.factory, now });
      return { ok: true, detail: `probe upstream ${probe.url}, temporary gateway ${temp.url}` };
    });
    if (!setup.ok || !probe || !temp) throw new SetupFailed();
    const theProbe: ProbeUpstream = probe;
    const theTemp: TempGateway = temp;
    const target = (): ProbeTarget => ({ url: theTemp.url, key: theTemp.key, now, signal });
    const cases = identityCases(theTemp.config.identity);
    const runTag = runId.slice(0, 8);
    const probeSet = (backend: Mode) =>
      runProbeSet({ target: target(), probe: theProbe, backend, runTag, identityCases: cases, defaultIdentity: theTemp.config.identity.defaultUserId });

    let sdkSet: ProbeSet | null = null;
    let sdkPerf = null;
    if (wantPost) {
      ctx.step('SDK backend: probing every endpoint');
      await sdkReadyItem(ctx, theTemp);
      sdkSet = await probeSet('sdk');
      await endpointItems(ctx, target(), sdkSet);
      await cookieItems(ctx, theTemp, theProbe, runTag);
      ctx.step('SDK backend: measuring latency');
      sdkPerf = await measureBackend(target(), 'sdk', runTag, env.performanceProbes ?? PERFORMANCE_PROBES);
    }

    let binarySet: ProbeSet | null = null;
    let binaryPerf = null;
    let litellmRss: number | null = null;
    const rollback: RollbackFacts = { toBinaryMs: null, backMs: null };
    if (!binaryFound) {
      skipBinaryItems(ctx, cases, 'not run: the legacy binary was not found', wantPre);
    } else {
      ctx.step('starting the legacy binary against the probe upstream');
      const start = await theTemp.setMode('binary');
      ctx.throwIfAborted();
      if (wantPre) await startItems(ctx, start);
      if (start.ok) {
        rollback.toBinaryMs = start.ms;
        ctx.step('binary backend: probing both dialects and every identity rule');
        binarySet = await probeSet('binary');
        if (wantPre) await binaryProbeItems(ctx, binarySet, cases, theTemp.supermemoryKey);
        if (wantPost) {
          ctx.step('binary backend: measuring latency and memory');
          binaryPerf = await measureBackend(target(), 'binary', runTag, env.performanceProbes ?? PERFORMANCE_PROBES);
          const pid = theTemp.gateway.admin.snapshot().mode.backends.binary.pid;
          litellmRss = pid ? await residentBytes(pid, env.platform, true) : null;
        }
        ctx.step('switching the temporary gateway back to SDK');
        const back = await theTemp.setMode('sdk');
        rollback.backMs = back.ok ? back.ms : null;
      } else {
        binaryProblem = `the binary backend did not start (${start.code ?? 'error'})`;
        skipBinaryItems(ctx, cases, `not run: ${binaryProblem}`, wantPre, true);
      }
    }

    if (wantPost && sdkSet) {
      ctx.step('comparing the two backends');
      await parityItems(ctx, sdkSet, binarySet, binaryProblem);
      // the run executes inside the gateway's own process
      const gatewayRss = process.memoryUsage().rss;
      const ratio = sdkPerf?.p50Ms && binaryPerf?.p50Ms ? Math.round((sdkPerf.p50Ms / binaryPerf.p50Ms) * 100) / 100 : null;
      performance = { sdk: sdkPerf, binary: binaryPerf, p50Ratio: ratio, gatewayRssBytes: gatewayRss, litellmRssBytes: litellmRss };
      await performanceItems(ctx, performance, binaryProblem);
    }
    if (options.live) {
      const userTarget = env.userTarget();
      if (userTarget) await liveItems(ctx, env.user, { ...userTarget, signal });
    }
    if (phase === 'all') {
      ctx.step('filling in the decision checklist');
      await decisionItems(ctx, performance, rollback);
    }
  } catch (error) {
    if (error instanceof RunAborted || signal.aborted) interrupted = true;
    else if (!(error instanceof SetupFailed)) throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await (temp as TempGateway | null)?.dispose();
    await (probe as ProbeUpstream | null)?.close();
  }
  const items = ctx.items().sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase]);
  return {
    schema: VALIDATION_SCHEMA,
    id: runId,
    phase,
    live: options.live,
    startedAt,
    finishedAt: now(),
    ok: !interrupted && items.length > 0 && items.every((item) => item.ok),
    items,
    performance,
    modeBefore,
    modeAfter: env.mode(),
    interrupted,
  };
}

class SetupFailed extends Error {}

function skipBinaryItems(ctx: RunContext, cases: ReturnType<typeof identityCases>, reason: string, wantPre: boolean, started = false): void {
  if (!wantPre) return;
  const fix = 'Fix pre.binary.found / pre.binary.ready first.';
  if (!started) {
    ctx.skip(ITEMS.binaryConfig, reason, fix);
    ctx.skip(ITEMS.binaryReady, reason, fix);
  }
  ctx.skip(ITEMS.binaryProbeOpenai, reason, fix);
  ctx.skip(ITEMS.binaryProbeAnthropic, reason, fix);
  for (const c of cases) ctx.skip(identityItem(c.key, c.title), reason, fix);
  ctx.skip(ITEMS.identitySupermemory, reason, fix);
}
