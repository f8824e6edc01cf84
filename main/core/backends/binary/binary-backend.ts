// Binary (legacy) mode: placeholder until the supervisor-backed forwarder lands.
import { GatewayError } from '../../../../shared/errors';
import type { BackendState } from '../../../../shared/protocol/records';
import type { Backend } from '../backend';

export function createBinaryBackend(now: () => number): Backend {
  const since = now();
  return {
    kind: 'binary',
    async start() {
      throw new GatewayError('BACKEND_UNAVAILABLE', 'Binary mode is not available in this build yet');
    },
    async stop() {},
    async handle() {
      throw new GatewayError('BACKEND_UNAVAILABLE', 'Binary mode is not available in this build yet');
    },
    state(): BackendState {
      return { kind: 'binary', status: 'stopped', reason: null, since, pid: null, port: null, inFlight: 0, restarts: 0, logTail: [] };
    },
    inFlight: () => 0,
  };
}
