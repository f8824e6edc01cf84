// Anthropic Messages request -> OpenAI Chat Completions request for an OpenAI-compatible provider.
// Every top-level field has a row in ANTHROPIC_REQUEST_FIELDS; unknown fields are dropped with a note.
// Provider differences (max_tokens field name, `user`, stream_options, reasoning parameter, top_k, stop
// sequence limit) come from the provider table row's quirks (quirksFor).
import { GatewayError } from '../../../shared/errors';
import { anthropicMessagesToOpenai } from './anthropic-messages';
import { anthropicToolChoice, anthropicTools } from './anthropic-tools';
import { asArray, asNumber, asObject, asString, isObject } from './json';
import { collectNotes, dropped } from './notes';
import type { NoteCollector } from './notes';
import { quirksFor } from './provider-quirks';
import type { ProviderQuirks } from './provider-quirks';
import { budgetToEffort, providerSupportsReasoningEffort } from './reasoning';
import type { Json, RequestContext } from './types';

interface Collected {
  out: Json;
  notes: NoteCollector;
  quirks: ProviderQuirks;
}

type FieldRule =
  | { kind: 'group' }
  | { kind: 'drop'; why?: string }
  | { kind: 'map'; apply: (value: unknown, c: Collected) => void };

const group: FieldRule = { kind: 'group' };
const drop = (why?: string): FieldRule => (why === undefined ? { kind: 'drop' } : { kind: 'drop', why });
const map = (apply: (value: unknown, c: Collected) => void): FieldRule => ({ kind: 'map', apply });

function numberTo(name: string, target: string): FieldRule {
  return map((value, c) => {
    const n = asNumber(value);
    if (n === undefined) c.notes.add(dropped(name, 'not a number'));
    else c.out[target] = n;
  });
}

/** Anthropic effort words -> OpenAI reasoning_effort. */
const EFFORT_WORDS: Record<string, string> = { low: 'low', medium: 'medium', high: 'high', max: 'high' };

export const ANTHROPIC_REQUEST_FIELDS: Record<string, FieldRule> = {
  model: group,
  messages: group,
  system: group,
  tools: group,
  tool_choice: group,
  thinking: group,
  output_config: group,
  output_format: group,
  max_tokens: map((value, c) => {
    const n = asNumber(value);
    if (n === undefined || !Number.isInteger(n) || n <= 0) c.notes.add(dropped('max_tokens', 'not a positive integer'));
    else c.out[c.quirks.maxTokensField] = n;
  }),
  temperature: numberTo('temperature', 'temperature'),
  top_p: numberTo('top_p', 'top_p'),
  top_k: map((value, c) => {
    const n = asNumber(value);
    if (n !== undefined && c.quirks.supportsTopK) c.out.top_k = n;
    else c.notes.add(dropped('top_k', n === undefined ? 'not a number' : 'provider takes no top_k'));
  }),
  stop_sequences: map((value, c) => {
    const list = (asArray(value) ?? []).filter((s): s is string => typeof s === 'string');
    if (list.length > c.quirks.maxStopSequences) c.notes.add(dropped('stop_sequences[]', `provider takes at most ${c.quirks.maxStopSequences}`));
    const kept = list.slice(0, c.quirks.maxStopSequences);
    if (kept.length > 0) c.out.stop = kept;
  }),
  stream: map((value, c) => {
    if (typeof value !== 'boolean') {
      c.notes.add(dropped('stream', 'not a boolean'));
      return;
    }
    c.out.stream = value;
    // Anthropic callers always get usage in message_delta: ask the provider for it.
    if (value && c.quirks.supportsStreamOptions) c.out.stream_options = { include_usage: true };
  }),
  metadata: map((value, c) => {
    const metadata = asObject(value) ?? {};
    for (const key of Object.keys(metadata)) if (key !== 'user_id') c.notes.add(dropped(`metadata.${key.slice(0, 40)}`));
    const userId = asString(metadata.user_id);
    if (userId === undefined) return;
    if (!c.quirks.supportsUser) {
      c.notes.add(dropped('metadata.user_id', 'provider takes no user field'));
      return;
    }
    // Claude Code's id starts with a stable per-user hash, so the cut keeps what abuse monitoring needs.
    if (userId.length > c.quirks.maxUserLength) c.notes.add(`cut metadata.user_id to ${c.quirks.maxUserLength} characters`);
    c.out.user = userId.slice(0, c.quirks.maxUserLength);
  }),
  context_management: drop('no OpenAI equivalent'),
  service_tier: drop(),
  container: drop(),
  mcp_servers: drop(),
  inference_geo: drop(),
};

function effortFor(body: Json, c: Collected): { effort?: string; field?: string } {
  const thinking = asObject(body.thinking);
  const config = asObject(body.output_config);
  const configured = asString(config?.effort);
  const configuredEffort = configured && Object.hasOwn(EFFORT_WORDS, configured) ? EFFORT_WORDS[configured] : undefined;
  if (configured && !configuredEffort) c.notes.add(dropped('output_config.effort', `unknown value ${configured.slice(0, 20)}`));
  if (body.thinking !== undefined && body.thinking !== null && !thinking) c.notes.add(dropped('thinking', 'not an object'));
  if (thinking?.type === 'enabled') {
    const budget = asNumber(thinking.budget_tokens);
    return { effort: budget === undefined ? 'medium' : budgetToEffort(budget), field: 'thinking' };
  }
  if (thinking?.type === 'adaptive') return { effort: configuredEffort ?? 'medium', field: 'thinking' };
  if (thinking?.type === 'disabled') return {};
  if (thinking) c.notes.add(dropped('thinking', `type ${String(thinking.type).slice(0, 20)}`));
  return configuredEffort ? { effort: configuredEffort, field: 'output_config.effort' } : {};
}

function applyReasoning(body: Json, c: Collected, ctx: RequestContext): void {
  const { effort, field } = effortFor(body, c);
  if (!effort || !field) return;
  if (!providerSupportsReasoningEffort(ctx.providerPrefix, ctx.providerModel)) {
    c.notes.add(dropped(field, `${ctx.providerPrefix} model ${ctx.providerModel.slice(0, 60)} takes no reasoning effort`));
    return;
  }
  if (c.quirks.reasoningParam === 'reasoning.effort') c.out.reasoning = { effort };
  else c.out.reasoning_effort = effort;
}

/** OpenAI's reasoning models answer 400 to any temperature/top_p but the default. */
function applyReasoningSampling(c: Collected, ctx: RequestContext): void {
  if (!c.quirks.reasoningRejectsSampling || !providerSupportsReasoningEffort(ctx.providerPrefix, ctx.providerModel)) return;
  for (const field of ['temperature', 'top_p']) {
    if (c.out[field] === undefined || c.out[field] === 1) continue;
    c.notes.add(dropped(field, `${ctx.providerModel.slice(0, 60)} is a reasoning model`));
    delete c.out[field];
  }
}

function applyOutputFormat(body: Json, c: Collected): void {
  const config = asObject(body.output_config);
  for (const key of Object.keys(config ?? {})) if (key !== 'effort' && key !== 'format') c.notes.add(dropped(`output_config.${key.slice(0, 40)}`));
  const format = asObject(config?.format) ?? asObject(body.output_format);
  if (!format) return;
  const schema = asObject(format.schema);
  if (format.type === 'json_schema' && schema) {
    c.out.response_format = { type: 'json_schema', json_schema: { name: 'response', schema } };
  } else c.notes.add(dropped('output_config.format', `type ${String(format.type).slice(0, 20)}`));
}

export function anthropicRequestToOpenai(body: Record<string, unknown>, ctx: RequestContext): Record<string, unknown> {
  if (!isObject(body)) throw new GatewayError('INVALID_REQUEST', 'The request body must be a JSON object.');
  const messages = asArray(body.messages);
  if (!messages) throw new GatewayError('INVALID_REQUEST', '`messages` must be an array.');
  const notes = collectNotes(ctx.notes);
  const quirks = quirksFor(ctx.providerPrefix);
  const c: Collected = { out: { model: ctx.providerModel }, notes, quirks };
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    const rule = Object.hasOwn(ANTHROPIC_REQUEST_FIELDS, key) ? ANTHROPIC_REQUEST_FIELDS[key] : undefined;
    if (!rule) notes.add(dropped(key.slice(0, 60), 'unknown'));
    else if (rule.kind === 'drop') notes.add(dropped(key, rule.why));
    else if (rule.kind === 'map') rule.apply(value, c);
  }
  c.out.messages = anthropicMessagesToOpenai(body.system, messages, notes, quirks);
  const tools = anthropicTools(body.tools, ctx.providerPrefix, notes);
  if (tools.length > 0) c.out.tools = tools;
  const { toolChoice, parallel } = anthropicToolChoice(body.tool_choice, tools.length > 0, notes);
  if (toolChoice !== undefined) c.out.tool_choice = toolChoice;
  if (parallel !== undefined) c.out.parallel_tool_calls = parallel;
  applyReasoning(body, c, ctx);
  applyReasoningSampling(c, ctx);
  applyOutputFormat(body, c);
  notes.flush();
  return c.out;
}
