// How translated streams end when the upstream does not finish properly, and a last-line guard for
// error text. Shared by both directions.
import { ERROR_CATALOG, isGatewayError } from '../../../shared/errors';
import type { Dialect } from './types';

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
