// Who is calling: custom header > first matching header pattern > default (the order the memory proxy
// we replace used). Pure: the same function answers real requests, /memory-routing/info and the
// dashboard's "try a User-Agent" box, so they can never disagree.
import { GatewayError } from '../../../shared/errors';
import type { MemoryRoutingInfo } from '../../../shared/protocol/records';
import { isValidIdentity, MAX_IDENTITY_LENGTH } from '../config/identity-value';
import type { IdentityConfig } from '../config/types';
import { describeClientApp } from './client-app';
import type { IdentityMatch } from './identity-types';

type HeaderBag = Record<string, string | string[] | undefined>;

function headerValue(headers: HeaderBag, lowerName: string): string | undefined {
  const value = headers[lowerName];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Resolves the identity for a request's headers (names must be lower-case, as node gives them).
 * Throws GatewayError INVALID_IDENTITY when the custom header carries a value we must not forward.
 */
export function resolveIdentity(headers: HeaderBag, config: IdentityConfig): IdentityMatch {
  const userAgent = headerValue(headers, 'user-agent') ?? '';
  const clientApp = describeClientApp(userAgent);
  const custom = headerValue(headers, config.customHeader);
  if (custom !== undefined) {
    if (!isValidIdentity(custom)) {
      throw new GatewayError(
        'INVALID_IDENTITY',
        `Header ${config.customHeader} must be 1-${MAX_IDENTITY_LENGTH} printable ASCII characters without leading or trailing spaces`,
      );
    }
    return { userId: custom, source: 'custom-header', matchedPattern: null, customHeaderPresent: true, clientApp, userAgent };
  }
  for (const rule of config.patterns) {
    const value = headerValue(headers, rule.header);
    if (value !== undefined && rule.regex.test(value)) {
      return {
        userId: rule.user_id,
        source: 'pattern',
        matchedPattern: { header: rule.header, pattern: rule.pattern, user_id: rule.user_id },
        customHeaderPresent: false,
        clientApp,
        userAgent,
      };
    }
  }
  return { userId: config.defaultUserId, source: 'default', matchedPattern: null, customHeaderPresent: false, clientApp, userAgent };
}

export function toRoutingInfo(match: IdentityMatch): MemoryRoutingInfo {
  return {
    user_id: match.userId,
    matched_pattern: match.matchedPattern,
    custom_header_present: match.customHeaderPresent,
    is_default: match.source === 'default',
  };
}

/** Lower-cases names and drops non-string values, for headers that come from JSON (the admin "try" box). */
export function normalizeHeaders(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
  }
  return out;
}
