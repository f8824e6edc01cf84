// Binary (legacy) mode: a supervised `litellm` child does the provider work; we forward both dialects to
// it with the identity headers injected. LiteLLM holds the upstream connections (and their cookies).
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { GatewayError, isGatewayError } from '../../../../shared/errors';
import type { BackendState } from '../../../../shared/protocol/records';
import type { ClientReply } from '../client-reply';
import { decodeBody, readAll } from '../../providers/content-encoding';
import { headerString } from '../../providers/upstream-headers';
import { usageFromBody } from '../../providers/usage';
import { translateError } from '../../translate';
import type { Backend, ProxyRequest } from '../backend';
import { relaySse } from '../sdk/pass-through';
import type { Supervisor } from '../supervisor';
import { createAgent } from '../../upstream/undici-agent';
import { childRequest } from './binary-request';
import { cleanLitellmError, litellmPassBack, litellmStreamError } from './litellm-answers';

export interface BinaryBackendOptions {
  supervisor: Supervisor;
  customHeader: string;
  supermemoryApiKey: string | null;
  scrub: (text: string) => string;
  logger: Logger;
  /** the child's answers may pause for a long time while a model thinks */
  bodyTimeoutMs: number;
  headersTimeoutMs: number;
  /** upstream.max_sse_event_bytes: one event of the child's stream is never held beyond this */
  maxSseEventBytes?: number;
}

export function createBinaryBackend(options: BinaryBackendOptions): Backend {
  const { supervisor } = options;
  const dispatcher: Dispatcher = createAgent({
    keepAliveTimeout: 30_000,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
  });
  let inFlight = 0;
  let idleWaiters: Array<() => void> = [];
  /** a stop waiting for in-flight requests; a start in the meantime cancels it */
  let pendingStop: { cancelled: boolean } | null = null;

  const whenIdle = (graceMs: number) =>
    inFlight === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = Number.isFinite(graceMs) ? setTimeout(resolve, graceMs) : null;
          idleWaiters.push(() => {
            if (timer) clearTimeout(timer);
            resolve();
          });
        });

  async function forward(request: ProxyRequest, reply: ClientReply): Promise<void> {
    const base = supervisor.baseUrl();
    if (!base) throw new GatewayError('BACKEND_UNAVAILABLE', `The LiteLLM backend is ${supervisor.state().status}; try again or roll back to SDK mode`);
    // attach mode: the proxy may sit under a path (https://host/litellm)
    const target = new URL(base);
    const host = target.host;
    const prefix = target.pathname.replace(/\/+$/, '');
    request.trace.setModel({
      model: request.model?.requestedName ?? null,
      providerModel: request.model?.config.litellmModel ?? null,
      provider: request.model ? `litellm → ${request.model.config.providerPrefix}` : 'litellm',
      upstreamHost: host,
      translated: false,
    });
    const outgoing = childRequest(request, supervisor.token(), options.customHeader, options.supermemoryApiKey);
    request.trace.upstreamRequest(outgoing.headers);
    request.trace.dispatched();
    let response: Dispatcher.ResponseData;
    try {
      response = await dispatcher.request({ origin: target.origin, path: prefix + outgoing.path, method: outgoing.method, headers: outgoing.headers, body: outgoing.body, signal: request.signal });
    } catch (error) {
      if (request.signal.aborted) throw new GatewayError('CLIENT_CLOSED', 'Client closed the connection', { cause: error });
      throw new GatewayError('BACKEND_UNAVAILABLE', `The LiteLLM child at ${host} did not answer: ${(error as Error).message}`, { cause: error });
    }
    const headers = response.headers as Record<string, string | string[]>;
    request.trace.upstreamResponse(response.statusCode, headers);
    const body = decodeBody(response.body as AsyncIterable<Buffer>, headerString(headers, 'content-encoding'));
    const passBack = litellmPassBack(headers);
    if (response.statusCode >= 400) {
      // LiteLLM answers OpenAI-shaped errors on every route, with "None" for empty fields; callers get
      // clean ones of their dialect
      const text = cleanLitellmError(options.scrub((await readAll(body)).toString('utf8')));
      const error = translateError(response.statusCode, text, 'openai', request.dialect);
      reply.json(error.status, error.body, passBack);
      request.trace.fail(new GatewayError('UPSTREAM_ERROR', error.message, { status: error.status }), error.status);
      return;
    }
    const contentType = headerString(headers, 'content-type') ?? 'application/json';
    if (contentType.startsWith('text/event-stream')) {
      await relaySse(request, reply, body, request.dialect, response.statusCode, passBack, options.maxSseEventBytes, (data) => {
        const error = litellmStreamError(data);
        return error ? new GatewayError('UPSTREAM_ERROR', options.scrub(error.message), { status: error.status, types: error.types }) : null;
      });
      return;
    }
    const bytes = await readAll(body);
    if (contentType.includes('json') && request.endpoint !== 'models') {
      try {
        request.trace.usage(usageFromBody(request.dialect, JSON.parse(bytes.toString('utf8'))));
      } catch {
        // the client gets the body as it came
      }
    }
    reply.head(response.statusCode, { 'content-type': contentType, 'content-length': String(bytes.length), ...passBack });
    reply.end(bytes);
  }

  return {
    kind: 'binary',
    async start() {
      if (pendingStop) pendingStop.cancelled = true;
      pendingStop = null;
      await supervisor.start();
    },
    async stop(graceMs) {
      const ticket = { cancelled: false };
      pendingStop = ticket;
      await whenIdle(graceMs);
      // switched back to binary while draining: keep the child
      if (ticket.cancelled) return;
      pendingStop = null;
      await supervisor.stop();
    },
    async handle(request, reply) {
      inFlight++;
      try {
        await forward(request, reply);
      } catch (error) {
        throw isGatewayError(error) ? error : new GatewayError('INTERNAL', 'Binary backend failed', { cause: error });
      } finally {
        inFlight--;
        if (inFlight === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const wake of waiters) wake();
        }
      }
    },
    state(): BackendState {
      return { ...supervisor.state(), inFlight };
    },
    inFlight: () => inFlight,
  };
}
