// What the jar knows about its cookies without reading values: which domains hold any (for the cheap
// "no cookie for this host" test), when the next one expires, and the per-domain summary the dashboard
// shows. Rebuilt after every change, which is rare next to the number of requests that read it.
import type { Cookie } from 'tough-cookie';
import type { CookieDomain, CookieInfo } from '../../../shared/protocol/records';

export interface CookieIndex {
  count: number;
  /** distinct cookie domains (no leading dot) */
  domains: string[];
  /** epoch ms when the first cookie expires; Infinity when none does */
  nextExpiry: number;
  summary: CookieDomain[];
  values: string[];
}

export const EMPTY_COOKIE_INDEX: CookieIndex = { count: 0, domains: [], nextExpiry: Infinity, summary: [], values: [] };

/** epoch ms, or null for a session cookie; -Infinity for "already expired" */
export function expiryOf(cookie: Cookie): number | null {
  const at = cookie.expiryTime();
  return at === undefined || at === Infinity ? null : at;
}

/**
 * tough-cookie measures Max-Age from `lastAccessed`, which it moves on every read, so a Max-Age cookie
 * would never expire while in use. Pin it to an absolute expiry from the moment it was received (what
 * RFC 6265 5.2.2 says), which also makes the saved file mean the same thing after a restart.
 */
export function pinExpiry(cookie: Cookie, receivedAt: number): void {
  const maxAge = cookie.maxAge;
  if (maxAge === null || maxAge === undefined || maxAge === 'Infinity') return;
  const seconds = maxAge === '-Infinity' ? -1 : maxAge;
  cookie.expires = new Date(seconds <= 0 ? 0 : receivedAt + seconds * 1000);
  cookie.maxAge = null;
}

export function buildCookieIndex(cookies: readonly Cookie[], lastUpdated: ReadonlyMap<string, number>): CookieIndex {
  if (cookies.length === 0) return EMPTY_COOKIE_INDEX;
  const byDomain = new Map<string, CookieInfo[]>();
  const values: string[] = [];
  let nextExpiry = Infinity;
  for (const cookie of cookies) {
    const domain = cookie.domain ?? '';
    const expires = expiryOf(cookie);
    if (expires !== null && expires < nextExpiry) nextExpiry = expires;
    values.push(cookie.value);
    let list = byDomain.get(domain);
    if (!list) byDomain.set(domain, (list = []));
    list.push({
      name: cookie.key,
      domain,
      path: cookie.path ?? '/',
      expires,
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
    });
  }
  const domains = [...byDomain.keys()].sort();
  const summary: CookieDomain[] = domains.map((domain) => {
    const list = (byDomain.get(domain) ?? []).sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
    return { domain, count: list.length, cookies: list, lastUpdated: lastUpdated.get(domain) ?? null };
  });
  return { count: cookies.length, domains, nextExpiry, summary, values };
}

/** the cookie domains `domain` covers: itself and its subdomains */
export function coversDomain(domain: string, candidate: string): boolean {
  return candidate === domain || candidate.endsWith(`.${domain}`);
}
