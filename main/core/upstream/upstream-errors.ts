// undici and socket failures turned into the product's error vocabulary. Messages name the upstream host
// only: never the path or query (a query can hold a key) and never a header.
import { GatewayError } from '../../../shared/errors';

/** the error's code, looking through AggregateError (happy-eyeballs connects) and `cause` */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCodeOf(errors[0]);
  return cause === undefined ? undefined : errorCodeOf(cause);
}

/** A request that got no response: after retries, or not retryable at all. */
export function requestFailure(error: unknown, host: string, retries: number): GatewayError {
  const code = errorCodeOf(error) ?? 'unknown error';
  const after = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new GatewayError('UPSTREAM_TIMEOUT', `Upstream ${host} did not accept a connection in time${after}`, { cause: error });
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new GatewayError('UPSTREAM_TIMEOUT', `Upstream ${host} sent no response in time`, { cause: error });
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_DESTROYED':
      return new GatewayError('SHUTTING_DOWN', 'Upstream connections are closed: the gateway is shutting down', { cause: error });
    case 'UND_ERR_INVALID_ARG':
    case 'UND_ERR_NOT_SUPPORTED':
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
      return new GatewayError('INTERNAL', `Request to upstream ${host} could not be built (${code})`, { cause: error });
    default:
      return new GatewayError('UPSTREAM_UNREACHABLE', `Upstream ${host} unreachable (${code})${after}`, { cause: error });
  }
}

/** A response body that failed after the answer was handed over. */
export function bodyFailure(error: unknown, host: string): GatewayError {
  const code = errorCodeOf(error) ?? 'unknown error';
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new GatewayError('UPSTREAM_TIMEOUT', `Upstream ${host} went silent in the middle of the response`, { cause: error });
  }
  return new GatewayError('STREAM_INTERRUPTED', `Upstream ${host} response ended abnormally (${code})`, { cause: error });
}
