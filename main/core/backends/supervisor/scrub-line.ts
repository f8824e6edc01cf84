import { REDACTED, scrubSecrets } from '../../../../shared/redact';

// Known secrets are replaced exactly (shared/redact). LiteLLM at debug level also prints keys we may not
// know (a key typed into the YAML, a client's header), so bearer tokens and `sk-…` style keys are masked
// by shape as a second line of defence.
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;
const KEY_SHAPED = /\b(sk|sm|pk|rk)-[A-Za-z0-9_-]{16,}/g;

export function scrubLine(line: string, secrets: Iterable<string>): string {
  return scrubSecrets(line, secrets).replace(BEARER, `$1${REDACTED}`).replace(KEY_SHAPED, REDACTED);
}
