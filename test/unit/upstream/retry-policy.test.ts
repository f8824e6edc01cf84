import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  createRetryPolicy,
  isCloudflare1200,
  isRetryableConnectionError,
  mayBeCloudflarePage,
  parseRetryAfter,
  retryAfterReason,
} from '../../../main/core/upstream/retry-policy';

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0.5', NOW)).toBe(500);
  });

  it('reads the three HTTP date formats relative to now', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sunday, 01-Jun-25 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Sun Jun  1 12:00:05 2025', NOW)).toBe(5000);
  });

  it('treats a date in the past as "now"', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', NOW)).toBe(0);
  });

  it('takes the first value of a repeated header', () => {
    expect(parseRetryAfter(['2', '9'], NOW)).toBe(2000);
  });

  it('gives null for absent or meaningless values', () => {
    for (const value of [undefined, '', '   ', '-1', 'soon', '1e3', '12abc', 'Sunday 2025', 'Mon, 99 Foo 2025 12:00:00 GMT']) {
      expect(parseRetryAfter(value, NOW), String(value)).toBeNull();
    }
  });
});

describe('backoffDelay', () => {
  it('doubles per retry with half of each step random', () => {
    expect(backoffDelay(0, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 0.5)).toBe(600);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(20, 100, 5000, () => 1)).toBe(5000);
  });
});

describe('Cloudflare recognition', () => {
  it('recognises an Error 1200 page on a 503 only', () => {
    const page = '<h1><span>Error</span> <span>1200</span></h1> Too many requests are being queued';
    expect(isCloudflare1200(503, page.replace(/<[^>]+>/g, ''))).toBe(true);
    expect(isCloudflare1200(503, '<title>503: Error 1200 - rate limited</title>')).toBe(true);
    expect(isCloudflare1200(503, 'error code: 1200')).toBe(true);
    expect(isCloudflare1200(429, 'error code: 1200')).toBe(false);
    expect(isCloudflare1200(503, 'Error 12000')).toBe(false);
    expect(isCloudflare1200(503, '{"error":{"type":"overloaded_error"}}')).toBe(false);
  });

  it('reads only HTML 503 bodies', () => {
    expect(mayBeCloudflarePage(503, 'text/html; charset=UTF-8')).toBe(true);
    expect(mayBeCloudflarePage(503, 'application/json')).toBe(false);
    expect(mayBeCloudflarePage(503, undefined)).toBe(false);
    expect(mayBeCloudflarePage(502, 'text/html')).toBe(false);
  });
});

describe('retryable connection errors', () => {
  it('covers refused, reset, socket and connect timeout, not headers timeout', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(isRetryableConnectionError(code), code).toBe(true);
    }
    for (const code of ['UND_ERR_HEADERS_TIMEOUT', 'ENOTFOUND', undefined]) {
      expect(isRetryableConnectionError(code), String(code)).toBe(false);
    }
  });

  it('describes a Retry-After retry', () => {
    expect(retryAfterReason(429, 1000)).toBe('429 Retry-After 1s');
  });
});

describe('createRetryPolicy: one decision per attempt', () => {
  const policy = createRetryPolicy({ retries: 2, baseDelayMs: 100, maxRetryAfterMs: 5_000, now: () => NOW, random: () => 0.5 });
  const answer = (status: number, headers: Record<string, string> = {}, page: string | null = null) => ({ kind: 'answer' as const, status, headers, page });

  it('retries a refused connection with backoff, never an unknown failure, and gives up when the retries are spent', () => {
    expect(policy.decide({ kind: 'error', code: 'ECONNREFUSED' }, 0)).toEqual({ retry: true, delayMs: 75, reason: 'ECONNREFUSED' });
    expect(policy.decide({ kind: 'error', code: 'ECONNREFUSED' }, 1)).toEqual({ retry: true, delayMs: 150, reason: 'ECONNREFUSED' });
    expect(policy.decide({ kind: 'error', code: 'ECONNREFUSED' }, 2)).toEqual({ retry: false });
    expect(policy.decide({ kind: 'error', code: 'ENOTFOUND' }, 0)).toEqual({ retry: false });
  });

  it('waits for a 429/503 Retry-After it is willing to wait for, and hands over any other answer', () => {
    expect(policy.decide(answer(429, { 'retry-after': '1' }), 0)).toEqual({ retry: true, delayMs: 1000, reason: '429 Retry-After 1s' });
    expect(policy.decide(answer(503, { 'retry-after': '60' }), 0)).toEqual({ retry: false });
    expect(policy.decide(answer(429), 0)).toEqual({ retry: false });
    expect(policy.decide(answer(500, { 'retry-after': '1' }), 0)).toEqual({ retry: false });
    expect(policy.decide(answer(429, { 'retry-after': '1' }), 2)).toEqual({ retry: false });
  });

  it('reads a 503 HTML page without Retry-After, and retries it when it is Cloudflare’s 1200', () => {
    expect(policy.wantsPage(503, { 'content-type': 'text/html' })).toBe(true);
    expect(policy.wantsPage(503, { 'content-type': 'text/html', 'retry-after': '1' })).toBe(false);
    expect(policy.wantsPage(503, { 'content-type': 'application/json' })).toBe(false);
    expect(policy.decide(answer(503, { 'content-type': 'text/html' }, '<h1>Error 1200</h1>'), 0)).toEqual({ retry: true, delayMs: 75, reason: '503 Cloudflare 1200' });
    expect(policy.decide(answer(503, { 'content-type': 'text/html' }, '<h1>Bad gateway</h1>'), 0)).toEqual({ retry: false });
  });
});
