// The seam between the front server and whatever does the provider work. The front server has already
// authenticated, parsed, resolved the identity and the model; a backend only forwards and answers.
import type { IncomingHttpHeaders } from 'node:http';
import type { BackendState, Dialect, Endpoint, Mode } from '../../../shared/protocol/records';
import type { ModelConfig } from '../config/types';
import type { IdentityMatch } from '../clients/identity-types';
import type { ClientReply } from './client-reply';
import type { RequestAbort } from '../upstream/abort';
import type { RequestTrace } from '../events/request-trace';

export interface ResolvedModel {
  config: ModelConfig;
  /** the name the client sent */
  requestedName: string;
  /** model id for the upstream, wildcard substituted */
  providerModel: string;
}

export interface ProxyRequest {
  id: string;
  endpoint: Endpoint;
  dialect: Dialect;
  /** parsed JSON body ({} for GET routes) */
  body: Record<string, unknown>;
  /** the bytes the client sent; forwarded as-is when nothing had to change */
  rawBody: Buffer;
  stream: boolean;
  /** null only for `models` */
  model: ResolvedModel | null;
  identity: IdentityMatch;
  /** client headers as received (lower-case names); backends pick what they forward */
  headers: IncomingHttpHeaders;
  /** query string including `?`, or '' (Claude Code sends `?beta=true`) */
  search: string;
  /** aborted when the client goes away or the gateway shuts down hard */
  signal: RequestAbort;
  trace: RequestTrace;
}

export interface Backend {
  readonly kind: Mode;
  /** Make ready to serve (the binary backend starts its child and waits for readiness). */
  start(): Promise<void>;
  /** Stop after in-flight requests finish, waiting at most `graceMs`. */
  stop(graceMs: number): Promise<void>;
  /**
   * Serve one request. Throw a GatewayError before anything is written and the front server renders it
   * in the caller's dialect; once the reply has started, the backend ends it itself (error event in the
   * caller's dialect for streams).
   */
  handle(request: ProxyRequest, reply: ClientReply): Promise<void>;
  state(): BackendState;
  inFlight(): number;
}
