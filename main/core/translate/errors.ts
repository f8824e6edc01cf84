// Upstream errors rendered in the caller's dialect: same status, original message, error type mapped by
// table. Context-length errors keep text clients look for: Claude Code's auto-compact matches
// "prompt is too long"; OpenAI-dialect tools match code `context_length_exceeded`.
import { ERROR_CATALOG, isGatewayError } from '../../../shared/errors';
import { asObject, asString, parseJson, stringifyJson } from './json';
import type { Dialect, Json, SseEvent } from './types';

/** Anthropic error.type -> OpenAI error.type. */
export const ANTHROPIC_TO_OPENAI_ERROR: Record<string, string> = {
  invalid_request_error: 'invalid_request_error',
  authentication_error: 'authentication_error',
  permission_error: 'permission_error',
  not_found_error: 'not_found_error',
  request_too_large: 'invalid_request_error',
  rate_limit_error: 'rate_limit_error',
  billing_error: 'insufficient_quota',
  timeout_error: 'timeout',
  api_error: 'server_error',
  overloaded_error: 'server_error',
};

/** OpenAI error.type or code (and common OpenAI-compatible variants) -> Anthropic error.type. */
export const OPENAI_TO_ANTHROPIC_ERROR: Record<string, string> = {
  invalid_request_error: 'invalid_request_error',
  authentication_error: 'authentication_error',
  invalid_api_key: 'authentication_error',
  permission_error: 'permission_error',
  permission_denied: 'permission_error',
  not_found_error: 'not_found_error',
  model_not_found: 'not_found_error',
  rate_limit_error: 'rate_limit_error',
  rate_limit_exceeded: 'rate_limit_error',
  requests: 'rate_limit_error',
  tokens: 'rate_limit_error',
  insufficient_quota: 'billing_error',
  timeout: 'timeout_error',
  server_error: 'api_error',
  api_error: 'api_error',
  overloaded_error: 'overloaded_error',
};

export const STATUS_TO_ANTHROPIC_ERROR: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 402: 'billing_error', 403: 'permission_error',
  404: 'not_found_error', 408: 'timeout_error', 413: 'request_too_large', 422: 'invalid_request_error',
  429: 'rate_limit_error', 500: 'api_error', 502: 'api_error', 503: 'overloaded_error', 504: 'timeout_error',
  529: 'overloaded_error',
};

export const STATUS_TO_OPENAI_ERROR: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 402: 'insufficient_quota', 403: 'permission_error',
  404: 'not_found_error', 408: 'timeout', 413: 'invalid_request_error', 422: 'invalid_request_error',
  429: 'rate_limit_error',
};

/** Types too vague to beat a specific status (503 says "overloaded" better than "api_error"). */
const GENERIC_TYPES = new Set(['api_error', 'server_error', 'invalid_request_error', 'error']);

const CONTEXT_LENGTH_PATTERNS: readonly RegExp[] = [
  /prompt is too long/i, /context[_ ]length/i, /context (window|limit)/i, /maximum context/i,
  /too many (input )?tokens/i, /input token count.*exceeds/i, /exceeds the max(imum)? (number of )?tokens/i,
  /reduce the length of the messages/i,
];
const CLAUDE_CONTEXT_TEXT = 'prompt is too long';

interface ParsedError {
  type: string | undefined;
  code: string | null;
  param: string | null;
  message: string;
  /** the parsed body when it already had the shape of this dialect */
  native: { dialect: Dialect; body: Json } | undefined;
}

function fromText(status: number, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return `Upstream returned HTTP ${status}`;
  if (/^<(!doctype|html|\?xml)/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return `Upstream returned HTTP ${status}${title ? `: ${title}` : ' (HTML page)'}`;
  }
  return trimmed.length > 500 ? `${trimmed.slice(0, 500)}…` : trimmed;
}

function parseUpstreamError(status: number, text: string): ParsedError {
  let json = parseJson(text);
  if (Array.isArray(json)) json = json[0]; // Gemini's OpenAI-compatible errors come as a one-element array
  const obj = asObject(json);
  const anthropicError = obj?.type === 'error' ? asObject(obj.error) : undefined;
  if (obj && anthropicError) {
    const message = asString(anthropicError.message) ?? fromText(status, '');
    return { type: asString(anthropicError.type), code: null, param: null, message, native: { dialect: 'anthropic', body: obj } };
  }
  const openaiError = asObject(obj?.error);
  if (obj && openaiError) {
    const code = openaiError.code === undefined || openaiError.code === null ? null : String(openaiError.code);
    const message = asString(openaiError.message) ?? fromText(status, '');
    const shaped = typeof openaiError.message === 'string' && typeof openaiError.type === 'string';
    // Gemini puts its canonical status ("RESOURCE_EXHAUSTED") where OpenAI has the type.
    const type = asString(openaiError.type) ?? asString(openaiError.status)?.toLowerCase();
    return { type, code, param: asString(openaiError.param) ?? null, message, native: shaped ? { dialect: 'openai', body: obj } : undefined };
  }
  const message = asString(obj?.error) ?? asString(obj?.message) ?? asString(obj?.detail) ?? fromText(status, obj ? '' : text);
  return { type: asString(obj?.type), code: null, param: null, message, native: undefined };
}

export function isContextLengthError(message: string, code: string | null): boolean {
  return code === 'context_length_exceeded' || CONTEXT_LENGTH_PATTERNS.some((pattern) => pattern.test(message));
}

function mapType(sourceType: string | undefined, status: number, from: Dialect, to: Dialect): string {
  const typeTable = from === to ? undefined : to === 'anthropic' ? OPENAI_TO_ANTHROPIC_ERROR : ANTHROPIC_TO_OPENAI_ERROR;
  const statusTable = to === 'anthropic' ? STATUS_TO_ANTHROPIC_ERROR : STATUS_TO_OPENAI_ERROR;
  let mapped: string | undefined;
  if (sourceType !== undefined) {
    // Same dialect: the upstream's own type stands. Across dialects: the table, or the status below.
    mapped = !typeTable ? sourceType : Object.hasOwn(typeTable, sourceType) ? typeTable[sourceType] : undefined;
  }
  const byStatus = Object.hasOwn(statusTable, status) ? statusTable[status] : undefined;
  if (mapped === undefined || (GENERIC_TYPES.has(mapped) && byStatus !== undefined)) {
    mapped = byStatus ?? (status >= 500 ? (to === 'anthropic' ? 'api_error' : 'server_error') : 'invalid_request_error');
  }
  return mapped;
}

export interface TranslatedError {
  status: number;
  body: Record<string, unknown>;
  type: string;
  message: string;
}

/** `body` is the upstream's raw error text: JSON of either dialect, HTML, plain text or empty. */
export function translateError(status: number, body: string, from: Dialect, to: Dialect): TranslatedError {
  const code = Number.isInteger(status) && status >= 100 && status <= 599 ? status : 502;
  const parsed = parseUpstreamError(code, typeof body === 'string' ? body : '');
  const message = maskKeyLike(parsed.message);
  const contextLength = isContextLengthError(message, parsed.code);
  const recognisable = !contextLength
    || (to === 'anthropic' ? message.toLowerCase().includes(CLAUDE_CONTEXT_TEXT) : parsed.code === 'context_length_exceeded');
  if (parsed.native && parsed.native.dialect === to && from === to && message === parsed.message && recognisable) {
    // Same dialect and nothing to fix: the upstream's own body, unknown fields included.
    const type = asString(asObject(parsed.native.body.error)?.type) ?? mapType(undefined, code, from, to);
    return { status: code, body: parsed.native.body, type, message };
  }
  if (to === 'anthropic') {
    const type = contextLength ? 'invalid_request_error' : mapType(parsed.type ?? parsed.code ?? undefined, code, from, to);
    const text = contextLength && !message.toLowerCase().includes(CLAUDE_CONTEXT_TEXT) ? `${CLAUDE_CONTEXT_TEXT}: ${message}` : message;
    return { status: code, body: { type: 'error', error: { type, message: text } }, type, message: text };
  }
  const type = contextLength ? 'invalid_request_error' : mapType(parsed.type, code, from, to);
  const errorCode = contextLength ? 'context_length_exceeded' : parsed.code;
  return { status: code, body: { error: { message, type, code: errorCode, param: parsed.param } }, type, message };
}

/** A mid-stream error in the caller's dialect (`type` already in that dialect). */
export function streamErrorEvent(to: Dialect, type: string, message: string, code: string | null = null): SseEvent {
  if (to === 'anthropic') {
    return { event: 'error', data: stringifyJson({ type: 'error', error: { type, message } }) };
  }
  // The OpenAI SDKs throw an APIError for any stream event whose data has an `error` member.
  return { event: null, data: stringifyJson({ error: { message, type, code, param: null } }) };
}

/** An upstream error type in the other dialect as the caller's type (for errors met mid-stream). */
export function mapErrorType(type: string | undefined, status: number, to: Dialect): string {
  return mapType(type, status, to === 'anthropic' ? 'openai' : 'anthropic', to);
}

// Ending translated streams early, shared by both directions.
export interface StreamFailure {
  type: string;
  message: string;
}

// Upstream error text sometimes echoes a key ("Incorrect API key provided: sk-proj-…"). The backend
// scrubs the keys it knows (shared/redact scrubSecrets); this masks anything that merely looks like one.
const KEY_LIKE = /\b(sk-(?:ant-|proj-)?[A-Za-z0-9_-]{12,}|AIza[0-9A-Za-z_-]{30,}|sm_[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9._~+/-]{16,}=*)/g;

export function maskKeyLike(text: string): string {
  return text.replace(KEY_LIKE, '[redacted]');
}

/** An exception thrown by the upstream iterator, as an error in the caller's dialect. */
export function failureFromException(error: unknown, to: Dialect): StreamFailure {
  if (isGatewayError(error)) return { type: error.types[to], message: maskKeyLike(error.message) };
  const spec = ERROR_CATALOG.STREAM_INTERRUPTED;
  const detail = error instanceof Error && error.message ? `: ${maskKeyLike(error.message).slice(0, 200)}` : '';
  return { type: to === 'anthropic' ? spec.anthropic : spec.openai, message: `${spec.summary}${detail}` };
}

/** The upstream ended without its terminal event. */
export function failureFromTruncation(to: Dialect, what: string): StreamFailure {
  const spec = ERROR_CATALOG.STREAM_INTERRUPTED;
  return { type: to === 'anthropic' ? spec.anthropic : spec.openai, message: `${spec.summary}: no ${what} received` };
}
