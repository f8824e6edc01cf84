// SDK mode: Switchboard talks to the providers itself, over the shared undici dispatcher and cookie jar.
import { GatewayError } from '../../../../shared/errors';
import type { BackendState } from '../../../../shared/protocol/records';
import type { ModelConfig } from '../../config/types';
import { apiBaseHost } from '../../providers/api-base-host';
import type { Backend } from '../backend';
import { listModels } from './list-models';
import { countTokens } from './count-tokens';
import { passThrough } from './pass-through';
import type { SdkContext } from './sdk-context';
import { translated } from './translated';

export function createSdkBackend(ctx: SdkContext, models: ModelConfig[], now: () => number): Backend {
  const startedAt = now();
  let inFlight = 0;
  let status: BackendState['status'] = 'stopped';
  let since = now();
  const setStatus = (next: BackendState['status']) => {
    status = next;
    since = now();
  };
  return {
    kind: 'sdk',
    async start() {
      setStatus('ready');
    },
    async stop() {
      // nothing of its own to wind down: the front server drains in-flight requests before this
      setStatus('stopped');
    },
    async handle(request, reply) {
      if (request.endpoint === 'models') {
        reply.json(200, listModels(models, request.dialect, startedAt));
        return;
      }
      const model = request.model;
      if (!model) throw new GatewayError('INTERNAL', 'SDK backend called without a model');
      if (model.config.error) {
        throw new GatewayError('MODEL_MISCONFIGURED', `Model ${model.requestedName} cannot be used: ${model.config.error}`);
      }
      inFlight++;
      try {
        request.trace.setModel({
          model: model.requestedName,
          providerModel: model.providerModel,
          provider: model.config.providerPrefix,
          upstreamHost: apiBaseHost(model.config.apiBase),
          translated: request.dialect !== model.config.dialect,
        });
        if (request.endpoint === 'messages.count_tokens') return await countTokens(ctx, request, reply);
        if (request.dialect === model.config.dialect) return await passThrough(ctx, request, reply);
        return await translated(ctx, request, reply);
      } finally {
        inFlight--;
      }
    },
    state() {
      return { kind: 'sdk', status, reason: null, since, pid: null, port: null, inFlight, restarts: 0, logTail: [] };
    },
    inFlight: () => inFlight,
  };
}
