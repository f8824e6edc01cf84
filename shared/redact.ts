// Redaction at the boundary: anything that leaves the core (logs, events, snapshots, the dashboard)
// passes through here first. Pure; the core injects the fingerprint function (it has node:crypto).

export const REDACTED = '[redacted]';

/** Headers that always carry a credential or cookie. */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-supermemory-api-key',
  'cookie',
  'set-cookie',
  'x-admin-token',
];

const SECRET_HEADER_NAMES = new Set(SECRET_HEADERS);

const SECRET_NAME_PATTERN = /(key|token|secret|password|passwd|auth|cookie|session|credential|signature)/i;

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADER_NAMES.has(lower) || SECRET_NAME_PATTERN.test(lower);
}

export type Fingerprint = (secret: string) => string;

type HeaderValue = string | string[] | number | undefined | null;

/**
 * Returns a copy with secret values replaced. With a fingerprint function the replacement says which key
 * it was (`Bearer [redacted] fp:1a2b3c4d`) without revealing it; cookie headers keep only the cookie names.
 */
export function redactHeaders(
  headers: Record<string, HeaderValue> | Iterable<[string, HeaderValue]>,
  fingerprint?: Fingerprint,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Iterable<[string, HeaderValue]> = isIterable(headers) ? headers : Object.entries(headers);
  for (const [rawName, rawValue] of entries) {
    if (rawValue === undefined || rawValue === null) continue;
    const name = rawName.toLowerCase();
    const value = Array.isArray(rawValue) ? rawValue.join(name === 'set-cookie' ? '\n' : ', ') : String(rawValue);
    out[name] = isSecretHeader(name) ? redactValue(name, value, fingerprint) : value;
  }
  return out;
}

function redactValue(name: string, value: string, fingerprint?: Fingerprint): string {
  if (name === 'cookie') return cookieNames(value.split(';').map((part) => part.split('=')[0] ?? ''));
  if (name === 'set-cookie') return cookieNames(value.split('\n').map((line) => line.split('=')[0] ?? ''));
  const secret = value.replace(/^(Bearer|Basic)\s+/i, '');
  const scheme = secret === value ? '' : `${value.slice(0, value.length - secret.length).trim()} `;
  return fingerprint && secret ? `${scheme}${REDACTED} fp:${fingerprint(secret)}` : `${scheme}${REDACTED}`;
}

function cookieNames(names: string[]): string {
  const kept = names.map((n) => n.trim()).filter(Boolean);
  return `${REDACTED} (${kept.length} cookie${kept.length === 1 ? '' : 's'}: ${kept.join(', ')})`;
}

function isIterable(value: unknown): value is Iterable<[string, HeaderValue]> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

/**
 * Replaces every occurrence of a known secret in free text (upstream error messages can echo a key).
 * Secrets shorter than 8 characters are ignored: replacing them would mangle ordinary text.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
