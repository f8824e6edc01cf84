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

/** Never forwarded: hop-by-hop, framing, the client's credentials and cookies, and identity headers we set. */
const DROPPED = new Set([
  'host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'content-length', 'accept-encoding', 'expect', 'authorization', 'proxy-authorization', 'x-api-key', 'cookie',
  IDENTITY_HEADER, SUPERMEMORY_KEY_HEADER,
]);

export interface ChildRequest {
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: Buffer | string | null;
}

export function childRequest(request: ProxyRequest, token: string, customHeader: string, supermemoryApiKey: string | null): ChildRequest {
  const headers = forwardableHeaders(request.headers, customHeader);
  headers.authorization = `Bearer ${token}`;
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
