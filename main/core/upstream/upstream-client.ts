// Every upstream call of the SDK backend: cookies from the jar, a slot under the per-origin cap, the
// undici request, Set-Cookie back into the jar, and retries while nothing has reached the client yet
// (the retry policy decides whether and how long to wait; this file carries the decision out).
import { setTimeout as delay } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { GatewayError } from '../../../shared/errors';
import type { UpstreamConfig } from '../config/types';
import { isAbortError, toAbortSignal, UpstreamAbortError } from './abort';
import type { AnySignal } from './abort';
import { ConcurrencyLimiter } from './limiter';
import { createRetryPolicy, type RetryPolicy } from './retry-policy';
import { bodyFailure, errorCodeOf, requestFailure } from './upstream-errors';
import { bufferedResponse, liveResponse } from './upstream-response';
import { splitUpstreamUrl } from './upstream-url';
import type { CookieJarStore, UpstreamClient, UpstreamRequest, UpstreamResponse } from './types';

export interface UpstreamClientOptions {
  config: UpstreamConfig;
  cookieJar: CookieJarStore;
  dispatcher: Dispatcher;
  now?: () => number;
  sleep?: (ms: number, signal?: AnySignal) => Promise<void>;
  /** jitter source for backoff; Math.random by default */
  random?: () => number;
}

interface OriginState {
  origin: string;
  /** host[:port], the only part of the URL that error messages name */
  host: string;
  limiter: ConcurrencyLimiter;
}

// A retried answer's body is read and dropped so its socket can serve the next attempt; past this size
// undici closes the socket instead.
const DRAIN_LIMIT_BYTES = 256 * 1024;
const DEFAULT_CAP = 16;

const defaultSleep = (ms: number, signal?: AnySignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal: toAbortSignal(signal) } : {});

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { config, cookieJar, dispatcher } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const policy: RetryPolicy = createRetryPolicy({
    retries: config.retries,
    baseDelayMs: config.retryBaseDelayMs,
    maxRetryAfterMs: config.maxRetryAfterMs,
    now,
    random: options.random ?? Math.random,
  });
  const cap = Number.isFinite(config.maxConcurrencyPerUpstream) && config.maxConcurrencyPerUpstream >= 1
    ? Math.floor(config.maxConcurrencyPerUpstream)
    : DEFAULT_CAP;
  const byRawOrigin = new Map<string, OriginState>();
  const byOrigin = new Map<string, OriginState>();
  let open = 0;
  let closing = false;
  const idleWaiters: Array<() => void> = [];

  function originState(rawOrigin: string): OriginState {
    const known = byRawOrigin.get(rawOrigin);
    if (known) return known;
    let parsed: URL;
    try {
      parsed = new URL(rawOrigin);
    } catch {
      throw new GatewayError('MODEL_MISCONFIGURED', 'Upstream URL is not a valid absolute URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new GatewayError('MODEL_MISCONFIGURED', `Upstream URL must be http or https, not ${parsed.protocol}`);
    }
    let state = byOrigin.get(parsed.origin);
    if (!state) {
      state = { origin: parsed.origin, host: parsed.host, limiter: new ConcurrencyLimiter(cap) };
      byOrigin.set(parsed.origin, state);
    }
    byRawOrigin.set(rawOrigin, state);
    return state;
  }

  function settled(): void {
    open--;
    if (open === 0 && closing) for (const wake of idleWaiters.splice(0)) wake();
  }

  async function request(req: UpstreamRequest): Promise<UpstreamResponse> {
    if (closing) throw new GatewayError('SHUTTING_DOWN', 'The gateway is shutting down');
    const { signal } = req;
    const { rawOrigin, path } = splitUpstreamUrl(req.url);
    const state = originState(rawOrigin);
    if (signal?.aborted) throw new UpstreamAbortError(signal.reason);
    open++;
    try {
      if (!state.limiter.tryAcquire()) await state.limiter.acquire(signal);
    } catch (error) {
      settled();
      throw error;
    }
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      state.limiter.release();
      settled();
    };
    try {
      req.onDispatch?.();
      return await attempts(req, state, path, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  async function attempts(req: UpstreamRequest, state: OriginState, path: string, release: () => void): Promise<UpstreamResponse> {
    const { signal } = req;
    for (let retries = 0; ; retries++) {
      let res: Dispatcher.ResponseData;
      try {
        res = await dispatcher.request({
          origin: state.origin,
          path,
          method: req.method,
          headers: sent(req, withJarCookies(req.headers, cookieJar.cookieHeader(req.url))),
          body: req.body ?? null,
          signal,
        });
      } catch (error) {
        if (signal?.aborted || isAbortError(error)) throw new UpstreamAbortError(signal?.reason ?? error);
        const decision = policy.decide({ kind: 'error', code: errorCodeOf(error) }, retries);
        if (!decision.retry) throw requestFailure(error, state.host, retries);
        await waitToRetry(req, retries, decision.reason, decision.delayMs);
        continue;
      }

      const status = res.statusCode;
      const headers = res.headers as Record<string, string | string[]>;
      const setCookie = headers['set-cookie'];
      if (setCookie !== undefined) {
        const list = Array.isArray(setCookie) ? setCookie : [setCookie];
        headers['set-cookie'] = list;
        cookieJar.store(req.url, list);
      }

      if (policy.wantsPage(status, headers)) {
        const page = await readAll(res.body, req, state.host);
        const decision = policy.decide({ kind: 'answer', status, headers, page: page.toString('latin1') }, retries);
        if (decision.retry) {
          await waitToRetry(req, retries, decision.reason, decision.delayMs);
          continue;
        }
        release();
        return bufferedResponse(status, headers, page, retries);
      }
      const decision = policy.decide({ kind: 'answer', status, headers, page: null }, retries);
      if (decision.retry) {
        await drain(res.body);
        await waitToRetry(req, retries, decision.reason, decision.delayMs);
        continue;
      }

      return liveResponse({
        status,
        headers,
        body: res.body,
        retries,
        release,
        mapError: (error) => (signal?.aborted ? new UpstreamAbortError(signal.reason) : bodyFailure(error, state.host)),
      });
    }
  }

  async function waitToRetry(req: UpstreamRequest, retries: number, reason: string, delayMs: number): Promise<void> {
    req.onRetry?.({ attempt: retries + 1, reason, delayMs });
    const { signal } = req;
    try {
      await sleep(delayMs, signal);
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) throw new UpstreamAbortError(signal?.reason ?? error);
      throw error;
    }
    // an injected sleep may not watch the signal
    if (signal?.aborted) throw new UpstreamAbortError(signal.reason);
  }

  let closed: Promise<void> | null = null;
  function close(): Promise<void> {
    closing = true;
    closed ??= (async () => {
      if (open > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      try {
        await dispatcher.close();
      } catch (error) {
        // The owner may have destroyed the dispatcher to cut streams still open after a grace period.
        if (errorCodeOf(error) !== 'UND_ERR_DESTROYED') throw error;
      }
    })();
    return closed;
  }

  return { request, close };
}

/** The caller's headers with the jar's Cookie (and never the caller's own). Copies only when needed. */
function sent(req: UpstreamRequest, headers: Record<string, string>): Record<string, string> {
  req.onSend?.(headers);
  return headers;
}

function withJarCookies(headers: Record<string, string>, cookie: string): Record<string, string> {
  if (cookie === '' && headers.cookie === undefined) return headers;
  const out = { ...headers };
  if (cookie === '') delete out.cookie;
  else out.cookie = cookie;
  return out;
}

async function drain(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: DRAIN_LIMIT_BYTES });
  } catch {
    // the socket is gone; the next attempt opens another
  }
}

async function readAll(body: Dispatcher.ResponseData['body'], req: UpstreamRequest, host: string): Promise<Buffer> {
  try {
    return Buffer.from(await body.arrayBuffer());
  } catch (error) {
    if (req.signal?.aborted) throw new UpstreamAbortError(req.signal.reason);
    throw bodyFailure(error, host);
  }
}
