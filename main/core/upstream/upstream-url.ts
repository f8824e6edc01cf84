// Splits an upstream URL into the origin (pool and concurrency key) and the request path with plain
// string slicing: the origin is validated once per distinct value by the client, not on every request.
import { GatewayError } from '../../../shared/errors';

export interface SplitUrl {
  /** scheme://authority as written, e.g. "https://api.supermemory.ai" */
  rawOrigin: string;
  /** path and query, always starting with "/"; the fragment is dropped */
  path: string;
}

export function splitUpstreamUrl(url: string): SplitUrl {
  const scheme = url.indexOf('://');
  if (scheme <= 0) throw new GatewayError('MODEL_MISCONFIGURED', 'Upstream URL is not a valid absolute URL');
  let end = scheme + 3;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    end++;
  }
  const hash = url.indexOf('#', end);
  const rest = hash < 0 ? url.slice(end) : url.slice(end, hash);
  return { rawOrigin: url.slice(0, end), path: rest === '' ? '/' : rest.charCodeAt(0) === 47 ? rest : `/${rest}` };
}
