// The same probe set through both backends, compared: status, response shape, stream event sequence,
// tool-call round trip, error shape, and the identity headers the upstream received.
import { ITEMS } from './catalog';
import type { ProbeOutcome, ProbeSet } from './probe-set';
import { PARITY_PROBES, TOOL_RESULT_TEXT } from './probe-set';
import { PROBE_TOOL_ARGUMENTS } from './probe-replies';
import type { CheckOutcome, ItemSpec, RunContext } from './run-context';

const PARITY_FIX = 'The legacy binary and the SDK backend answer differently (detail names each probe). Look at litellm.log for the binary side; if the SDK side is wrong, report it.';

export async function parityItems(ctx: RunContext, sdk: ProbeSet, binary: ProbeSet | null, binaryProblem: string): Promise<void> {
  const specs: ItemSpec[] = [ITEMS.parityStatus, ITEMS.parityShape, ITEMS.parityStreamEvents, ITEMS.parityToolCall, ITEMS.parityErrorShape, ITEMS.parityIdentity];
  if (!binary) {
    for (const spec of specs) ctx.skip(spec, `not compared: ${binaryProblem}`, 'Fix the pre.binary.* items first (run validate --phase pre).');
    return;
  }
  const names = [...sdk.keys()].filter((name) => binary.has(name));
  await ctx.check(ITEMS.parityStatus, () => compare(names, sdk, binary, (r) => String(r.status), 'same status on'));
  const plain = [...PARITY_PROBES.filter((n) => !n.endsWith('stream') && !n.startsWith('error')), 'tool-openai', 'tool-anthropic', 'tool-openai-result', 'tool-anthropic-result'];
  await ctx.check(ITEMS.parityShape, () => compare(plain, sdk, binary, (r) => r.shape, 'same shape on'));
  await ctx.check(ITEMS.parityStreamEvents, () => compare(['chat-stream', 'messages-stream'], sdk, binary, (r) => r.events.join(' '), 'same events on'));
  await ctx.check(ITEMS.parityToolCall, () => toolOutcome(sdk, binary));
  await ctx.check(ITEMS.parityErrorShape, () => {
    const outcome = compare(['error-openai', 'error-anthropic'], sdk, binary, (r) => `${r.status} ${r.shape}`, 'same error on');
    const notErrors = ['error-openai', 'error-anthropic'].filter((n) => (binary.get(n)?.status ?? 0) < 400 || (sdk.get(n)?.status ?? 0) < 400);
    if (outcome.ok && notErrors.length > 0) return { ok: false, detail: `${notErrors.join(', ')}: an upstream error came back as success`, fix: PARITY_FIX };
    return outcome;
  });
  await ctx.check(ITEMS.parityIdentity, () =>
    compare(names, sdk, binary, (r) => (r.hit ? `x-sm-user-id=${r.hit.identity ?? '(none)'} supermemory-key=${r.hit.supermemoryKeyFingerprint ?? '(none)'}` : 'not received'), 'same identity headers on'),
  );
}

function compare(names: readonly string[], sdk: ProbeSet, binary: ProbeSet, view: (r: ProbeOutcome) => string, what: string): CheckOutcome {
  const differences: string[] = [];
  let compared = 0;
  for (const name of names) {
    const a = sdk.get(name);
    const b = binary.get(name);
    if (!a || !b) {
      differences.push(`${name}: ${a ? 'missing through the binary' : 'missing through the SDK backend'}`);
      continue;
    }
    compared++;
    const [x, y] = [view(a), view(b)];
    if (x !== y) differences.push(`${name}: sdk "${x}", binary "${y}"`);
  }
  if (differences.length > 0) return { ok: false, detail: differences.slice(0, 6).join('; ') + (differences.length > 6 ? `; and ${differences.length - 6} more` : ''), fix: PARITY_FIX };
  return { ok: true, detail: `${what} ${compared} probes` };
}

function toolOutcome(sdk: ProbeSet, binary: ProbeSet): CheckOutcome {
  const problems: string[] = [];
  for (const [label, set] of [['sdk', sdk], ['binary', binary]] as const) {
    for (const dialect of ['openai', 'anthropic']) {
      const call = set.get(`tool-${dialect}`)?.toolCall;
      const result = set.get(`tool-${dialect}-result`);
      if (!call) problems.push(`${label} ${dialect}: no tool call came back`);
      else if (call.name !== 'get_weather' || JSON.stringify(call.arguments) !== JSON.stringify(PROBE_TOOL_ARGUMENTS)) problems.push(`${label} ${dialect}: tool call ${call.name} ${JSON.stringify(call.arguments)}`);
      else if (!result || result.status !== 200 || !result.text.includes(TOOL_RESULT_TEXT)) problems.push(`${label} ${dialect}: the tool result turn got ${result?.status ?? 'no answer'} ${result?.shape ?? ''}`);
    }
  }
  if (problems.length > 0) return { ok: false, detail: problems.join('; '), fix: PARITY_FIX };
  return { ok: true, detail: 'tool call and tool result round trip in both dialects through both backends' };
}
