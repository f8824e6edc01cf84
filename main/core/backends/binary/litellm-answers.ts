// LiteLLM's answers as the real proxy sends them, made into what a client of the provider expects:
// provider headers come back prefixed `llm_provider-` (litellm_core_utils/llm_response_utils/get_headers.py),
// error bodies are OpenAI-shaped on every route with the string "None" for empty type and param and the
// status as `code`, and a failure mid-stream is a bare `data: {"error": …}` event with no `event:` line
// (proxy/proxy_server.py async_data_generator).
import { GatewayError } from '../../../../shared/errors';
import { passBackHeaders } from '../../providers/upstream-headers';
import { mapErrorType, OPENAI_TO_ANTHROPIC_ERROR } from '../../translate/errors';

const PROVIDER_PREFIX = 'llm_provider-';

/**
 * The headers a client gets back: the provider's own (unprefixed) that the SDK backend would pass too
 * (retry-after, request ids, anthropic-ratelimit-*, x-ratelimit-*), plus those LiteLLM already sends
 * unprefixed. A provider header wins over LiteLLM's copy.
 */
export function litellmPassBack(headers: Record<string, string | string[]>): Record<string, string> {
  const provider: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(PROVIDER_PREFIX)) provider[name.slice(PROVIDER_PREFIX.length)] = value;
  }
  return { ...passBackHeaders(headers), ...passBackHeaders(provider) };
}

interface LitellmErrorFields {
  message: string;
  /** an OpenAI error type, or undefined when LiteLLM's says nothing ("None", its own names) */
  type: string | undefined;
  param: string | null;
  code: string | null;
  /** the status LiteLLM wrote into `code` */
  status: number | null;
}

/** The error text LiteLLM answered, as a clean OpenAI-shaped error body (for translateError). */
export function cleanLitellmError(text: string): string {
  const fields = parseLitellmError(text);
  if (!fields) return text;
  return JSON.stringify({ error: { message: fields.message, type: fields.type ?? null, param: fields.param, code: fields.code } });
}

/**
 * A data line of LiteLLM's stream that is its in-band error (`{"error": …}`), as the GatewayError that
 * ends the caller's stream with one well-formed error event of its dialect; null for any other data.
 */
export function litellmStreamError(data: string): GatewayError | null {
  if (!data.startsWith('{"error"')) return null;
  const fields = parseLitellmError(data);
  if (!fields) return null;
  const status = fields.status ?? 502;
  return new GatewayError('UPSTREAM_ERROR', fields.message, {
    status,
    types: { openai: fields.type ?? mapErrorType(undefined, status, 'openai'), anthropic: mapErrorType(fields.type, status, 'anthropic') },
  });
}

function parseLitellmError(text: string): LitellmErrorFields | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (typeof error !== 'object' || error === null) return null;
  const { message, type, param, code } = error as Record<string, unknown>;
  const codeText = code === null || code === undefined ? null : String(code);
  const status = codeText !== null && /^\d{3}$/.test(codeText) ? Number(codeText) : null;
  return {
    message: readableMessage(typeof message === 'string' ? message : 'LiteLLM answered with an error'),
    type: typeof type === 'string' && Object.hasOwn(OPENAI_TO_ANTHROPIC_ERROR, type) ? type : undefined,
    param: typeof param === 'string' && param !== 'None' ? param : null,
    // a bare status is LiteLLM's, not an OpenAI error code
    code: status !== null || codeText === 'None' ? null : codeText,
    status,
  };
}

/**
 * LiteLLM wraps the provider's message: `400: {'error': '<route>: <text>'}` for its own checks, and
 * `litellm.RateLimitError: RateLimitError: OpenAIException - <text>. Received Model Group=…` for the
 * provider's. The caller gets <text>.
 */
function readableMessage(message: string): string {
  let text = message;
  const ownCheck = /^\d{3}: \{'error': '(?:[\w/.]+: )?(.*)'\}$/s.exec(text);
  if (ownCheck) text = ownCheck[1]!;
  text = text.replace(/^litellm\.\w+: (?:\w+: )?/, '').replace(/^\w+Exception - /, '');
  text = text.replace(/\s*Received Model Group=[\s\S]*$/, '');
  return text.trim() || message;
}
