// Every checklist item a run can produce, by stable id. The ids are the public contract of
// `switchboard validate --json` (docs/validation-schema.json): add new ones, never rename old ones.
import type { ItemSpec } from './run-context';

const pre = (id: string, title: string): ItemSpec => ({ id: `pre.${id}`, phase: 'pre', title });
const post = (id: string, title: string): ItemSpec => ({ id: `post.${id}`, phase: 'post', title });
const decision = (id: string, title: string): ItemSpec => ({ id: `decision.${id}`, phase: 'decision', title });

export const ITEMS = {
  modelKeys: pre('models.keys', 'Every configured model has its key variable'),
  binaryFound: pre('binary.found', 'The legacy LiteLLM binary is found'),
  binaryVersion: pre('binary.version', 'Its version is supported'),
  binaryConfig: pre('binary.config', 'LiteLLM accepts the generated config'),
  binaryReady: pre('binary.ready', 'The binary backend becomes ready'),
  binaryProbeOpenai: pre('binary.probe.openai', 'An OpenAI-dialect probe answers through the binary'),
  binaryProbeAnthropic: pre('binary.probe.anthropic', 'An Anthropic-dialect probe answers through the binary'),
  identitySupermemory: pre('identity.supermemory-key', 'Models under the Supermemory base URL get the Supermemory key header'),

  sdkReady: post('sdk.ready', 'The SDK backend is ready'),
  cookiesHeld: post('cookies.held', 'Cloudflare cookies are held'),
  cookiesSentBack: post('cookies.sent-back', 'Cookies are sent back on later requests'),
  cookiesRestart: post('cookies.restart', 'Cookies survive a restart of the jar'),
  parityStatus: post('parity.status', 'Parity: same status codes'),
  parityShape: post('parity.shape', 'Parity: same response shape'),
  parityStreamEvents: post('parity.stream-events', 'Parity: same stream event sequence'),
  parityToolCall: post('parity.tool-call', 'Parity: tool-call round trip'),
  parityErrorShape: post('parity.error-shape', 'Parity: same error shape'),
  parityIdentity: post('parity.identity', 'Parity: same identity headers reach the upstream'),
  performanceLatency: post('performance.latency', 'Performance: SDK latency within 2x of the binary'),
  performanceMemory: post('performance.memory', 'Performance: SDK memory within 1.5x of the binary'),

  decisionBinary: decision('binary-healthy', 'The legacy binary works (the way back exists)'),
  decisionKeys: decision('keys', 'Every model has its key'),
  decisionEndpoints: decision('endpoints', 'Every endpoint answers in SDK mode'),
  decisionParity: decision('parity', 'Feature parity confirmed'),
  decisionCookies: decision('cookies', 'Cookie persistence verified'),
  decisionIdentities: decision('identities', 'Memory identities reach the upstream in both modes'),
  decisionPerformance: decision('performance', 'Performance acceptable (SDK ≤ 2x binary)'),
  decisionMemory: decision('memory', 'Memory acceptable (SDK ≤ 1.5x binary)'),
  decisionRollback: decision('rollback', 'The way back to the binary was exercised'),
  decisionValidation: decision('validation', 'Validation passes every check'),
} as const;

export const ENDPOINT_ITEMS = {
  head: post('endpoints.head', 'HEAD / answers'),
  health: post('endpoints.health', 'GET /health answers'),
  models: post('endpoints.models', 'GET /v1/models lists the models'),
  chat: post('endpoints.chat', 'POST /v1/chat/completions answers'),
  chatStream: post('endpoints.chat-stream', 'POST /v1/chat/completions streams'),
  messages: post('endpoints.messages', 'POST /v1/messages answers'),
  messagesStream: post('endpoints.messages-stream', 'POST /v1/messages streams'),
  countTokens: post('endpoints.count-tokens', 'POST /v1/messages/count_tokens answers'),
  routingInfo: post('endpoints.routing-info', 'GET /memory-routing/info answers'),
} as const;

export function identityItem(key: string, title: string): ItemSpec {
  return pre(`identity.${key}`, `Identity: ${title}`);
}

export function liveItem(model: string): ItemSpec {
  return { id: `live.${model}`, phase: 'live', title: `Live: one real request to ${model}` };
}

/** A rough item count per phase, for the progress bar until the run knows better. */
export function expectedItemCount(phase: 'pre' | 'post' | 'all', identityRules: number, liveModels: number): number {
  // pre: keys, found, version, config, ready, two dialect probes, the Supermemory key, the custom header,
  // one per rule and the default; post: ready, endpoints, three cookie, six parity, two performance items
  const preCount = 8 + identityRules + 2;
  const postCount = 12 + Object.keys(ENDPOINT_ITEMS).length;
  const decisionCount = Object.keys(ITEMS).filter((key) => key.startsWith('decision')).length;
  const setup = 1;
  const base = phase === 'pre' ? preCount : phase === 'post' ? postCount : preCount + postCount + decisionCount;
  return setup + base + liveModels;
}

/** The run's own set-up (probe upstream and temporary gateway), reported under the first phase it serves. */
export function setupItem(phase: 'pre' | 'post'): ItemSpec {
  return { id: `${phase}.setup`, phase, title: 'The probe upstream and a temporary gateway start' };
}
