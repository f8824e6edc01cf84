// Why the gateway did not start, in the terms the tray and notifications need: a taken port gets a
// one-click fix, a config error names its file and line (ConfigError's message already does), the rest
// is shown as is. Messages come from the core, which never puts secrets in them.

export type StartProblemKind = 'port-in-use' | 'config' | 'other';

export interface StartProblem {
  kind: StartProblemKind;
  message: string;
  /** the port that was taken (port-in-use only) */
  port: number | null;
  /** a free port to offer instead; filled in by the runner after probing */
  suggestedPort: number | null;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

function codeOf(error: ErrorLike): string | null {
  if (typeof error.code === 'string') return error.code;
  const cause = error.cause as ErrorLike | undefined;
  return cause && typeof cause === 'object' && typeof cause.code === 'string' ? cause.code : null;
}

export function classifyStartError(error: unknown, port: number | null): StartProblem {
  const e: ErrorLike = error && typeof error === 'object' ? (error as ErrorLike) : { message: String(error) };
  const message = typeof e.message === 'string' && e.message ? firstLines(e.message) : String(error);
  const code = codeOf(e);
  const causeCode = codeOf({ code: undefined, cause: e.cause });
  if (code === 'EADDRINUSE' || causeCode === 'EADDRINUSE' || (code === 'PORT_IN_USE' && causeCode !== 'EACCES')) {
    return { kind: 'port-in-use', message: port ? `port ${port} is already in use` : message, port, suggestedPort: null };
  }
  if (e.name === 'ConfigError') return { kind: 'config', message, port: null, suggestedPort: null };
  return { kind: 'other', message, port: null, suggestedPort: null };
}

/** Config errors list every problem; the tray's status line shows the first few. */
function firstLines(text: string, max = 3): string {
  const lines = text.split('\n').filter(Boolean);
  return lines.length <= max ? lines.join('\n') : `${lines.slice(0, max).join('\n')}\n(+${lines.length - max} more)`;
}
