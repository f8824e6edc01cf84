// OpenAI Chat Completions request -> Anthropic Messages request. Every top-level field has a row in
// OPENAI_REQUEST_FIELDS: mapped, handled by a group step below, or dropped with a note. Fields not in
// the table are dropped with a note too, so nothing disappears silently.
import { GatewayError } from '../../../shared/errors';
import { asArray, asNumber, asObject, asString, isObject } from './json';
import { collectNotes, dropped } from './notes';
import type { NoteCollector } from './notes';
import { openaiMessagesToAnthropic } from './openai-messages';
import { openaiToolChoice, openaiTools } from './openai-tools';
import { EFFORT_TO_BUDGET, MIN_THINKING_BUDGET } from './reasoning';
import type { Json, RequestContext } from './types';

/** What the field rules collect before the group steps assemble the Anthropic body. */
interface Collected {
  out: Json;
  notes: NoteCollector;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  effort?: string;
  thinking?: Json;
  jsonObject?: boolean;
}

type FieldRule =
  | { kind: 'group' } // read by a step in openaiRequestToAnthropic
  | { kind: 'consumed' } // meaningful to the backend only (stream_options)
  | { kind: 'drop'; why?: string }
  | { kind: 'map'; apply: (value: unknown, c: Collected) => void };

const group: FieldRule = { kind: 'group' };
const drop = (why?: string): FieldRule => (why === undefined ? { kind: 'drop' } : { kind: 'drop', why });
const map = (apply: (value: unknown, c: Collected) => void): FieldRule => ({ kind: 'map', apply });

function numberField(name: string, set: (c: Collected, n: number) => void): FieldRule {
  return map((value, c) => {
    const n = asNumber(value);
    if (n === undefined) c.notes.add(dropped(name, 'not a number'));
    else set(c, n);
  });
}

export const OPENAI_REQUEST_FIELDS: Record<string, FieldRule> = {
  model: group,
  messages: group,
  tools: group,
  functions: group,
  tool_choice: group,
  function_call: group,
  parallel_tool_calls: group,
  stream_options: { kind: 'consumed' },
  stream: map((value, c) => {
    if (typeof value === 'boolean') c.out.stream = value;
    else c.notes.add(dropped('stream', 'not a boolean'));
  }),
  max_tokens: numberField('max_tokens', (c, n) => { c.maxTokens ??= n; }),
  // max_completion_tokens wins over the deprecated max_tokens when both are sent.
  max_completion_tokens: numberField('max_completion_tokens', (c, n) => { c.maxTokens = n; }),
  temperature: numberField('temperature', (c, n) => { c.temperature = n; }),
  top_p: numberField('top_p', (c, n) => { c.topP = n; }),
  top_k: numberField('top_k', (c, n) => { c.topK = n; }),
  stop: map((value, c) => {
    const list = typeof value === 'string' ? [value] : asArray(value);
    if (!list) {
      c.notes.add(dropped('stop', 'not a string or array'));
      return;
    }
    const kept = list.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
    if (kept.length < list.length) c.notes.add(dropped('stop[]', 'empty, whitespace-only or not a string'));
    if (kept.length > 0) c.out.stop_sequences = kept;
  }),
  reasoning_effort: map((value, c) => {
    if (typeof value === 'string') c.effort = value;
    else c.notes.add(dropped('reasoning_effort', 'not a string'));
  }),
  // LiteLLM lets OpenAI-dialect callers send Anthropic's own `thinking` object: honour it.
  thinking: map((value, c) => {
    const t = asObject(value);
    if (t && typeof t.type === 'string') c.thinking = t;
    else c.notes.add(dropped('thinking', 'not a thinking object'));
  }),
  response_format: map((value, c) => applyResponseFormat(value, c)),
  user: map((value, c) => setUserId(value, c, 'user')),
  safety_identifier: map((value, c) => setUserId(value, c, 'safety_identifier')),
  n: map((value, c) => {
    if (value !== 1) c.notes.add(dropped('n', 'Anthropic answers with one choice'));
  }),
  frequency_penalty: drop(),
  presence_penalty: drop(),
  logit_bias: drop(),
  logprobs: drop(),
  top_logprobs: drop(),
  seed: drop(),
  service_tier: drop(),
  store: drop(),
  metadata: drop('OpenAI metadata is for stored completions'),
  prediction: drop(),
  modalities: drop(),
  audio: drop(),
  web_search_options: drop(),
  verbosity: drop(),
  prompt_cache_key: drop(),
  prompt_cache_retention: drop(),
};

function setUserId(value: unknown, c: Collected, field: string): void {
  const id = asString(value);
  if (id === undefined) {
    c.notes.add(dropped(field, 'not a string'));
    return;
  }
  const metadata = (c.out.metadata as Json | undefined) ?? {};
  if (metadata.user_id === undefined) metadata.user_id = id;
  c.out.metadata = metadata;
}

function applyResponseFormat(value: unknown, c: Collected): void {
  const format = asObject(value);
  const type = asString(format?.type);
  if (type === 'text') return;
  if (type === 'json_object') {
    // Anthropic has no schema-less JSON mode: ask for it in the system prompt instead.
    c.jsonObject = true;
    c.notes.add('response_format json_object sent as a system instruction');
    return;
  }
  const schema = asObject(asObject(format?.json_schema)?.schema);
  if (type === 'json_schema' && schema) {
    c.out.output_config = { ...asObject(c.out.output_config), format: { type: 'json_schema', schema } };
    return;
  }
  c.notes.add(dropped('response_format', `type ${String(type).slice(0, 40)}`));
}

export const JSON_OBJECT_INSTRUCTION = 'Respond with a single valid JSON object and nothing else.';

function applyThinking(c: Collected, maxTokens: number, toolChoice: Json | undefined, lastAssistant: Json[] | undefined): void {
  let thinking = c.thinking;
  if (!thinking && c.effort !== undefined) {
    const budget = Object.hasOwn(EFFORT_TO_BUDGET, c.effort) ? EFFORT_TO_BUDGET[c.effort] : undefined;
    if (budget !== undefined) thinking = { type: 'enabled', budget_tokens: budget };
    else if (c.effort !== 'none') c.notes.add(dropped('reasoning_effort', `unknown value ${c.effort.slice(0, 20)}`));
  } else if (thinking && c.effort !== undefined) c.notes.add(dropped('reasoning_effort', 'thinking given too'));
  const field = c.thinking ? 'thinking' : 'reasoning_effort';
  if (!thinking || thinking.type === 'disabled') {
    if (thinking) c.out.thinking = thinking;
    return;
  }
  if (toolChoice && (toolChoice.type === 'any' || toolChoice.type === 'tool')) {
    c.notes.add(dropped(field, 'Anthropic refuses thinking when tool_choice forces a tool'));
    return;
  }
  if (lastAssistant && lastAssistant.some((b) => b.type === 'tool_use')
    && lastAssistant[0]?.type !== 'thinking' && lastAssistant[0]?.type !== 'redacted_thinking') {
    // Mid tool loop, Anthropic requires the last assistant turn to start with its signed thinking block.
    c.notes.add(dropped(field, 'the last assistant tool-call turn carries no thinking_blocks'));
    return;
  }
  if (thinking.type === 'enabled') {
    let budget = asNumber(thinking.budget_tokens) ?? MIN_THINKING_BUDGET;
    if (budget >= maxTokens) {
      // max_tokens covers thinking and answer alike (as max_completion_tokens does for OpenAI reasoning).
      budget = Math.floor(maxTokens / 2);
      if (budget < MIN_THINKING_BUDGET) {
        c.notes.add(dropped(field, `max_tokens ${maxTokens} leaves no room for a thinking budget`));
        return;
      }
      c.notes.add(`lowered thinking budget to ${budget} to stay under max_tokens`);
    }
    thinking = { ...thinking, budget_tokens: Math.max(MIN_THINKING_BUDGET, budget) };
  }
  c.out.thinking = thinking;
}

function applySampling(c: Collected): void {
  const thinkingOn = c.out.thinking !== undefined && (c.out.thinking as Json).type !== 'disabled';
  let { temperature, topP, topK } = c;
  if (temperature !== undefined && temperature > 1) {
    c.notes.add('clamped temperature to 1 (Anthropic range is 0..1)');
    temperature = 1;
  }
  if (thinkingOn) {
    if (temperature !== undefined && temperature !== 1) c.notes.add(dropped('temperature', 'not allowed with thinking'));
    if (temperature !== 1) temperature = undefined;
    if (topP !== undefined && topP < 0.95) { c.notes.add(dropped('top_p', 'below 0.95 with thinking')); topP = undefined; }
    if (topK !== undefined) { c.notes.add(dropped('top_k', 'not allowed with thinking')); topK = undefined; }
  }
  if (temperature !== undefined && topP !== undefined) {
    // Current Claude models reject both at once; temperature is the more common intent.
    c.notes.add(dropped('top_p', 'Anthropic takes temperature or top_p, not both'));
    topP = undefined;
  }
  if (temperature !== undefined) c.out.temperature = temperature;
  if (topP !== undefined) c.out.top_p = topP;
  if (topK !== undefined) c.out.top_k = topK;
}

export function openaiRequestToAnthropic(body: Record<string, unknown>, ctx: RequestContext): Record<string, unknown> {
  if (!isObject(body)) throw new GatewayError('INVALID_REQUEST', 'The request body must be a JSON object.');
  const messages = asArray(body.messages);
  if (!messages) throw new GatewayError('INVALID_REQUEST', '`messages` must be an array.');
  const notes = collectNotes(ctx.notes);
  const c: Collected = { out: { model: ctx.providerModel }, notes };
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    const rule = Object.hasOwn(OPENAI_REQUEST_FIELDS, key) ? OPENAI_REQUEST_FIELDS[key] : undefined;
    if (!rule) notes.add(dropped(key.slice(0, 60), 'unknown'));
    else if (rule.kind === 'drop') notes.add(dropped(key, rule.why));
    else if (rule.kind === 'map') rule.apply(value, c);
  }
  const conversation = openaiMessagesToAnthropic(messages, notes);
  let maxTokens = c.maxTokens !== undefined && Number.isInteger(c.maxTokens) && c.maxTokens > 0 ? c.maxTokens : undefined;
  if (maxTokens === undefined && c.maxTokens !== undefined) notes.add(dropped('max_tokens', 'not a positive integer'));
  maxTokens ??= ctx.defaultMaxTokens;
  c.out.max_tokens = maxTokens;
  const systemTexts = c.jsonObject ? [...conversation.systemTexts, JSON_OBJECT_INSTRUCTION] : conversation.systemTexts;
  if (systemTexts.length === 1) c.out.system = systemTexts[0];
  else if (systemTexts.length > 1) c.out.system = systemTexts.map((text) => ({ type: 'text', text }));
  c.out.messages = conversation.messages;
  const tools = openaiTools(body, notes);
  const toolChoice = openaiToolChoice(body, tools.length > 0, notes);
  if (tools.length > 0) c.out.tools = tools;
  if (toolChoice) c.out.tool_choice = toolChoice;
  const lastAssistant = [...conversation.messages].reverse().find((m) => m.role === 'assistant')?.content;
  applyThinking(c, maxTokens, toolChoice, lastAssistant);
  applySampling(c);
  notes.flush();
  return c.out;
}
