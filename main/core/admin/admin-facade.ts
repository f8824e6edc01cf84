// The gateway's admin model exists before the gateway listens (the tray subscribes early): events flow
// from the bus at once; everything else answers once the runtime is up.
import { GatewayError } from '../../../shared/errors';
import type { EventBus } from '../events/event-bus';
import type { AdminModel } from './admin-model-types';

export function createAdminFacade(bus: EventBus, inner: () => AdminModel | null): AdminModel {
  const get = (): AdminModel => {
    const model = inner();
    if (!model) throw new GatewayError('NOT_STARTED', 'The gateway is not listening yet');
    return model;
  };
  return {
    snapshot: () => get().snapshot(),
    currentSeq: () => bus.seq(),
    onEvent: (listener) => bus.on(listener),
    requestDetail: (id) => get().requestDetail(id),
    clearLog: () => get().clearLog(),
    setMode: (mode) => get().setMode(mode),
    rollback: () => get().rollback(),
    clearCookies: (domain) => get().clearCookies(domain),
    resolveIdentity: (headers) => get().resolveIdentity(headers),
    revealKey: () => get().revealKey(),
    pause: () => get().pause(),
    resume: () => get().resume(),
  };
}
