// After a switch, one request through the front door tells whether the backend now in use really serves:
// a backend can report "ready" while every request gets a 503 (a LiteLLM that started but cannot route).
// It goes over HTTP like a client's, so the route, the auth and the backend's forwarding are all checked.
import type { HealthProbe } from '../../../shared/protocol/admin-api';
import type { Mode } from '../../../shared/protocol/records';

/** The identity the check's request gets, so the map and log show it apart from real clients. */
export const PROBE_IDENTITY = 'switchboard-health';
const PROBE_TIMEOUT_MS = 5_000;

export type HealthProbeRunner = (backend: Mode) => Promise<HealthProbe>;

export interface HealthProbeDeps {
  /** e.g. http://127.0.0.1:8765 */
  baseUrl: () => string;
  masterKey: string;
  customHeader: string;
  fetch: typeof fetch;
  hrNow: () => number;
}

export function createHealthProbe(deps: HealthProbeDeps): HealthProbeRunner {
  return async (backend) => {
    const started = deps.hrNow();
    const ms = () => Math.round(deps.hrNow() - started);
    try {
      const response = await deps.fetch(`${deps.baseUrl()}/v1/models`, {
        headers: {
          authorization: `Bearer ${deps.masterKey}`,
          'user-agent': 'Switchboard health check',
          [deps.customHeader]: PROBE_IDENTITY,
        },
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.ok) return { backend, ok: true, status: response.status, ms: ms(), message: `GET /v1/models answered ${response.status} in ${ms()} ms` };
      return { backend, ok: false, status: response.status, ms: ms(), message: `GET /v1/models answered ${response.status}: ${errorMessage(text)}` };
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : (error as Error).message;
      return { backend, ok: false, status: null, ms: ms(), message: `GET /v1/models failed: ${reason}` };
    }
  };
}

/** The error body's message (both dialects put it at error.message), cut to one line. */
function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message.split('\n')[0]!.slice(0, 200);
  } catch {
    // not JSON
  }
  return text.split('\n')[0]!.slice(0, 200) || 'no body';
}
