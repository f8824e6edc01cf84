// The body that goes upstream in the provider's own dialect: the client's body with the provider model
// id, the model's configured defaults applied (never silently dropped), and every field that could
// redirect the request or change its credentials removed (the body must not override api_base, api_key
// or the identity header).
import type { Dialect } from '../../../../shared/protocol/records';
import { withoutUnsignedThinking } from '../../translate';
import type { ResolvedModel } from '../backend';

/** LiteLLM lets a body carry these; we never honour them. */
const OVERRIDE_KEYS = [
  'api_base', 'base_url', 'api_key', 'api_version', 'extra_headers', 'headers', 'custom_llm_provider',
  'litellm_params', 'litellm_metadata', 'user_api_key', 'organization', 'mock_response',
  // LiteLLM builds a whole router from it, with the api_base it names and the child's env keys
  // (proxy/route_llm_request.py)
  'user_config',
];
/** Inside `extra_body`, which LiteLLM merges into the provider call. */
const EXTRA_BODY_OVERRIDE_KEYS = ['api_base', 'base_url', 'api_key'];

/** LiteLLM's mapping of reasoning_effort to an Anthropic thinking budget. */
export const THINKING_BUDGET_BY_EFFORT: Record<string, number> = { minimal: 1024, low: 1024, medium: 2048, high: 4096 };

/** Anthropic requires max_tokens; used when neither the request nor the model config gives one. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

/**
 * The body without the fields that could redirect the request or change its credentials: a copy when
 * one was there, else `body` itself (the common case costs no copy).
 */
export function stripOverrides(body: Record<string, unknown>, note: (text: string) => void): Record<string, unknown> {
  const extraBody = body.extra_body;
  const extraOverride = typeof extraBody === 'object' && extraBody !== null && !Array.isArray(extraBody) && EXTRA_BODY_OVERRIDE_KEYS.some((key) => key in extraBody);
  if (!extraOverride && !OVERRIDE_KEYS.some((key) => key in body)) return body;
  const out = { ...body };
  for (const key of OVERRIDE_KEYS) {
    if (key in out) {
      delete out[key];
      note(`ignored body field ${key}: upstream, keys and headers come from the config only`);
    }
  }
  if (extraOverride) {
    const kept = { ...(extraBody as Record<string, unknown>) };
    for (const key of EXTRA_BODY_OVERRIDE_KEYS) {
      if (key in kept) {
        delete kept[key];
        note(`ignored body field extra_body.${key}: upstream, keys and headers come from the config only`);
      }
    }
    out.extra_body = kept;
  }
  return out;
}

export interface PreparedBody {
  body: Record<string, unknown>;
  /** false: the client's raw bytes can be forwarded as they are */
  changed: boolean;
}

export function prepareBody(
  input: Record<string, unknown>,
  providerDialect: Dialect,
  model: ResolvedModel,
  note: (text: string) => void,
): PreparedBody {
  let body = stripOverrides(input, note);
  let changed = body !== input;
  const set = (key: string, value: unknown) => {
    if (!changed) {
      body = { ...input };
      changed = true;
    }
    body[key] = value;
  };
  if (input.model !== model.providerModel) set('model', model.providerModel);

  const cfg = model.config;
  for (const [key, value] of Object.entries(cfg.extraParams)) {
    if (body[key] === undefined) set(key, value);
  }

  if (providerDialect === 'anthropic') {
    const signedOnly = withoutUnsignedThinking(body.messages);
    if (signedOnly) {
      set('messages', signedOnly.messages);
      note(`dropped ${signedOnly.dropped} unsigned thinking block${signedOnly.dropped === 1 ? '' : 's'} (reasoning translated from another model; Anthropic accepts only blocks it signed)`);
    }
    if (body.thinking === undefined) {
      if (cfg.thinking) set('thinking', cfg.thinking);
      else if (cfg.reasoningEffort && THINKING_BUDGET_BY_EFFORT[cfg.reasoningEffort]) {
        set('thinking', { type: 'enabled', budget_tokens: THINKING_BUDGET_BY_EFFORT[cfg.reasoningEffort] });
      }
    }
    if (body.max_tokens === undefined) {
      const budget = thinkingBudget(body.thinking);
      const base = cfg.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS;
      // Anthropic rejects max_tokens <= budget_tokens
      set('max_tokens', budget !== null && base <= budget ? budget + DEFAULT_ANTHROPIC_MAX_TOKENS : base);
    }
  } else {
    if (body.reasoning_effort === undefined && cfg.reasoningEffort) set('reasoning_effort', cfg.reasoningEffort);
    if (body.max_tokens === undefined && body.max_completion_tokens === undefined && cfg.maxTokens !== null) {
      set('max_tokens', cfg.maxTokens);
    }
    if (cfg.thinking && body.reasoning_effort === undefined) {
      note('config thinking applies to Anthropic models only; set reasoning_effort for OpenAI-compatible models');
    }
  }
  return { body, changed };
}

function thinkingBudget(thinking: unknown): number | null {
  if (typeof thinking !== 'object' || thinking === null) return null;
  const budget = (thinking as Record<string, unknown>).budget_tokens;
  return typeof budget === 'number' ? budget : null;
}
