// POST /v1/messages/count_tokens. Anthropic models: asked upstream (exact), the body passed through with
// only the model id replaced (count_tokens rejects max_tokens, so no defaults are applied). Other models
// have no such endpoint, so we answer with the translator's documented estimate.
import type { ClientReply } from '../client-reply';
import type { ProxyRequest } from '../backend';
import { callUpstream } from './call-upstream';
import { stripOverrides } from './prepare-body';
import { relayResponse } from './pass-through';
import type { SdkContext } from './sdk-context';
import { estimateInputTokens } from '../../translate';
import { upstreamTarget } from './upstream-target';

export async function countTokens(ctx: SdkContext, request: ProxyRequest, reply: ClientReply): Promise<void> {
  const model = request.model!;
  if (model.config.dialect !== 'anthropic') {
    const estimate = estimateInputTokens(request.body);
    request.trace.note('count_tokens estimated locally: the model has no count_tokens endpoint');
    request.trace.usage({ input: estimate });
    reply.json(200, { input_tokens: estimate });
    return;
  }
  const payload = JSON.stringify({ ...stripOverrides(request.body, (t) => request.trace.note(t)), model: model.providerModel });
  const target = upstreamTarget({
    model: model.config,
    endpoint: 'messages.count_tokens',
    identity: request.identity.userId,
    stream: false,
    userAgent: ctx.userAgent,
    supermemoryApiKey: ctx.supermemoryApiKey,
    clientHeaders: request.headers,
    search: request.search,
  });
  const response = await callUpstream(ctx.upstream, request, target, payload);
  await relayResponse(ctx, request, reply, response, 'anthropic', target.host);
}
