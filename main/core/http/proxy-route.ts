// The /v1 request path: gate, auth, identity, body, model, then the active backend. Every request,
// refused ones included, becomes a trace so the log shows misconfigured clients too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { GatewayError } from '../../../shared/errors';
import type { Dialect, Endpoint } from '../../../shared/protocol/records';
import { describeClientApp } from '../clients/client-app';
import { resolveIdentity } from '../clients/identity';
import type { IdentityMatch } from '../clients/identity-types';
import type { GatewayConfig } from '../config/types';
import { closestModelNames, findModel } from '../config/model-lookup';
import type { Backend, ProxyRequest, ResolvedModel } from '../backends/backend';
import type { RequestTrace, RequestTracker } from '../events/request-trace';
import { RequestAbort } from '../upstream/abort';
import type { KeyCheck } from './auth';
import { hasValidKey } from './auth';
import { createClientReply } from '../backends/client-reply';
import type { InFlight } from './in-flight';
import type { ClientReply } from '../backends/client-reply';
import { parseJsonObject, readBody } from './read-body';
import { replyError, toGatewayError } from './render-error';

export interface ProxyRouteDeps {
  config: GatewayConfig;
  checkKey: KeyCheck;
  tracker: RequestTracker;
  /** the backend new requests go to (switches never affect requests already handed over) */
  backend: () => Backend;
  /** an error while paused or shutting down, else null */
  gate: () => GatewayError | null;
  newId: () => string;
  inFlight: InFlight;
  logger: Logger;
}

const EMPTY = Buffer.alloc(0);

/** A /v1 route's handler on plain node objects (the hot path does not go through express). */
export type ProxyHandler = (req: IncomingMessage, res: ServerResponse, path: string, search: string) => void;

export function proxyRoute(endpoint: Endpoint, dialect: Dialect, deps: ProxyRouteDeps): ProxyHandler {
  return (req, res, path, search) => {
    deps.inFlight.begin();
    handle(endpoint, dialect, deps, req, res, path, search).finally(() => deps.inFlight.end());
  };
}

interface Parsed {
  identity: IdentityMatch;
  body: Record<string, unknown>;
  raw: Buffer;
  stream: boolean;
  model: ResolvedModel | null;
}

/** What is known about a request as parsing goes on, so a refusal's trace still names who asked for what. */
interface Seen {
  identity: IdentityMatch | null;
  model: string | null;
  raw: Buffer;
}

async function parse(endpoint: Endpoint, deps: ProxyRouteDeps, req: IncomingMessage, seen: Seen): Promise<Parsed> {
  // identity first: a request refused at the door is still credited to the client that sent it
  const identity = resolveIdentity(req.headers, deps.config.identity);
  seen.identity = identity;
  const closed = deps.gate();
  if (closed) throw closed;
  if (!hasValidKey(req.headers, deps.checkKey)) {
    // the model it asked for still belongs in the log (a client with a stale key is a misconfigured
    // client, not an anonymous one); the body itself is not kept
    if (endpoint !== 'models') seen.model = await requestedModel(req, deps.config.switchboard.bodyLimitBytes);
    throw new GatewayError('AUTH_INVALID_KEY', 'Invalid or missing API key: send the Switchboard key as Authorization: Bearer <key> or x-api-key');
  }
  if (endpoint === 'models') return { identity, body: {}, raw: EMPTY, stream: false, model: null };
  const raw = await readBody(req, deps.config.switchboard.bodyLimitBytes);
  seen.raw = raw;
  const body = parseJsonObject(raw);
  const name = body.model;
  if (typeof name !== 'string' || name.trim() === '') throw new GatewayError('MISSING_MODEL', 'Missing required field: model');
  seen.model = name.slice(0, 200);
  // LiteLLM fans a comma list out to every named model (route_llm_request.py), and a `claude-*` wildcard
  // would let such a name through to it: one model per request, in both modes
  if (name.includes(',')) throw new GatewayError('INVALID_REQUEST', `model must name one model; "${name.slice(0, 200)}" contains a comma`);
  if (!Array.isArray(body.messages)) throw new GatewayError('MISSING_MESSAGES', 'Missing required field: messages (an array)');
  const found = findModel(deps.config.models, name);
  if (!found) {
    const near = closestModelNames(deps.config.models, name, 3);
    const hint = unknownModelHint(deps.config, near);
    throw new GatewayError('UNKNOWN_MODEL', `Model ${name} is not configured.${hint}`);
  }
  const model: ResolvedModel = { config: found.config, requestedName: name, providerModel: found.providerModel };
  const stream = endpoint !== 'messages.count_tokens' && body.stream === true;
  return { identity, body, raw, stream, model };
}

async function handle(
  endpoint: Endpoint,
  dialect: Dialect,
  deps: ProxyRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: string,
): Promise<void> {
  const id = deps.newId();
  const startTrace = (identity: IdentityMatch, stream: boolean, model: string | null, backend: Backend): RequestTrace =>
    deps.tracker.start({
      id, method: req.method ?? 'POST', path, endpoint, dialect, stream, identity, backend: backend.kind,
      bytesIn: Number(req.headers['content-length'] ?? 0) || 0, model,
    });
  let trace: RequestTrace | null = null;
  let reply: ClientReply | null = null;
  const seen: Seen = { identity: null, model: null, raw: EMPTY };
  try {
    const parsed = await parse(endpoint, deps, req, seen);
    const backend = deps.backend();
    trace = startTrace(parsed.identity, parsed.stream, parsed.model?.requestedName ?? null, backend);
    if (parsed.raw.length > 0) trace.captureRequest(req.headers, parsed.raw, req.headers['content-type'] ?? null);
    const abort = new RequestAbort();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const request: ProxyRequest = {
      id, endpoint, dialect, body: parsed.body, rawBody: parsed.raw, stream: parsed.stream, model: parsed.model,
      identity: parsed.identity, headers: req.headers, search, signal: abort, trace,
    };
    reply = createClientReply(res, trace);
    await backend.handle(request, reply);
    trace.finish();
  } catch (caught) {
    const error = toGatewayError(caught);
    if (error.code === 'INTERNAL') deps.logger.error({ err: caught, requestId: id }, 'request failed');
    if (!trace) {
      trace = startTrace(seen.identity ?? fallbackIdentity(req, deps.config), false, seen.model, deps.backend());
      // a refused request's headers (redacted when viewed) are what the user needs to see why
      trace.captureRequest(req.headers, seen.raw, req.headers['content-type'] ?? null);
    }
    reply ??= createClientReply(res, trace);
    // once the head went out, the client saw that status; the trace must keep it
    const alreadyAnswered = reply.started;
    replyError(reply, error, dialect);
    trace.fail(error, alreadyAnswered ? undefined : error.status);
  }
}

/** The `model` of a JSON body, or null when there is none (bounded like any body; errors are not the point here). */
async function requestedModel(req: IncomingMessage, limit: number): Promise<string | null> {
  try {
    const model = parseJsonObject(await readBody(req, limit)).model;
    return typeof model === 'string' ? model.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** "Closest configured: …", else the configured names (or that there are none), so a 404 names the real cause. */
function unknownModelHint(config: GatewayConfig, near: string[]): string {
  if (near.length > 0) return ` Closest configured: ${near.join(', ')}.`;
  const names = [...new Set(config.models.map((m) => m.modelName))];
  if (names.length === 0) return ' No models are configured.';
  const shown = names.slice(0, 8).join(', ');
  return ` Configured: ${shown}${names.length > 8 ? ` and ${names.length - 8} more` : ''}.`;
}

/** The default identity, for the trace of a request whose identity could not be resolved (an invalid identity header). */
function fallbackIdentity(req: IncomingMessage, config: GatewayConfig): IdentityMatch {
  const userAgent = req.headers['user-agent'] ?? '';
  return {
    userId: config.identity.defaultUserId,
    source: 'default',
    matchedPattern: null,
    customHeaderPresent: req.headers[config.identity.customHeader] !== undefined,
    clientApp: describeClientApp(userAgent),
    userAgent,
  };
}
