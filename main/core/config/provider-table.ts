// LiteLLM provider prefixes SDK mode can serve, as a table: how to reach each one and which env var
// holds its key when litellm_params.api_key is absent (LiteLLM falls back to the same variables).
// Any prefix not listed here (bedrock, vertex_ai, azure, …) is served only by the LiteLLM binary.
import type { Dialect } from '../../../shared/protocol/records';
import type { ProviderKind } from './types';

export interface ProviderSpec {
  provider: ProviderKind;
  dialect: Dialect;
  /** null: the entry must give api_base */
  defaultApiBase: string | null;
  /** env vars tried in order when api_key is absent */
  keyEnv: readonly string[];
  /** false for local servers (Ollama, vLLM) that usually take no key */
  keyRequired: boolean;
}

const compatible = (defaultApiBase: string | null, keyEnv: string[], keyRequired = true): ProviderSpec => ({
  provider: 'openai-compatible',
  dialect: 'openai',
  defaultApiBase,
  keyEnv,
  keyRequired,
});

export const OPENAI_API_BASE = 'https://api.openai.com/v1';
export const ANTHROPIC_API_BASE = 'https://api.anthropic.com';
export const GEMINI_OPENAI_API_BASE = 'https://generativelanguage.googleapis.com/v1beta/openai';
export const OLLAMA_API_BASE = 'http://127.0.0.1:11434/v1';

export const SDK_PROVIDERS: Readonly<Record<string, ProviderSpec>> = {
  anthropic: { provider: 'anthropic', dialect: 'anthropic', defaultApiBase: ANTHROPIC_API_BASE, keyEnv: ['ANTHROPIC_API_KEY'], keyRequired: true },
  openai: { provider: 'openai', dialect: 'openai', defaultApiBase: OPENAI_API_BASE, keyEnv: ['OPENAI_API_KEY'], keyRequired: true },
  gemini: compatible(GEMINI_OPENAI_API_BASE, ['GEMINI_API_KEY', 'GOOGLE_API_KEY']),
  openrouter: compatible('https://openrouter.ai/api/v1', ['OPENROUTER_API_KEY']),
  groq: compatible('https://api.groq.com/openai/v1', ['GROQ_API_KEY']),
  deepseek: compatible('https://api.deepseek.com/v1', ['DEEPSEEK_API_KEY']),
  xai: compatible('https://api.x.ai/v1', ['XAI_API_KEY']),
  mistral: compatible('https://api.mistral.ai/v1', ['MISTRAL_API_KEY']),
  ollama: compatible(OLLAMA_API_BASE, [], false),
  ollama_chat: compatible(OLLAMA_API_BASE, [], false),
  hosted_vllm: compatible(null, ['HOSTED_VLLM_API_KEY'], false),
  openai_compatible: compatible(null, [], false),
  custom_openai: compatible(null, [], false),
};

/** Prefixes whose api_base LiteLLM takes as the server root while we call its OpenAI-compatible /v1. */
export const ROOT_API_BASE_PREFIXES = new Set(['ollama', 'ollama_chat']);

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
