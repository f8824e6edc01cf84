// When an upstream answer or failure is worth another attempt, and how long to wait first: one policy
// value decides (retry after N ms, or give up) and the upstream client only carries the decision out.
// Change the retry rules here. Pure: the clock and the jitter source are passed in.

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

export interface RetryPolicyOptions {
  /** retries after the first attempt */
  retries: number;
  /** first backoff step; doubles per retry */
  baseDelayMs: number;
  /** the longest wait: a longer Retry-After is not waited for (the client gets the 429/503), backoff is capped at it */
  maxRetryAfterMs: number;
  now: () => number;
  /** jitter source for backoff */
  random: () => number;
}

/** What an attempt came to: no answer (a connection error code), or an answer (with its body when asked for). */
export type AttemptOutcome =
  | { kind: 'error'; code: string | undefined }
  | { kind: 'answer'; status: number; headers: Record<string, string | string[]>; page: string | null };

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; reason: string };

export interface RetryPolicy {
  /** The decision after attempt `retries` (0 = the first): wait and try again, or give this outcome to the caller. */
  decide(outcome: AttemptOutcome, retries: number): RetryDecision;
  /** An answer the policy must read whole before deciding (a 503 HTML page without Retry-After may be Cloudflare's 1200). */
  wantsPage(status: number, headers: Record<string, string | string[]>): boolean;
}

const GIVE_UP: RetryDecision = { retry: false };

/**
 * Retries only what was not processed: connection failures before an answer, 429/503 with a Retry-After
 * we are willing to wait for, and Cloudflare's 1200 page (with backoff, as it sends no Retry-After).
 * Any other answer, and every answer once the retries are spent, goes to the caller as it is.
 */
export function createRetryPolicy(options: RetryPolicyOptions): RetryPolicy {
  const backoff = (retries: number) => backoffDelay(retries, options.baseDelayMs, options.maxRetryAfterMs, options.random);
  return {
    decide(outcome, retries) {
      if (retries >= options.retries) return GIVE_UP;
      if (outcome.kind === 'error') {
        return isRetryableConnectionError(outcome.code) ? { retry: true, delayMs: backoff(retries), reason: outcome.code ?? 'connection error' } : GIVE_UP;
      }
      const { status, headers, page } = outcome;
      if (status !== 429 && status !== 503) return GIVE_UP;
      const retryAfter = parseRetryAfter(headers['retry-after'], options.now());
      if (retryAfter !== null) {
        return retryAfter <= options.maxRetryAfterMs ? { retry: true, delayMs: retryAfter, reason: retryAfterReason(status, retryAfter) } : GIVE_UP;
      }
      if (page !== null && isCloudflare1200(status, page)) return { retry: true, delayMs: backoff(retries), reason: '503 Cloudflare 1200' };
      return GIVE_UP;
    },
    wantsPage(status, headers) {
      return mayBeCloudflarePage(status, headers['content-type']) && parseRetryAfter(headers['retry-after'], options.now()) === null;
    },
  };
}
