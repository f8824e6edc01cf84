// When an upstream answer or failure is worth another attempt, and how long to wait first. Pure.

/** Connection failures that mean "nothing was processed, try again" rather than "the upstream said no". */
const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function isRetryableConnectionError(code: string | undefined): boolean {
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds ("120", decimals tolerated) or an HTTP date.
 * A date in the past means "now" (0). Anything unparseable is null: no retry hint at all.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Date.parse accepts all three HTTP date formats (IMF-fixdate, RFC 850, asctime) but also much junk;
  // every HTTP date has a day name and an hh:mm:ss time.
  if (!/^[a-z]{3}/i.test(text) || !/\d{2}:\d{2}:\d{2}/.test(text)) return null;
  // asctime carries no zone, and Date.parse would read it as local time; HTTP dates are always GMT.
  const at = Date.parse(/gmt|utc/i.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries from a burst
 * spread out without ever collapsing to zero. `retry` counts from 0.
 */
export function backoffDelay(retry: number, baseMs: number, capMs: number, random: () => number): number {
  const step = Math.min(capMs, baseMs * 2 ** retry);
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Cloudflare's "Error 1200" page: too many requests queued at the origin. Its 503 carries no Retry-After. */
export function isCloudflare1200(status: number, body: string): boolean {
  return status === 503 && /error(?:\s+code)?:?\s*1200\b/i.test(body);
}

/** A 503 worth reading to look for a Cloudflare page (HTML, not a provider's JSON error). */
export function mayBeCloudflarePage(status: number, contentType: string | string[] | undefined): boolean {
  if (status !== 503) return false;
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  return type !== undefined && type.includes('text/html');
}

/** "429 Retry-After 1s", "503 Retry-After 0.5s" */
export function retryAfterReason(status: number, delayMs: number): string {
  return `${status} Retry-After ${delayMs / 1000}s`;
}
