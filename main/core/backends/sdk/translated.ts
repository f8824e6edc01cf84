// Caller and provider speak different dialects: the request is translated into the provider's dialect
// (then the model's configured defaults are applied there), and the answer, stream or error comes back
// translated into the caller's.
import { GatewayError, isGatewayError } from '../../../../shared/errors';
import type { Dialect } from '../../../../shared/protocol/records';
import type { ClientReply } from '../client-reply';
import { decodeBody, readAll } from '../../providers/content-encoding';
import { formatSse, parseSse } from '../../providers/sse';
import type { SseEvent } from '../../providers/sse';
import { headerString, passBackHeaders } from '../../providers/upstream-headers';
import { usageFromBody, usageFromStreamData } from '../../providers/usage';
import {
  anthropicRequestToOpenai,
  anthropicResponseToOpenai,
  anthropicStreamToOpenai,
  estimateInputTokens,
  openaiRequestToAnthropic,
  openaiResponseToAnthropic,
  openaiStreamToAnthropic,
  translateError,
} from '../../translate';
import type { StreamContext, StreamOutcome, TranslateNotes } from '../../translate';
import type { UpstreamResponse } from '../../upstream/types';
import type { ProxyRequest } from '../backend';
import { callUpstream } from './call-upstream';
import { DEFAULT_ANTHROPIC_MAX_TOKENS, prepareBody, stripOverrides } from './prepare-body';
import type { SdkContext } from './sdk-context';
import { readableErrorText } from './upstream-error';
import { upstreamTarget } from './upstream-target';

export async function translated(ctx: SdkContext, request: ProxyRequest, reply: ClientReply): Promise<void> {
  const model = request.model!;
  const caller = request.dialect;
  const provider = model.config.dialect;
  const notes: TranslateNotes = { push: (text) => request.trace.note(text) };
  const input = stripOverrides(request.body, (text) => notes.push(text));
  const requestContext = {
    providerModel: model.providerModel,
    providerPrefix: model.config.providerPrefix,
    defaultMaxTokens: model.config.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    notes,
  };
  const body = caller === 'openai' ? openaiRequestToAnthropic(input, requestContext) : anthropicRequestToOpenai(input, requestContext);
  const prepared = prepareBody(body, provider, model, (text) => notes.push(text));
  const target = upstreamTarget({
    model: model.config,
    endpoint: provider === 'anthropic' ? 'messages' : 'chat.completions',
    identity: request.identity.userId,
    stream: request.stream,
    userAgent: ctx.userAgent,
    supermemoryApiKey: ctx.supermemoryApiKey,
    clientHeaders: null,
    search: '',
  });
  const response = await callUpstream(ctx.upstream, request, target, JSON.stringify(prepared.body));
  const decoded = decodeBody(response.body, headerString(response.headers, 'content-encoding'));
  const passBack = passBackHeaders(response.headers);

  if (response.status >= 400) {
    const text = readableErrorText(response.status, target.host, ctx.scrub((await readAll(decoded)).toString('utf8')));
    const error = translateError(response.status, text, provider, caller);
    reply.json(error.status, error.body, passBack);
    request.trace.fail(new GatewayError('UPSTREAM_ERROR', error.message, { status: error.status }), error.status);
    return;
  }
  const contentType = headerString(response.headers, 'content-type') ?? '';
  if (request.stream && contentType.startsWith('text/event-stream')) {
    await relayTranslatedStream(ctx, request, reply, decoded, caller, provider, notes);
    return;
  }
  await relayTranslatedBody(request, reply, response, decoded, caller, provider, notes, ctx);
}

async function relayTranslatedBody(
  request: ProxyRequest,
  reply: ClientReply,
  response: UpstreamResponse,
  body: AsyncIterable<Buffer>,
  caller: Dialect,
  provider: Dialect,
  notes: TranslateNotes,
  ctx: SdkContext,
): Promise<void> {
  const text = (await readAll(body)).toString('utf8');
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new GatewayError('UPSTREAM_ERROR', `Upstream answered ${response.status} with a body that is not JSON: ${ctx.scrub(text.slice(0, 200))}`);
  }
  request.trace.usage(usageFromBody(provider, parsed));
  const responseContext = { requestedModel: request.model!.requestedName, notes, created: Math.floor(ctx.now() / 1000) };
  const out = caller === 'openai' ? anthropicResponseToOpenai(parsed, responseContext) : openaiResponseToAnthropic(parsed, responseContext);
  reply.json(200, out, passBackHeaders(response.headers));
}

async function relayTranslatedStream(
  ctx: SdkContext,
  request: ProxyRequest,
  reply: ClientReply,
  body: AsyncIterable<Buffer>,
  caller: Dialect,
  provider: Dialect,
  notes: TranslateNotes,
): Promise<void> {
  let outcome: StreamOutcome | null = null;
  const context: StreamContext = {
    requestedModel: request.model!.requestedName,
    notes,
    created: Math.floor(ctx.now() / 1000),
    includeUsage: (request.body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true,
    onOutcome: (result) => {
      outcome = result;
    },
  };
  if (caller === 'anthropic') context.inputTokensHint = estimateInputTokens(request.body);
  const fault: { error: GatewayError | null } = { error: null };
  const upstreamEvents = tapUsage(parseSse(body, ctx.maxSseEventBytes), provider, request, fault);
  const events = caller === 'openai' ? anthropicStreamToOpenai(upstreamEvents, context) : openaiStreamToAnthropic(upstreamEvents, context);
  reply.head(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }, true);
  for await (const event of events) {
    if (reply.closed) break;
    await reply.write(formatSse(event));
  }
  reply.end();
  if (request.signal.aborted || reply.closed) throw new GatewayError('CLIENT_CLOSED', 'Client closed the connection during the stream');
  const result = outcome as StreamOutcome | null;
  // the translator already told the caller; the log keeps the precise code (e.g. STREAM_EVENT_TOO_LARGE)
  if (fault.error && !result?.complete) throw fault.error;
  if (result && !result.complete) {
    throw new GatewayError('STREAM_INTERRUPTED', result.error?.message ?? 'Upstream stream ended early');
  }
}

/** Passes upstream events on while recording the usage they report. */
async function* tapUsage(
  events: AsyncIterable<SseEvent>,
  provider: Dialect,
  request: ProxyRequest,
  fault: { error: GatewayError | null },
): AsyncIterable<SseEvent> {
  try {
    for await (const event of events) {
      if (event.data) {
        const usage = usageFromStreamData(provider, event.data);
        if (usage) request.trace.usage(usage);
      }
      yield event;
    }
  } catch (error) {
    if (isGatewayError(error)) fault.error = error;
    throw error;
  }
}
