// host[:port] of a model's api_base, for traces, the dashboard and error messages. Memoised: the answer
// for a configured base never changes and the request path asks for it on every request.
const hosts = new Map<string, string>();

export function apiBaseHost(base: string): string {
  let host = hosts.get(base);
  if (host === undefined) {
    try {
      host = new URL(base).host;
    } catch {
      host = base;
    }
    // bounded by the config's bases in practice; guard against a caller passing arbitrary strings
    if (hosts.size > 1024) hosts.clear();
    hosts.set(base, host);
  }
  return host;
}
