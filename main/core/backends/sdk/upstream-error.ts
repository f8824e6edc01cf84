// An upstream error answer, returned with the upstream's status and message in the caller's dialect.
// Same dialect: the upstream's own JSON error passes through (scrubbed). Anything else (Cloudflare HTML,
// plain text, the other dialect's JSON) is wrapped in the caller's error shape.
import type { Dialect } from '../../../../shared/protocol/records';

export interface ErrorReply {
  status: number;
  body: Record<string, unknown>;
  type: string;
  message: string;
}

const ANTHROPIC_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error',
  413: 'request_too_large', 429: 'rate_limit_error', 500: 'api_error', 502: 'api_error', 503: 'overloaded_error',
  504: 'api_error', 529: 'overloaded_error',
};
const OPENAI_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error',
  413: 'invalid_request_error', 429: 'rate_limit_error', 500: 'server_error', 502: 'server_error',
  503: 'server_error', 504: 'server_error', 529: 'server_error',
};

export function errorTypeFor(dialect: Dialect, status: number): string {
  const table = dialect === 'anthropic' ? ANTHROPIC_TYPE_BY_STATUS : OPENAI_TYPE_BY_STATUS;
  return table[status] ?? (status >= 500 ? table[500] : table[400]) ?? 'api_error';
}

export function errorBody(dialect: Dialect, type: string, message: string, code: string | null = null): Record<string, unknown> {
  return dialect === 'anthropic'
    ? { type: 'error', error: { type, message } }
    : { error: { message, type, code, param: null } };
}

/** Extracts {type, message} from either dialect's JSON error, or null. */
export function parseErrorJson(text: string): { type: string | null; message: string; dialect: Dialect } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const obj = parsed as Record<string, unknown>;
  const error = obj.error;
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    const message = typeof e.message === 'string' ? e.message : JSON.stringify(error);
    const type = typeof e.type === 'string' ? e.type : null;
    return { type, message, dialect: obj.type === 'error' ? 'anthropic' : 'openai' };
  }
  if (typeof error === 'string') return { type: null, message: error, dialect: 'openai' };
  if (typeof obj.message === 'string') return { type: null, message: obj.message, dialect: 'openai' };
  return null;
}

/** A short, readable message from a non-JSON error page (Cloudflare's HTML, proxies' plain text). */
export function describeErrorText(status: number, host: string, text: string): string {
  if (/error(?:\s|&nbsp;|\s*code:?\s*)1200/i.test(text) || /Error 1200/i.test(text)) {
    return `Upstream ${host} answered ${status}: Cloudflare Error 1200 (too many queued requests to the origin); retry later`;
  }
  const plain = text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return plain ? `Upstream ${host} answered ${status}: ${plain}` : `Upstream ${host} answered ${status} with no body`;
}

/**
 * The caller's-dialect error for an upstream error answer of the same dialect (or an unparseable one).
 * Cross-dialect JSON errors are the translator's job (translate/), which keeps type mapping exact.
 */
export function sameDialectError(caller: Dialect, status: number, host: string, text: string): ErrorReply {
  const parsed = parseErrorJson(text);
  if (parsed && parsed.dialect === caller) {
    const body = JSON.parse(text) as Record<string, unknown>;
    return { status, body, type: parsed.type ?? errorTypeFor(caller, status), message: parsed.message };
  }
  const message = parsed ? parsed.message : describeErrorText(status, host, text);
  const type = errorTypeFor(caller, status);
  return { status, body: errorBody(caller, type, message), type, message };
}
