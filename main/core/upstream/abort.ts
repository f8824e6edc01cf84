// The one error a caller sees when its own signal stopped the request, wherever that happened (queued
// for a slot, waiting to retry, connecting, streaming). Shaped like the platform's AbortError so code
// that already checks `name === 'AbortError'` keeps working.

export class UpstreamAbortError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'ABORT_ERR';

  constructor(cause?: unknown) {
    super('The upstream request was aborted by the caller', cause === undefined ? undefined : { cause });
  }
}

/** true for our abort error, the platform's AbortError and undici's request-aborted error */
export function isAbortError(value: unknown): boolean {
  if (!(value instanceof Error)) return false;
  const code = (value as { code?: unknown }).code;
  return value.name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED';
}
