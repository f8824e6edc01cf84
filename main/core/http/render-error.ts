// Errors go back in the caller's dialect (OpenAI on chat completions and models, Anthropic on messages).
import { GatewayError, isGatewayError, renderErrorBody } from '../../../shared/errors';
import type { Dialect } from '../../../shared/protocol/records';
import type { ClientReply } from '../backends/client-reply';

export function toGatewayError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new GatewayError('CLIENT_CLOSED', 'Client closed the connection', { cause: error });
  }
  return new GatewayError('INTERNAL', 'Internal gateway error; see the Switchboard log', { cause: error });
}

/** The dialect of an answer the route itself does not decide (404s, a failed start of the cold routes). */
export function dialectOfPath(path: string): Dialect {
  return path.startsWith('/v1/messages') ? 'anthropic' : 'openai';
}

export function replyError(reply: ClientReply, error: GatewayError, dialect: Dialect): void {
  if (reply.started || reply.closed) return;
  const headers: Record<string, string> = { ...error.headers };
  // a 413 answer comes before the body was read: do not let the rest of it arrive as a new request
  if (error.code === 'BODY_TOO_LARGE') headers.connection = 'close';
  reply.json(error.status, renderErrorBody(error, dialect), headers);
}
