// Caller and provider speak the same dialect: the body goes up (as the client's own bytes when nothing
// had to change) and the answer comes back untouched, streams event by event.
import { GatewayError, isGatewayError } from '../../../../shared/errors';
import type { Dialect } from '../../../../shared/protocol/records';
import { decodeBody, readAll } from '../../providers/content-encoding';
import { completeFinalEvent, createSseSplitter, DEFAULT_MAX_SSE_EVENT_BYTES, sseData } from '../../providers/sse-splitter';
import { formatSse } from '../../providers/sse';
import { isStreamTerminator, mayCarryUsageOrEnd } from '../../providers/stream-end';
import { streamErrorEvent, translateError } from '../../translate';
import { headerString, passBackHeaders } from '../../providers/upstream-headers';
import { usageFromBody, usageFromStreamData } from '../../providers/usage';
import type { UpstreamResponse } from '../../upstream/types';
import type { ClientReply } from '../client-reply';
import type { ProxyRequest } from '../backend';
import { callUpstream } from './call-upstream';
import { prepareBody } from './prepare-body';
import type { SdkContext } from './sdk-context';
import { readableErrorText } from './upstream-error';
import { upstreamTarget } from './upstream-target';

export async function passThrough(ctx: SdkContext, request: ProxyRequest, reply: ClientReply): Promise<void> {
  const model = request.model!;
  const dialect = model.config.dialect;
  const prepared = prepareBody(request.body, dialect, model, (text) => request.trace.note(text));
  const payload = prepared.changed ? JSON.stringify(prepared.body) : request.rawBody;
  const target = upstreamTarget({
    model: model.config,
    endpoint: request.endpoint,
    identity: request.identity.userId,
    stream: request.stream,
    userAgent: ctx.userAgent,
    supermemoryApiKey: ctx.supermemoryApiKey,
    clientHeaders: request.headers,
    search: request.search,
  });
  const response = await callUpstream(ctx.upstream, request, target, payload);
  await relayResponse(ctx, request, reply, response, dialect, target.host);
}

/** Writes an upstream answer of the caller's own dialect back to the caller. */
export async function relayResponse(
  ctx: SdkContext,
  request: ProxyRequest,
  reply: ClientReply,
  response: UpstreamResponse,
  dialect: Dialect,
  host: string,
): Promise<void> {
  const body = decodeBody(response.body, headerString(response.headers, 'content-encoding'));
  const passBack = passBackHeaders(response.headers);
  if (response.status >= 400) {
    const text = readableErrorText(response.status, host, ctx.scrub((await readAll(body)).toString('utf8')));
    const error = translateError(response.status, text, dialect, dialect);
    reply.json(error.status, error.body, passBack);
    request.trace.fail(new GatewayError('UPSTREAM_ERROR', error.message, { status: error.status }), error.status);
    return;
  }
  const contentType = headerString(response.headers, 'content-type') ?? 'application/json';
  if (contentType.startsWith('text/event-stream')) {
    await relaySse(request, reply, body, dialect, response.status, passBack, ctx.maxSseEventBytes);
    return;
  }
  const bytes = await readAll(body);
  if (contentType.includes('json')) {
    try {
      request.trace.usage(usageFromBody(dialect, JSON.parse(bytes.toString('utf8'))));
    } catch {
      // not our business to validate the provider's JSON; the client gets it as it came
    }
  }
  reply.head(response.status, { 'content-type': contentType, 'content-length': String(bytes.length), ...passBack });
  reply.end(bytes);
}

export async function relaySse(
  request: ProxyRequest,
  reply: ClientReply,
  body: AsyncIterable<Buffer>,
  dialect: Dialect,
  status: number,
  passBack: Record<string, string>,
  maxEventBytes = DEFAULT_MAX_SSE_EVENT_BYTES,
  /** a backend whose in-band errors are not the dialect's own (LiteLLM's bare `{"error":…}`) names them here */
  inBandError?: (data: string) => GatewayError | null,
): Promise<void> {
  reply.head(status, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...passBack }, true);
  const splitter = createSseSplitter(maxEventBytes);
  let complete = false;
  /** set when the upstream's own in-band error is to be replaced by one of the caller's dialect */
  let foreign: GatewayError | null = null;
  try {
    events: for await (const chunk of body) {
      for (const event of splitter.push(chunk)) {
        const data = mayCarryUsageOrEnd(event) ? sseData(event) : null;
        if (data !== null) {
          foreign = inBandError?.(data) ?? null;
          if (foreign) break events;
          const usage = usageFromStreamData(dialect, data);
          if (usage) request.trace.usage(usage);
          if (isStreamTerminator(dialect, data)) complete = true;
        }
        await reply.write(event);
      }
    }
    const rest = foreign ? null : splitter.rest();
    if (rest) {
      // only a whole final event goes on; a torn one is dropped so the error below starts a clean event
      const last = completeFinalEvent(rest, (data) => isStreamTerminator(dialect, data));
      if (last) {
        const usage = usageFromStreamData(dialect, sseData(last) ?? '');
        if (usage) request.trace.usage(usage);
        complete = true;
        await reply.write(last);
      } else {
        request.trace.note(`upstream stream ended inside an event; its ${rest.length} unfinished bytes were dropped`);
      }
    }
  } catch (error) {
    if (request.signal.aborted || reply.closed) {
      throw new GatewayError('CLIENT_CLOSED', 'Client closed the connection during the stream', { cause: error });
    }
    const failure = isGatewayError(error)
      ? error
      : new GatewayError('STREAM_INTERRUPTED', `Upstream stream failed: ${(error as Error).message}`, { cause: error });
    await endWithError(reply, dialect, failure);
    throw failure;
  }
  if (foreign) {
    await endWithError(reply, dialect, foreign);
    throw foreign;
  }
  if (!complete) {
    const failure = new GatewayError('STREAM_INTERRUPTED', 'Upstream closed the stream before it finished');
    await endWithError(reply, dialect, failure);
    throw failure;
  }
  reply.end();
}

export async function endWithError(reply: ClientReply, dialect: Dialect, error: GatewayError): Promise<void> {
  if (!reply.closed) await reply.write(formatSse(streamErrorEvent(dialect, error.types[dialect], error.message, error.code.toLowerCase())));
  reply.end();
}
