// Constant-time key checks for the master key (/v1) and the admin token (/admin).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type KeyCheck = (presented: string | null) => boolean;

export function keyChecker(expected: string): KeyCheck {
  const wanted = Buffer.from(expected, 'utf8');
  return (presented) => {
    if (!presented) return false;
    const given = Buffer.from(presented, 'utf8');
    // only the length can leak (a generated key's length is no secret); the bytes compare in constant time
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  };
}

/**
 * true when the client presented the key as `Authorization: Bearer <key>` or `x-api-key: <key>`
 * (Claude Code uses either, depending on ANTHROPIC_AUTH_TOKEN vs ANTHROPIC_API_KEY).
 */
export function hasValidKey(headers: IncomingHttpHeaders, check: KeyCheck): boolean {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && check(apiKey.trim())) return true;
  return check(bearerToken(headers));
}

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const auth = headers.authorization;
  if (typeof auth !== 'string') return null;
  const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
  return match?.[1]?.trim() ?? null;
}
