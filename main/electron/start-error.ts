// Why the gateway did not start, told by the code of the one error vocabulary (shared/errors.ts): a taken
// port (PORT_IN_USE) gets a one-click fix, a config error (CONFIG_INVALID) names its file and line
// (ConfigError's message already does), the rest is shown as is. Messages come from the core, which never
// puts secrets in them.
import { ERROR_CATALOG, type ErrorCode } from '../../shared/errors';

export interface StartProblem {
  code: ErrorCode;
  message: string;
  /** the port that was taken (PORT_IN_USE only) */
  port: number | null;
  /** a free port to offer instead; filled in by the runner after probing */
  suggestedPort: number | null;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOG, value);
}

/** The catalog code of an error, or of the Node error it wraps (a bind that failed outside bindServer). */
function catalogCode(error: ErrorLike): ErrorCode {
  if (isErrorCode(error.code)) return error.code;
  const cause = error.cause && typeof error.cause === 'object' ? (error.cause as ErrorLike) : {};
  if (error.code === 'EADDRINUSE' || cause.code === 'EADDRINUSE') return 'PORT_IN_USE';
  if (error.code === 'EACCES' || cause.code === 'EACCES') return 'PORT_FORBIDDEN';
  return 'INTERNAL';
}

export function classifyStartError(error: unknown, port: number | null): StartProblem {
  const e: ErrorLike = error && typeof error === 'object' ? (error as ErrorLike) : { message: String(error) };
  const message = typeof e.message === 'string' && e.message ? firstLines(e.message) : String(error);
  const code = catalogCode(e);
  if (code === 'PORT_IN_USE') {
    return { code, message: port ? `port ${port} is already in use` : message, port, suggestedPort: null };
  }
  return { code, message, port: null, suggestedPort: null };
}

/** Config errors list every problem; the tray's status line shows the first few. */
function firstLines(text: string, max = 3): string {
  const lines = text.split('\n').filter(Boolean);
  return lines.length <= max ? lines.join('\n') : `${lines.slice(0, max).join('\n')}\n(+${lines.length - max} more)`;
}
