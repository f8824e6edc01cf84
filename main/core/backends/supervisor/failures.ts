// Why a child that never became ready went away, and the GatewayError a user can act on for each case.
import { GatewayError } from '../../../../shared/errors';

export type EarlyExitKind = 'port-conflict' | 'missing-extras' | 'config-rejected' | 'crash';

// uvicorn: "[Errno 98] … address already in use" (Linux), Errno 48 (macOS), WSAEADDRINUSE 10048 (Windows)
const PORT_IN_USE = /address already in use|EADDRINUSE|Errno (98|48|10048)\b|only one usage of each socket address/i;
// `pip install litellm` without the [proxy] extra: the CLI starts, then fails importing uvicorn/fastapi…
const MISSING_EXTRAS = /ModuleNotFoundError|No module named|ImportError|litellm\[proxy\]/i;
const STARTUP_FAILED = /Application startup failed/;
const CONFIG_WORD = /config|yaml|model_list|litellm_params|general_settings|litellm_settings|router_settings|os\.environ|ValidationError/i;
const ERROR_WORD = /error|exception|invalid|failed|not set|missing|unable|cannot/i;

/** Classifies the output of a child that exited before it answered the readiness probe. */
export function classifyEarlyExit(lines: string[], exitCode: number | null = null): EarlyExitKind {
  if (lines.some((l) => PORT_IN_USE.test(l))) return 'port-conflict';
  // uvicorn exits 3 after "Application startup failed" (an exception in LiteLLM's start-up hook, e.g. a
  // database it cannot reach): the same config fails the same way again, so it is no crash to restart
  if (exitCode === 3 || lines.some((l) => STARTUP_FAILED.test(l))) return 'config-rejected';
  if (lines.some((l) => MISSING_EXTRAS.test(l))) return 'missing-extras';
  if (lines.some((l) => CONFIG_WORD.test(l) && ERROR_WORD.test(l))) return 'config-rejected';
  return 'crash';
}

/** The lines that explain a failure: error-looking ones, else the last few. */
export function relevantLines(lines: string[], max = 6): string[] {
  const errors = lines.filter((l) => ERROR_WORD.test(l) || PORT_IN_USE.test(l) || MISSING_EXTRAS.test(l) || STARTUP_FAILED.test(l));
  return (errors.length > 0 ? errors : lines).slice(-max).map((l) => clip(l.trim()));
}

function quote(lines: string[]): string {
  const picked = relevantLines(lines);
  return picked.length > 0 ? ` Its output: ${picked.join(' | ')}` : ' It printed nothing.';
}

export function installHint(pinnedVersion: string): string {
  return (
    `Install it with: pip install 'litellm[proxy]==${pinnedVersion}' — pin that version: LiteLLM's proxy ` +
    `changes between releases and Switchboard is tested against ${pinnedVersion}.`
  );
}

export function notFoundError(command: string, pinnedVersion: string, cause: NodeJS.ErrnoException): GatewayError {
  const why = cause.code === 'EACCES' ? 'is not executable' : 'was not found (nor its interpreter)';
  return new GatewayError(
    'BINARY_NOT_FOUND',
    `Cannot start the legacy LiteLLM backend: the command "${command}" ${why} (${cause.code ?? cause.message}). ` +
      `${installHint(pinnedVersion)} If it is installed elsewhere, set switchboard.binary.command to its full path.`,
    { cause },
  );
}

export function missingExtrasError(command: string, pinnedVersion: string, lines: string[]): GatewayError {
  return new GatewayError(
    'BINARY_NOT_FOUND',
    `"${command}" is installed without the LiteLLM proxy extras and exited at start. ${installHint(pinnedVersion)}${quote(lines)}`,
  );
}

export function portConflictError(host: string, ports: number[], lines: string[]): GatewayError {
  return new GatewayError(
    'BINARY_PORT_CONFLICT',
    `LiteLLM could not listen on ${host}:${ports.join(', then ')}: the port was already in use. ` +
      `Stop the other process using it or set switchboard.binary.port to a free one.${quote(lines)}`,
  );
}

export function configRejectedError(exit: string, configFile: string, logFile: string, lines: string[]): GatewayError {
  return new GatewayError(
    'BINARY_CONFIG_REJECTED',
    `LiteLLM rejected its config and ${exit}. The file ${configFile} is generated from the LiteLLM sections of ` +
      `your config (model_list, litellm_settings, general_settings, …): fix them there. Full output: ${logFile}.${quote(lines)}`,
  );
}

export function portMovedError(host: string, asked: number, actual: number): GatewayError {
  return new GatewayError(
    'BINARY_PORT_CONFLICT',
    `LiteLLM was asked to listen on ${host}:${asked} but says it runs on port ${actual}, so Switchboard stopped it. ` +
      `Remove any --port from switchboard.binary.args and the PORT environment variable.`,
  );
}

export function readyTimeoutError(host: string, port: number, timeoutMs: number, logFile: string, lines: string[]): GatewayError {
  return new GatewayError(
    'BINARY_READY_TIMEOUT',
    `LiteLLM did not answer GET /health/liveliness on ${host}:${port} within ${timeoutMs} ms, so it was stopped. ` +
      `If it is just slow to start, raise switchboard.binary.ready_timeout_ms; otherwise see ${logFile}.${quote(lines)}`,
  );
}

export function crashLoopError(crashes: number, windowMs: number, lastExit: string, lines: string[]): GatewayError {
  return new GatewayError(
    'BINARY_CRASH_LOOP',
    `LiteLLM crashed ${crashes} times within ${Math.round(windowMs / 1000)} s (last time it ${lastExit}); ` +
      `Switchboard stopped restarting it.${quote(lines)}`,
  );
}

export function cancelledError(): GatewayError {
  return new GatewayError('BACKEND_UNAVAILABLE', 'LiteLLM start was cancelled: the backend was stopped before it became ready.');
}

function clip(line: string): string {
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
