// Token usage as each dialect reports it, mapped to the log's TokenUsage.
import type { Dialect, TokenUsage } from '../../../shared/protocol/records';

type Obj = Record<string, unknown>;

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function pick(usage: Partial<Record<keyof TokenUsage, number | undefined>>): Partial<TokenUsage> {
  const out: Partial<TokenUsage> = {};
  for (const [key, value] of Object.entries(usage)) if (value !== undefined) out[key as keyof TokenUsage] = value;
  return out;
}

export function usageFromAnthropic(usage: unknown): Partial<TokenUsage> {
  if (typeof usage !== 'object' || usage === null) return {};
  const u = usage as Obj;
  return pick({
    input: num(u.input_tokens),
    output: num(u.output_tokens),
    cacheRead: num(u.cache_read_input_tokens),
    cacheCreation: num(u.cache_creation_input_tokens),
  });
}

export function usageFromOpenAI(usage: unknown): Partial<TokenUsage> {
  if (typeof usage !== 'object' || usage === null) return {};
  const u = usage as Obj;
  const details = (u.prompt_tokens_details ?? {}) as Obj;
  return pick({ input: num(u.prompt_tokens), output: num(u.completion_tokens), cacheRead: num(details.cached_tokens) });
}

/** Usage carried by a whole response body of that dialect. */
export function usageFromBody(dialect: Dialect, body: unknown): Partial<TokenUsage> {
  if (typeof body !== 'object' || body === null) return {};
  const usage = (body as Obj).usage;
  return dialect === 'anthropic' ? usageFromAnthropic(usage) : usageFromOpenAI(usage);
}

/**
 * Usage carried by one stream event's data, or null. Anthropic reports input (and cache) tokens in
 * message_start and output tokens in message_delta; OpenAI in a final chunk when include_usage is set.
 */
export function usageFromStreamData(dialect: Dialect, data: string): Partial<TokenUsage> | null {
  if (!data.includes('"usage"')) return null;
  let parsed: Obj;
  try {
    parsed = JSON.parse(data) as Obj;
  } catch {
    return null;
  }
  if (dialect === 'openai') return parsed.usage ? usageFromOpenAI(parsed.usage) : null;
  if (parsed.type === 'message_start') return usageFromAnthropic((parsed.message as Obj | undefined)?.usage);
  if (parsed.type === 'message_delta') return usageFromAnthropic(parsed.usage);
  return null;
}
