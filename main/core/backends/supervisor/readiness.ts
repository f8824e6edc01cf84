// Readiness = LiteLLM's GET /health/liveliness answers 200. Never /health: that one calls every model
// upstream (slow, costs money, needs the key).
import { get } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export const LIVELINESS_PATH = '/health/liveliness';

export type Readiness = 'live' | 'timeout' | 'aborted';

export interface WaitUntilLiveOptions {
  host: string;
  port: number;
  timeoutMs: number;
  intervalMs: number;
  /** aborted when the child exits or stop() is called */
  signal: AbortSignal;
}

export async function waitUntilLive(options: WaitUntilLiveOptions): Promise<Readiness> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const done = AbortSignal.any([options.signal, deadline]);
  while (!done.aborted) {
    if (await probeLiveliness(options.host, options.port, done)) {
      return options.signal.aborted ? 'aborted' : 'live';
    }
    await delay(options.intervalMs, undefined, { signal: done }).catch(() => undefined);
  }
  return options.signal.aborted ? 'aborted' : 'timeout';
}

/** One GET; false on any error, non-200, or abort. A hung server is cut off by the signal. */
export function probeLiveliness(host: string, port: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    // agent: false — no keep-alive socket left behind to a child that is about to be killed
    const request = get({ host, port, path: LIVELINESS_PATH, agent: false, signal }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}
