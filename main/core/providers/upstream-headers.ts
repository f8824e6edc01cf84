// Headers we send upstream and headers we pass back. Built from scratch for every request: the client's
// own credentials, cookies and identity headers never travel upstream (only what we put there).
import type { IncomingHttpHeaders } from 'node:http';
import { authHeaderFor } from '../config/provider-table';
import type { ModelConfig } from '../config/types';

export const IDENTITY_HEADER = 'x-sm-user-id';
export const SUPERMEMORY_KEY_HEADER = 'x-supermemory-api-key';

/** Client headers that carry protocol meaning and pass through untouched in the same dialect. */
const ANTHROPIC_PASS_THROUGH = ['anthropic-version', 'anthropic-beta'];
export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

export interface UpstreamHeaderInput {
  model: ModelConfig;
  identity: string;
  stream: boolean;
  userAgent: string;
  supermemoryApiKey: string | null;
}

/** Headers every upstream request gets: config extras, then ours (identity last so nothing overrides it). */
export function baseUpstreamHeaders(input: UpstreamHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.model.extraHeaders)) headers[name.toLowerCase()] = value;
  headers['content-type'] = 'application/json';
  headers.accept = input.stream ? 'text/event-stream' : 'application/json';
  headers['user-agent'] = input.userAgent;
  if (input.model.supermemory) {
    const key = headers[SUPERMEMORY_KEY_HEADER] ?? input.supermemoryApiKey;
    if (key) headers[SUPERMEMORY_KEY_HEADER] = key;
  }
  headers[IDENTITY_HEADER] = input.identity;
  return headers;
}

export function anthropicAuthHeaders(
  headers: Record<string, string>,
  model: ModelConfig,
  client: IncomingHttpHeaders | null,
): Record<string, string> {
  putKey(headers, model);
  for (const name of ANTHROPIC_PASS_THROUGH) {
    const value = client?.[name];
    if (typeof value === 'string' && value) headers[name] = value;
  }
  headers['anthropic-version'] ??= DEFAULT_ANTHROPIC_VERSION;
  return headers;
}

export function openaiAuthHeaders(headers: Record<string, string>, model: ModelConfig): Record<string, string> {
  putKey(headers, model);
  return headers;
}

/** The key in the header its provider table row names (config/provider-table.ts). */
function putKey(headers: Record<string, string>, model: ModelConfig): void {
  if (!model.apiKey) return;
  const auth = authHeaderFor(model.providerPrefix, model.dialect);
  headers[auth.name] = `${auth.prefix}${model.apiKey}`;
}

const PASS_BACK_EXACT = new Set(['retry-after', 'retry-after-ms', 'request-id', 'x-request-id', 'x-should-retry']);
const PASS_BACK_PREFIXES = ['anthropic-', 'x-ratelimit-', 'openai-'];

/**
 * Upstream response headers worth handing to the client (rate limits, request ids, retry hints).
 * Never hop-by-hop, length or encoding headers (we re-frame and decode bodies) and never Set-Cookie
 * (cookies belong to the gateway's jar).
 */
export function passBackHeaders(upstream: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  // a for-in and a plain loop: this runs on every answer, and Object.entries plus a closure per header
  // name showed in CPU profiles
  for (const name in upstream) {
    if (!PASS_BACK_EXACT.has(name) && !hasPassBackPrefix(name)) continue;
    const value = upstream[name]!;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function hasPassBackPrefix(name: string): boolean {
  for (let i = 0; i < PASS_BACK_PREFIXES.length; i++) if (name.startsWith(PASS_BACK_PREFIXES[i]!)) return true;
  return false;
}

export function headerString(headers: Record<string, string | string[]>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
