// The process logger (pino, JSON lines). Two layers keep secrets out: pino's path redaction for the
// places a key is known to sit (header bags, config-ish objects), and a `scrub` hook on every finished
// line that replaces any known secret value wherever it ended up (an error message echoing a key, a
// nested object deeper than the redaction paths reach).
import { pino, type DestinationStream, type Logger } from 'pino';
import { REDACTED, SECRET_HEADERS } from '../../../shared/redact';
import { cachedSecretForms, scrubText } from './redaction';

export type { Logger } from 'pino';

const HEADER_BAGS = ['headers', 'req.headers', 'res.headers', 'request.headers', 'response.headers', 'upstreamHeaders', '*.headers'];
const SECRET_KEYS = [
  'apiKey',
  'api_key',
  'masterKey',
  'master_key',
  'adminToken',
  'admin_token',
  'supermemoryApiKey',
  'token',
  'password',
  'secret',
  'cookies',
];

/** Paths pino censors. Wildcards reach one level only, hence the explicit bags. */
export const REDACT_PATHS: readonly string[] = [
  ...HEADER_BAGS.flatMap((bag) => SECRET_HEADERS.map((name) => `${bag}["${name}"]`)),
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
];

export interface LoggerOptions {
  level: string;
  /** a stream (tests capture output) or a file descriptor; default stdout */
  destination?: NodeJS.WritableStream | number;
  /** current secret values (master key, provider keys, Supermemory key, cookie values) */
  secrets?: () => string[];
}

function toDestination(destination: LoggerOptions['destination']): DestinationStream {
  if (destination === undefined) return pino.destination(1);
  if (typeof destination === 'number') return pino.destination(destination);
  return destination as unknown as DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const forms = options.secrets ? cachedSecretForms(options.secrets) : null;
  return pino(
    {
      level: options.level,
      name: 'switchboard',
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      hooks: forms
        ? {
            // runs on the serialized line, so it sees message text, error stacks and nested values alike
            streamWrite: (line) => scrubText(line, forms()),
          }
        : {},
    },
    toDestination(options.destination),
  );
}
