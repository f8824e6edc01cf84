// Every LiteLLM provider prefix SDK mode can serve, one row each: how to reach it, which env var holds its
// key when litellm_params.api_key is absent (LiteLLM falls back to the same variables), which header
// carries the key, and what its API accepts beyond the OpenAI wire format (quirks, reasoning effort).
// Adding an OpenAI-dialect provider is one row here. Any prefix not listed (bedrock, vertex_ai, azure, …)
// is served only by the LiteLLM binary.
import type { Dialect } from '../../../shared/protocol/records';
import { GEMINI_SCHEMA, PLAIN_SCHEMA, type ProviderQuirks } from './provider-quirk-types';
import type { ProviderKind } from './types';

/** The header an upstream key travels in: `Authorization: Bearer <key>`, `x-api-key: <key>`, … */
export interface AuthHeader {
  name: string;
  /** put before the key, e.g. `Bearer ` */
  prefix: string;
}

export interface ProviderSpec {
  provider: ProviderKind;
  dialect: Dialect;
  /** null: the entry must give api_base */
  defaultApiBase: string | null;
  /** env vars tried in order when api_key is absent */
  keyEnv: readonly string[];
  /** false for local servers (Ollama, vLLM) that usually take no key */
  keyRequired: boolean;
  /** where the key goes (default: `Authorization: Bearer` for OpenAI dialect, `x-api-key` for Anthropic) */
  authHeader?: AuthHeader;
  /** LiteLLM takes api_base as the server root while we call the server's OpenAI-compatible /v1 */
  rootApiBase?: boolean;
  /** what the provider rejects or wants differently; unset fields keep DEFAULT_QUIRKS */
  quirks?: Partial<ProviderQuirks>;
  /** which models take a reasoning effort: `true` every model (the provider normalises), unset none */
  reasoningEffort?: RegExp | true;
}

export const BEARER_AUTH: AuthHeader = { name: 'authorization', prefix: 'Bearer ' };
export const ANTHROPIC_AUTH: AuthHeader = { name: 'x-api-key', prefix: '' };

const compatible = (defaultApiBase: string | null, keyEnv: string[], more: Partial<ProviderSpec> = {}): ProviderSpec => ({
  provider: 'openai-compatible',
  dialect: 'openai',
  defaultApiBase,
  keyEnv,
  keyRequired: true,
  ...more,
});

export const OPENAI_API_BASE = 'https://api.openai.com/v1';
export const ANTHROPIC_API_BASE = 'https://api.anthropic.com';
export const GEMINI_OPENAI_API_BASE = 'https://generativelanguage.googleapis.com/v1beta/openai';
export const OLLAMA_API_BASE = 'http://127.0.0.1:11434/v1';

const LOCAL_REASONING = /gpt-oss|qwen3|deepseek-r1|magistral/i;

export const SDK_PROVIDERS: Readonly<Record<string, ProviderSpec>> = {
  anthropic: {
    provider: 'anthropic', dialect: 'anthropic', defaultApiBase: ANTHROPIC_API_BASE, keyEnv: ['ANTHROPIC_API_KEY'], keyRequired: true,
    quirks: { schema: { ...PLAIN_SCHEMA, dropKeywords: [] }, supportsTopK: true, maxStopSequences: Infinity },
    reasoningEffort: true,
  },
  openai: {
    provider: 'openai', dialect: 'openai', defaultApiBase: OPENAI_API_BASE, keyEnv: ['OPENAI_API_KEY'], keyRequired: true,
    quirks: { maxTokensField: 'max_completion_tokens', reasoningRejectsSampling: true },
    reasoningEffort: /^(o\d|gpt-5|codex)/i,
  },
  gemini: compatible(GEMINI_OPENAI_API_BASE, ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], {
    quirks: { schema: GEMINI_SCHEMA, supportsUser: false, maxStopSequences: 5, thoughtSignatures: true },
    reasoningEffort: /gemini-(2\.5|[3-9])/i,
  }),
  openrouter: compatible('https://openrouter.ai/api/v1', ['OPENROUTER_API_KEY'], {
    quirks: { reasoningParam: 'reasoning.effort', supportsTopK: true, maxUserLength: 128 },
    reasoningEffort: true,
  }),
  groq: compatible('https://api.groq.com/openai/v1', ['GROQ_API_KEY'], { reasoningEffort: /gpt-oss|qwen3/i }),
  deepseek: compatible('https://api.deepseek.com/v1', ['DEEPSEEK_API_KEY'], { quirks: { echoReasoningContent: true, maxStopSequences: 16 } }),
  xai: compatible('https://api.x.ai/v1', ['XAI_API_KEY'], { reasoningEffort: /grok-3-mini/i }),
  mistral: compatible('https://api.mistral.ai/v1', ['MISTRAL_API_KEY'], { quirks: { supportsUser: false, toolIds: 'mistral' } }),
  ollama: compatible(OLLAMA_API_BASE, [], { keyRequired: false, rootApiBase: true, reasoningEffort: LOCAL_REASONING }),
  ollama_chat: compatible(OLLAMA_API_BASE, [], { keyRequired: false, rootApiBase: true, reasoningEffort: LOCAL_REASONING }),
  hosted_vllm: compatible(null, ['HOSTED_VLLM_API_KEY'], { keyRequired: false }),
  openai_compatible: compatible(null, [], { keyRequired: false }),
  custom_openai: compatible(null, [], { keyRequired: false }),
};

/** The row for a prefix, or undefined (also for inherited names such as `constructor`). */
export function providerSpec(prefix: string): ProviderSpec | undefined {
  return Object.hasOwn(SDK_PROVIDERS, prefix) ? SDK_PROVIDERS[prefix] : undefined;
}

/** The header a model's key goes in: its row's, else its dialect's usual one. */
export function authHeaderFor(prefix: string, dialect: Dialect): AuthHeader {
  return providerSpec(prefix)?.authHeader ?? (dialect === 'anthropic' ? ANTHROPIC_AUTH : BEARER_AUTH);
}

/**
 * `anthropic/claude-*` -> prefix `anthropic`, model `claude-*` (split at the first slash only:
 * `openrouter/anthropic/claude-3.5` keeps `anthropic/claude-3.5`). With custom_llm_provider the whole
 * string is the model unless it starts with that provider's prefix. Bare names are inferred for the two
 * families that are unambiguous; anything else returns prefix null.
 */
export function splitProviderModel(model: string, customProvider: string | null): { prefix: string | null; providerModel: string } {
  if (customProvider) {
    const own = `${customProvider}/`;
    return { prefix: customProvider, providerModel: model.startsWith(own) ? model.slice(own.length) : model };
  }
  const slash = model.indexOf('/');
  if (slash > 0) return { prefix: model.slice(0, slash), providerModel: model.slice(slash + 1) };
  if (/^claude-/i.test(model)) return { prefix: 'anthropic', providerModel: model };
  if (/^(gpt-|chatgpt-|o\d)/i.test(model)) return { prefix: 'openai', providerModel: model };
  return { prefix: null, providerModel: model };
}
