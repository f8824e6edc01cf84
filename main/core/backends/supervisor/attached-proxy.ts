// Attach mode: binary mode forwards to a LiteLLM proxy that is already running (a team's shared proxy)
// instead of spawning one. Same contract as the supervisor, so switching, rollback and the binary backend
// work unchanged: start() waits until GET /health/liveliness answers, stop() only stops forwarding (the
// proxy is not ours to stop).
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { GatewayError } from '../../../../shared/errors';
import type { BackendState, BackendStatus } from '../../../../shared/protocol/records';
import { checkLitellmVersion, versionTooOldError } from './litellm-version';
import { LIVELINESS_PATH } from './readiness';
import type { Supervisor } from './types';

export interface AttachedProxyOptions {
  /** the proxy's base URL, e.g. https://litellm.team.internal (a path prefix is kept) */
  url: string;
  /** its key (sent as Bearer), or null when it takes none; never logged */
  key: string | null;
  readyTimeoutMs: number;
  /** switchboard.binary.min_version */
  minVersion: string;
  pollIntervalMs?: number;
  now?: () => number;
  logger: Logger;
  onState?: (state: BackendState) => void;
}

export function createAttachedProxy(options: AttachedProxyOptions): Supervisor {
  const now = options.now ?? Date.now;
  const base = options.url.replace(/\/+$/, '');
  const host = new URL(base).host;
  let status: BackendStatus = 'stopped';
  let reason: string | null = null;
  let since = now();
  let cycle = new AbortController();
  let flow: Promise<void> | null = null;
  const notes: string[] = [];
  let version: string | null = null;

  function snapshot(): BackendState {
    return {
      kind: 'binary', status, reason, since, pid: null, port: null, inFlight: 0, restarts: 0,
      logTail: notes.slice(-20), version, attachedTo: host,
    };
  }

  function setStatus(next: BackendStatus, why: string | null): void {
    status = next;
    reason = why;
    since = now();
    notes.push(`${new Date(since).toISOString()} ${next}${why ? `: ${why}` : ''}`);
    if (notes.length > 100) notes.splice(0, notes.length - 100);
    options.logger.info({ status: next, reason: why, attachedTo: host }, 'attached LiteLLM proxy state');
    try {
      options.onState?.(snapshot());
    } catch (error) {
      options.logger.error({ error: String(error) }, 'attached proxy onState listener threw');
    }
  }

  async function waitUntilLive(signal: AbortSignal): Promise<void> {
    const deadline = AbortSignal.timeout(options.readyTimeoutMs);
    const done = AbortSignal.any([signal, deadline]);
    let lastProblem = 'no answer yet';
    while (!done.aborted) {
      try {
        const response = await fetch(`${base}${LIVELINESS_PATH}`, { signal: done });
        await response.body?.cancel();
        if (response.ok) return;
        lastProblem = `HTTP ${response.status}`;
      } catch (error) {
        if (!done.aborted) lastProblem = (error as Error).cause ? String((error as Error & { cause: Error }).cause.message) : (error as Error).message;
      }
      await delay(options.pollIntervalMs ?? 250, undefined, { signal: done }).catch(() => undefined);
    }
    if (signal.aborted) throw new GatewayError('BACKEND_UNAVAILABLE', `Attaching to the LiteLLM proxy at ${host} was cancelled.`);
    throw new GatewayError(
      'BINARY_READY_TIMEOUT',
      `The LiteLLM proxy at ${host} did not answer GET ${LIVELINESS_PATH} within ${options.readyTimeoutMs} ms (${lastProblem}). ` +
        `Check switchboard.binary.url, or raise switchboard.binary.ready_timeout_ms.`,
    );
  }

  /** GET /health/readiness (behind the key) names the proxy's version; an old one loses identities too. */
  async function checkVersion(signal: AbortSignal): Promise<void> {
    let found: string | null = null;
    try {
      const response = await fetch(`${base}/health/readiness`, {
        headers: options.key ? { authorization: `Bearer ${options.key}` } : {},
        signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
      });
      const body = (await response.json().catch(() => null)) as { litellm_version?: unknown } | null;
      found = typeof body?.litellm_version === 'string' ? body.litellm_version : null;
    } catch {
      // unreadable: said below, not refused (the proxy is someone else's)
    }
    version = found;
    if (found === null) {
      notes.push(`version of the proxy at ${host} unknown (GET /health/readiness did not say); it must be ${options.minVersion} or later`);
      return;
    }
    const refusal = checkLitellmVersion(found, options.minVersion);
    if (refusal) throw versionTooOldError(`The LiteLLM proxy at ${host}: ${refusal}`);
  }

  async function start(): Promise<void> {
    if (status === 'ready') return;
    if (flow) return flow;
    cycle = new AbortController();
    setStatus('starting', `attaching to ${host}`);
    const signal = cycle.signal;
    const run = waitUntilLive(signal).then(() => checkVersion(signal)).then(
      () => setStatus('ready', null),
      (error: GatewayError) => {
        // a cancelled attach is a stop, not a failure (a failure would trigger the fall-back to sdk)
        if (!cycle.signal.aborted) setStatus('failed', error.message);
        throw error;
      },
    );
    flow = run.finally(() => {
      flow = null;
    });
    return flow;
  }

  async function stop(): Promise<void> {
    cycle.abort();
    if (flow) await flow.catch(() => undefined);
    if (status !== 'stopped') setStatus('stopped', null);
  }

  return {
    start,
    stop,
    state: snapshot,
    baseUrl: () => (status === 'ready' ? base : null),
    token: () => options.key,
    logTail: (lines = 100) => notes.slice(-Math.min(lines, 100)),
    killSync: () => cycle.abort(),
  };
}
