// The legacy binary, started by the temp gateway against the probe upstream: does LiteLLM take the
// generated config, become ready, answer both dialects, and pass every identity on to the upstream?
import { MIN_LITELLM_VERSION, PINNED_LITELLM_VERSION } from '../backends/supervisor/litellm-version';
import { fingerprint } from '../events/fingerprint';
import { ITEMS, identityItem } from './catalog';
import type { IdentityCase } from './identity-cases';
import type { ProbeOutcome, ProbeSet } from './probe-set';
import type { CheckOutcome, RunContext } from './run-context';
import { isWellFormed } from './shape';

const IDENTITY_FIX =
  `The binary does not pass the identity headers on: use LiteLLM ${MIN_LITELLM_VERSION} or later (older versions drop client headers on /v1/messages) and do not turn off general_settings.forward_client_headers_to_llm_api.`;

export interface BinaryStart {
  ok: boolean;
  code: string | null;
  message: string | null;
  ms: number;
}

/** pre.binary.config and pre.binary.ready from the outcome of switching the temp gateway to binary. */
export async function startItems(ctx: RunContext, start: BinaryStart): Promise<void> {
  if (start.ok) {
    await ctx.check(ITEMS.binaryConfig, () => ({ ok: true, detail: 'LiteLLM started with the generated config' }));
    await ctx.check(ITEMS.binaryReady, () => ({ ok: true, detail: `ready (GET /health/liveliness) after ${start.ms} ms` }));
    return;
  }
  const message = start.message ?? 'unknown failure';
  if (start.code === 'BINARY_CONFIG_REJECTED') {
    await ctx.check(ITEMS.binaryConfig, () => ({ ok: false, detail: message, fix: 'Fix the LiteLLM sections of your config (the quoted lines say which); Switchboard copies them unchanged into the generated config.' }));
    ctx.skip(ITEMS.binaryReady, 'not reached: LiteLLM rejected its config', null);
    return;
  }
  ctx.skip(ITEMS.binaryConfig, 'not known: LiteLLM did not get far enough to read its config', null);
  await ctx.check(ITEMS.binaryReady, () => ({ ok: false, detail: message, fix: startFix(start.code) }));
}

export function startFix(code: string | null): string {
  switch (code) {
    case 'BINARY_NOT_FOUND':
      return `Install LiteLLM with pip install 'litellm[proxy]==${PINNED_LITELLM_VERSION}', or set switchboard.binary.command to its full path.`;
    case 'BINARY_VERSION_UNSUPPORTED':
      return `Upgrade LiteLLM: pip install 'litellm[proxy]==${PINNED_LITELLM_VERSION}'.`;
    case 'BINARY_READY_TIMEOUT':
      return 'LiteLLM is slow to start here: raise switchboard.binary.ready_timeout_ms, or look at litellm.log for what it waits on.';
    case 'BINARY_PORT_CONFLICT':
      return 'Free the port LiteLLM needs or set switchboard.binary.port to 0 (any free port).';
    default:
      return 'Look at the LiteLLM log lines in the detail (and <data dir>/litellm.log), fix the cause, and run the validation again.';
  }
}

/** Answers in the dialect (plain and/or streamed) that reached the probe upstream whole. */
export function dialectOutcome(results: Array<ProbeOutcome | undefined>, terminal: string): CheckOutcome {
  const problems: string[] = [];
  const seen: string[] = [];
  for (const result of results) {
    if (!result) {
      problems.push('probe missing');
      continue;
    }
    const label = result.name;
    if (result.failure) problems.push(`${label}: no answer (${result.failure})`);
    else if (result.status !== 200) problems.push(`${label}: status ${result.status} (${result.shape})`);
    else if (!isWellFormed(result.shape)) problems.push(`${label}: ${result.shape}`);
    else if (result.name.endsWith('stream') && !result.events.includes(terminal)) problems.push(`${label}: stream ended without ${terminal} (${result.events.join(' ')})`);
    if (!result.hit) problems.push(`${label}: the probe upstream never received it`);
    seen.push(`${label}: ${result.status} ${result.shape}`);
  }
  if (problems.length > 0) {
    return { ok: false, detail: problems.join('; '), fix: `The answer is not what the provider sent: check the LiteLLM version (${PINNED_LITELLM_VERSION} is the tested one) and litellm.log; in SDK mode, report it.` };
  }
  return { ok: true, detail: seen.join('; ') };
}

export async function binaryProbeItems(ctx: RunContext, set: ProbeSet, cases: IdentityCase[], supermemoryKey: string): Promise<void> {
  await ctx.check(ITEMS.binaryProbeOpenai, () => dialectOutcome([set.get('chat'), set.get('chat-stream')], 'done'));
  await ctx.check(ITEMS.binaryProbeAnthropic, () => dialectOutcome([set.get('messages'), set.get('messages-stream')], 'message_stop'));
  for (const c of cases) {
    await ctx.check(identityItem(c.key, c.title), () => identityOutcome(c, set.get(`identity.${c.key}`)));
  }
  await ctx.check(ITEMS.identitySupermemory, () => supermemoryOutcome(set.get('supermemory'), supermemoryKey));
}

export function identityOutcome(c: IdentityCase, result: ProbeOutcome | undefined): CheckOutcome {
  if (c.unusable) return { ok: true, detail: `not exercised: ${c.unusable}; try the rule in the dashboard's Clients view` };
  if (!result?.hit) return { ok: false, detail: `the request never reached the upstream (status ${result?.status ?? 'none'})`, fix: 'See pre.binary.probe.anthropic.' };
  const got = result.hit.identity;
  if (got === c.expected) return { ok: true, detail: `upstream received x-sm-user-id: ${got}` };
  return { ok: false, detail: `upstream received x-sm-user-id: ${got ?? '(none)'}, expected ${c.expected}`, fix: IDENTITY_FIX };
}

export function supermemoryOutcome(result: ProbeOutcome | undefined, supermemoryKey: string): CheckOutcome {
  if (!result?.hit) return { ok: false, detail: `the request never reached the upstream (status ${result?.status ?? 'none'})`, fix: 'See pre.binary.probe.anthropic.' };
  const expected = fingerprint(supermemoryKey);
  const problems: string[] = [];
  if (result.hit.supermemoryKeyFingerprint !== expected) problems.push(`x-supermemory-api-key ${result.hit.supermemoryKeyFingerprint ? `fingerprint ${result.hit.supermemoryKeyFingerprint}, expected ${expected}` : 'missing'}`);
  if (result.hit.identity !== result.expectedIdentity) problems.push(`x-sm-user-id ${result.hit.identity ?? '(none)'}, expected ${result.expectedIdentity}`);
  if (problems.length === 0) return { ok: true, detail: `upstream under the Supermemory base URL received the key (fingerprint ${expected}) and x-sm-user-id` };
  return { ok: false, detail: problems.join('; '), fix: IDENTITY_FIX };
}
