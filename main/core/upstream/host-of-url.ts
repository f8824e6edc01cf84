// The lower-case host name of an absolute http(s) URL without building a URL object: the cookie jar asks
// on every upstream request, and most of the time the answer only decides "no cookies here, skip".

/** "https://user@API.example.com:8443/v3?x" -> "api.example.com"; "[::1]" stays bracketless "::1". */
export function hostOfUrl(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return '';
  const start = scheme + 3;
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    end++;
  }
  let authorityStart = start;
  const at = url.lastIndexOf('@', end - 1);
  if (at >= start) authorityStart = at + 1;
  if (url.charCodeAt(authorityStart) === 91 /* [ */) {
    const close = url.indexOf(']', authorityStart);
    return url.slice(authorityStart + 1, close < 0 ? end : close).toLowerCase();
  }
  const colon = url.indexOf(':', authorityStart);
  const hostEnd = colon >= 0 && colon < end ? colon : end;
  return lowerAscii(url.slice(authorityStart, hostEnd));
}

/** true when `host` is `domain` or a subdomain of it (cookie domain-match, RFC 6265 5.1.3) */
export function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  const offset = host.length - domain.length;
  return offset > 0 && host.charCodeAt(offset - 1) === 46 /* . */ && host.endsWith(domain);
}

function lowerAscii(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return text.toLowerCase();
  }
  return text;
}
