// Token usage in both vocabularies. Anthropic's input_tokens excludes cache reads and writes; OpenAI's
// prompt_tokens includes cached tokens (prompt_tokens_details.cached_tokens). Cache writes have no
// OpenAI field: they are counted in prompt_tokens and also reported in LiteLLM's extra fields
// (cache_creation_input_tokens, cache_read_input_tokens) that OpenAI-dialect tools already read.
import { asNumber, asObject } from './json';
import type { Json } from './types';

export interface UsageCounts {
  input: number;
  output: number;
  cacheRead: number;
  cacheCreation: number;
}

export function readAnthropicUsage(usage: unknown, into?: UsageCounts): UsageCounts {
  const u = asObject(usage) ?? {};
  const base = into ?? { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };
  // Stream usage is cumulative and partial (message_delta may carry only output_tokens): keep what is absent.
  return {
    input: asNumber(u.input_tokens) ?? base.input,
    output: asNumber(u.output_tokens) ?? base.output,
    cacheRead: asNumber(u.cache_read_input_tokens) ?? base.cacheRead,
    cacheCreation: asNumber(u.cache_creation_input_tokens) ?? base.cacheCreation,
  };
}

export function readOpenaiUsage(usage: unknown): UsageCounts | undefined {
  const u = asObject(usage);
  if (!u) return undefined;
  const details = asObject(u.prompt_tokens_details) ?? {};
  const prompt = asNumber(u.prompt_tokens) ?? 0;
  // cached_tokens: OpenAI; prompt_cache_hit_tokens: DeepSeek; cache_read_input_tokens: LiteLLM-style.
  const cacheRead = asNumber(details.cached_tokens) ?? asNumber(u.prompt_cache_hit_tokens) ?? asNumber(u.cache_read_input_tokens) ?? 0;
  // cache_write_tokens: OpenRouter; cache_creation_input_tokens: LiteLLM-style.
  const cacheCreation = asNumber(details.cache_write_tokens) ?? asNumber(u.cache_creation_input_tokens) ?? 0;
  return {
    input: Math.max(0, prompt - cacheRead - cacheCreation),
    output: asNumber(u.completion_tokens) ?? 0,
    cacheRead,
    cacheCreation,
  };
}

export function toOpenaiUsage(counts: UsageCounts): Json {
  const prompt = counts.input + counts.cacheRead + counts.cacheCreation;
  const usage: Json = {
    prompt_tokens: prompt,
    completion_tokens: counts.output,
    total_tokens: prompt + counts.output,
    prompt_tokens_details: { cached_tokens: counts.cacheRead },
  };
  if (counts.cacheRead > 0 || counts.cacheCreation > 0) {
    usage.cache_read_input_tokens = counts.cacheRead;
    usage.cache_creation_input_tokens = counts.cacheCreation;
  }
  return usage;
}

export function toAnthropicUsage(counts: UsageCounts): Json {
  return {
    input_tokens: counts.input,
    cache_creation_input_tokens: counts.cacheCreation,
    cache_read_input_tokens: counts.cacheRead,
    output_tokens: counts.output,
  };
}
