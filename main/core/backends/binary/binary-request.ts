// What goes to the LiteLLM child: the client's request with its credentials replaced by the child's
// token and our identity headers injected. The body passes untouched unless it tries to redirect the
// request (LiteLLM honours api_base/api_key in a body; we never let a client use that).
import type { IncomingHttpHeaders } from 'node:http';
import type { Endpoint } from '../../../../shared/protocol/records';
import { IDENTITY_HEADER, SUPERMEMORY_KEY_HEADER } from '../../providers/upstream-headers';
import type { ProxyRequest } from '../backend';
import { stripOverrides } from '../sdk/prepare-body';

const PATHS: Record<Endpoint, string> = {
  'chat.completions': '/v1/chat/completions',
  messages: '/v1/messages',
  'messages.count_tokens': '/v1/messages/count_tokens',
  models: '/v1/models',
};

/**
 * Every header LiteLLM takes a key from. It authenticates with the FIRST one present
 * (proxy/auth/user_api_key_auth.py), so a client's `x-litellm-api-key` would beat the Bearer token we
 * set; a proxy configured with `litellm_key_header_name` reads that one instead (we remove that setting
 * from the child's config). The client's key is ours to check, never LiteLLM's.
 */
export const LITELLM_CREDENTIAL_HEADERS = [
  'x-litellm-api-key', 'authorization', 'api-key', 'x-api-key', 'x-goog-api-key', 'ocp-apim-subscription-key',
] as const;

/** Never forwarded: hop-by-hop, framing, the client's credentials and cookies, and identity headers we set. */
const DROPPED = new Set<string>([
  'host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'content-length', 'accept-encoding', 'expect', 'proxy-authorization', 'cookie',
  ...LITELLM_CREDENTIAL_HEADERS,
  IDENTITY_HEADER, SUPERMEMORY_KEY_HEADER,
]);

export interface ChildRequest {
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: Buffer | string | null;
}

export function childRequest(request: ProxyRequest, token: string | null, customHeader: string, supermemoryApiKey: string | null): ChildRequest {
  const headers = forwardableHeaders(request.headers, customHeader);
  // null: an attached proxy that needs no key
  if (token) headers.authorization = `Bearer ${token}`;
  headers[IDENTITY_HEADER] = request.identity.userId;
  if (request.model?.config.supermemory) {
    const key = request.model.config.extraHeaders[SUPERMEMORY_KEY_HEADER] ?? supermemoryApiKey;
    if (key) headers[SUPERMEMORY_KEY_HEADER] = key;
  }
  const path = PATHS[request.endpoint] + (request.endpoint === 'messages' ? request.search : '');
  if (request.endpoint === 'models') return { path, method: 'GET', headers, body: null };
  let changed = false;
  const body = stripOverrides(request.body, (text) => {
    changed = true;
    request.trace.note(text);
  });
  headers['content-type'] = 'application/json';
  return { path, method: 'POST', headers, body: changed ? JSON.stringify(body) : request.rawBody };
}

function forwardableHeaders(client: IncomingHttpHeaders, customHeader: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(client)) {
    if (value === undefined || DROPPED.has(name) || name === customHeader) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
