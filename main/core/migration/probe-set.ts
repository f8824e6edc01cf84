// The same set of probe requests, sent through whichever backend the temp gateway runs now. Each
// request carries its own marker, so the request the probe upstream received is found for it: the
// comparison covers what the client got back and what the upstream was sent.
import type { Dialect, Mode } from '../../../shared/protocol/records';
import type { IdentityCase } from './identity-cases';
import { PROBE_USER_AGENT } from './identity-cases';
import { probeCall, textRequest, toolRequest, toolResultRequest } from './probe-call';
import type { ProbeRequest, ProbeResult, ProbeTarget } from './probe-call';
import { PROBE_MODELS } from './probe-config';
import { PROBE_ERROR_MARKER } from './probe-replies';
import type { ProbeHit, ProbeUpstream } from './probe-upstream';

export interface ProbeOutcome extends ProbeResult {
  name: string;
  dialect: Dialect;
  /** what the probe upstream received for this request, null when nothing arrived */
  hit: ProbeHit | null;
  expectedIdentity: string | null;
}

export type ProbeSet = Map<string, ProbeOutcome>;

export const TOOL_RESULT_TEXT = 'sunny, 21 degrees';

interface PlannedProbe {
  name: string;
  dialect: Dialect;
  request: (marker: string) => ProbeRequest;
  expectedIdentity: string | null;
}

/** The names of the comparison probes (identity probes are `identity.<case>`). */
export const PARITY_PROBES = ['chat', 'chat-stream', 'messages', 'messages-stream', 'error-openai', 'error-anthropic', 'supermemory'] as const;

export async function runProbeSet(options: {
  target: ProbeTarget;
  probe: ProbeUpstream;
  backend: Mode;
  runTag: string;
  identityCases: IdentityCase[];
  defaultIdentity: string;
}): Promise<ProbeSet> {
  const { target, probe, backend, runTag } = options;
  const ua = { 'user-agent': PROBE_USER_AGENT };
  const planned: PlannedProbe[] = [
    { name: 'chat', dialect: 'openai', request: (m) => textRequest('openai', PROBE_MODELS.openai, m, false, ua), expectedIdentity: options.defaultIdentity },
    { name: 'chat-stream', dialect: 'openai', request: (m) => textRequest('openai', PROBE_MODELS.openai, m, true, ua), expectedIdentity: options.defaultIdentity },
    { name: 'messages', dialect: 'anthropic', request: (m) => textRequest('anthropic', PROBE_MODELS.anthropic, m, false, ua), expectedIdentity: options.defaultIdentity },
    { name: 'messages-stream', dialect: 'anthropic', request: (m) => textRequest('anthropic', PROBE_MODELS.anthropic, m, true, ua), expectedIdentity: options.defaultIdentity },
    { name: 'error-openai', dialect: 'openai', request: (m) => textRequest('openai', PROBE_MODELS.openai, `${m}-${PROBE_ERROR_MARKER}`, false, ua), expectedIdentity: options.defaultIdentity },
    { name: 'error-anthropic', dialect: 'anthropic', request: (m) => textRequest('anthropic', PROBE_MODELS.anthropic, `${m}-${PROBE_ERROR_MARKER}`, false, ua), expectedIdentity: options.defaultIdentity },
    { name: 'supermemory', dialect: 'anthropic', request: (m) => textRequest('anthropic', PROBE_MODELS.supermemory, m, false, ua), expectedIdentity: options.defaultIdentity },
    // identities on the Anthropic route: the one where LiteLLM before 1.80 dropped client headers
    ...options.identityCases
      .filter((c) => c.unusable === null)
      .map((c): PlannedProbe => ({
        name: `identity.${c.key}`,
        dialect: 'anthropic',
        request: (m) => textRequest('anthropic', PROBE_MODELS.anthropic, m, false, { ...ua, ...c.headers }),
        expectedIdentity: c.expected,
      })),
  ];
  const set: ProbeSet = new Map();
  for (const plan of planned) {
    const marker = `probe:${runTag}-${backend}-${plan.name}`;
    const request = plan.request(marker);
    const result = await probeCall(target, request);
    set.set(plan.name, { ...result, name: plan.name, dialect: plan.dialect, hit: probe.hitFor(errorAware(marker, request)), expectedIdentity: plan.expectedIdentity });
  }
  for (const dialect of ['openai', 'anthropic'] as const) {
    const model = dialect === 'openai' ? PROBE_MODELS.openai : PROBE_MODELS.anthropic;
    const marker = `probe:${runTag}-${backend}-tool-${dialect}`;
    const first = await probeCall(target, { ...toolRequest(dialect, model, marker), headers: ua });
    set.set(`tool-${dialect}`, { ...first, name: `tool-${dialect}`, dialect, hit: probe.hitFor(marker), expectedIdentity: options.defaultIdentity });
    if (first.toolCall) {
      const second = await probeCall(target, { ...toolResultRequest(dialect, model, marker, first.toolCall.id, TOOL_RESULT_TEXT), headers: ua });
      set.set(`tool-${dialect}-result`, { ...second, name: `tool-${dialect}-result`, dialect, hit: probe.hitFor(marker), expectedIdentity: options.defaultIdentity });
    }
  }
  return set;
}

/** The error probes put the error marker after the request's own marker. */
function errorAware(marker: string, request: ProbeRequest): string {
  const text = JSON.stringify(request.body ?? '');
  return text.includes(`${marker}-${PROBE_ERROR_MARKER}`) ? `${marker}-${PROBE_ERROR_MARKER}` : marker;
}
