// One error vocabulary for the whole product: a code maps to a status and the error types of both
// dialects. The core renders a GatewayError in the caller's dialect; the dashboard shows `code`.
import type { Dialect } from './protocol/records';

export interface ErrorSpec {
  status: number;
  /** OpenAI `error.type` */
  openai: string;
  /** Anthropic `error.type` */
  anthropic: string;
  summary: string;
}

export const ERROR_CATALOG = {
  AUTH_INVALID_KEY: { status: 401, openai: 'authentication_error', anthropic: 'authentication_error', summary: 'Missing or wrong API key' },
  ADMIN_UNAUTHORIZED: { status: 401, openai: 'authentication_error', anthropic: 'authentication_error', summary: 'Missing or wrong admin token' },
  FORBIDDEN_HOST: { status: 403, openai: 'permission_error', anthropic: 'permission_error', summary: 'Host header not allowed' },
  BAD_JSON: { status: 400, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Body is not valid JSON' },
  MISSING_MODEL: { status: 400, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Missing model' },
  MISSING_MESSAGES: { status: 400, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Missing messages' },
  INVALID_REQUEST: { status: 400, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Invalid request' },
  INVALID_IDENTITY: { status: 400, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Invalid identity header' },
  UNKNOWN_MODEL: { status: 404, openai: 'invalid_request_error', anthropic: 'not_found_error', summary: 'Unknown model' },
  NOT_FOUND: { status: 404, openai: 'invalid_request_error', anthropic: 'not_found_error', summary: 'No such route' },
  BODY_TOO_LARGE: { status: 413, openai: 'invalid_request_error', anthropic: 'request_too_large', summary: 'Body over the limit' },
  MODEL_MISCONFIGURED: { status: 500, openai: 'server_error', anthropic: 'api_error', summary: 'Model not usable with the current configuration' },
  UPSTREAM_ERROR: { status: 502, openai: 'server_error', anthropic: 'api_error', summary: 'Upstream answered with an error' },
  UPSTREAM_UNREACHABLE: { status: 502, openai: 'server_error', anthropic: 'api_error', summary: 'Upstream unreachable' },
  UPSTREAM_TIMEOUT: { status: 504, openai: 'server_error', anthropic: 'api_error', summary: 'Upstream timed out' },
  UPSTREAM_BAD_ENCODING: { status: 502, openai: 'server_error', anthropic: 'api_error', summary: 'Upstream body in an encoding that cannot be decoded' },
  STREAM_INTERRUPTED: { status: 502, openai: 'server_error', anthropic: 'api_error', summary: 'Upstream stream ended abnormally' },
  STREAM_EVENT_TOO_LARGE: { status: 502, openai: 'server_error', anthropic: 'api_error', summary: 'Upstream stream event over the size limit' },
  CLIENT_CLOSED: { status: 499, openai: 'server_error', anthropic: 'api_error', summary: 'Client closed the connection' },
  BACKEND_UNAVAILABLE: { status: 503, openai: 'server_error', anthropic: 'overloaded_error', summary: 'Backend not ready' },
  GATEWAY_PAUSED: { status: 503, openai: 'server_error', anthropic: 'overloaded_error', summary: 'Gateway paused' },
  SHUTTING_DOWN: { status: 503, openai: 'server_error', anthropic: 'overloaded_error', summary: 'Gateway shutting down' },
  MODE_SWITCH_FAILED: { status: 409, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Mode switch failed' },
  MODE_SWITCH_BUSY: { status: 409, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'A mode switch is already under way' },
  NO_PREVIOUS_MODE: { status: 409, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Nothing to roll back to' },
  VALIDATION_BUSY: { status: 409, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'A validation run is already under way' },
  LIVE_NOT_CONFIRMED: { status: 400, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'A live validation costs tokens and was not confirmed' },
  CUTOVER_NOT_READY: { status: 409, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'No passing post/all validation run yet' },
  REPLAY_NOT_CONFIRMED: { status: 400, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'A replay costs tokens and was not confirmed' },
  REPLAY_NOT_CAPTURED: { status: 409, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'Request not captured whole; cannot replay' },
  BINARY_NOT_FOUND: { status: 503, openai: 'server_error', anthropic: 'api_error', summary: 'LiteLLM command not found' },
  BINARY_PORT_CONFLICT: { status: 503, openai: 'server_error', anthropic: 'api_error', summary: 'LiteLLM port in use' },
  BINARY_CONFIG_REJECTED: { status: 503, openai: 'server_error', anthropic: 'api_error', summary: 'LiteLLM rejected its config' },
  BINARY_READY_TIMEOUT: { status: 503, openai: 'server_error', anthropic: 'api_error', summary: 'LiteLLM did not become ready in time' },
  BINARY_VERSION_UNSUPPORTED: { status: 503, openai: 'server_error', anthropic: 'api_error', summary: 'LiteLLM version too old' },
  BINARY_CRASH_LOOP: { status: 503, openai: 'server_error', anthropic: 'api_error', summary: 'LiteLLM keeps crashing' },
  PORT_IN_USE: { status: 500, openai: 'server_error', anthropic: 'api_error', summary: 'Port already in use' },
  PORT_FORBIDDEN: { status: 500, openai: 'server_error', anthropic: 'api_error', summary: 'Not allowed to listen on this port' },
  CONFIG_INVALID: { status: 500, openai: 'server_error', anthropic: 'api_error', summary: 'The config file has errors' },
  CONFIG_NOT_WRITABLE: { status: 409, openai: 'invalid_request_error', anthropic: 'invalid_request_error', summary: 'The config file cannot be changed' },
  DATA_NOT_WRITABLE: { status: 500, openai: 'server_error', anthropic: 'api_error', summary: 'A data file could not be written' },
  NOT_STARTED: { status: 503, openai: 'server_error', anthropic: 'api_error', summary: 'Gateway not started' },
  INTERNAL: { status: 500, openai: 'server_error', anthropic: 'api_error', summary: 'Internal error' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface GatewayErrorOptions {
  /** overrides the catalog status (upstream errors keep the upstream's status) */
  status?: number;
  /** overrides the catalog's error type per dialect (upstream errors keep the upstream's type) */
  types?: Partial<Record<Dialect, string>>;
  /** headers to send with the error, e.g. Retry-After */
  headers?: Record<string, string>;
  cause?: unknown;
}

export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly types: Record<Dialect, string>;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    const spec: ErrorSpec = ERROR_CATALOG[code];
    this.code = code;
    this.status = options.status ?? spec.status;
    this.types = {
      openai: options.types?.openai ?? spec.openai,
      anthropic: options.types?.anthropic ?? spec.anthropic,
    };
    this.headers = options.headers ?? {};
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

export function renderErrorBody(error: GatewayError, dialect: Dialect): OpenAIErrorBody | AnthropicErrorBody {
  if (dialect === 'anthropic') {
    return { type: 'error', error: { type: error.types.anthropic, message: error.message } };
  }
  return { error: { message: error.message, type: error.types.openai, code: error.code.toLowerCase(), param: null } };
}
