// Where a request goes and with which headers, per provider dialect and endpoint.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dialect, Endpoint } from '../../../../shared/protocol/records';
import type { ModelConfig } from '../../config/types';
import { apiBaseHost } from '../../providers/api-base-host';
import {
  anthropicAuthHeaders,
  baseUpstreamHeaders,
  openaiAuthHeaders,
} from '../../providers/upstream-headers';

export interface UpstreamTarget {
  url: string;
  host: string;
  headers: Record<string, string>;
}

export interface TargetInput {
  model: ModelConfig;
  endpoint: Endpoint;
  identity: string;
  stream: boolean;
  userAgent: string;
  supermemoryApiKey: string | null;
  /** the client's headers when it speaks the provider's dialect (anthropic-version/-beta pass through) */
  clientHeaders: IncomingHttpHeaders | null;
  /** the client's query string, forwarded to Anthropic in pass-through (`?beta=true`) */
  search: string;
}

const ANTHROPIC_PATHS: Partial<Record<Endpoint, string>> = {
  messages: '/v1/messages',
  'messages.count_tokens': '/v1/messages/count_tokens',
};

export function upstreamTarget(input: TargetInput): UpstreamTarget {
  const { model } = input;
  const headers = baseUpstreamHeaders({
    model,
    identity: input.identity,
    stream: input.stream,
    userAgent: input.userAgent,
    supermemoryApiKey: input.supermemoryApiKey,
  });
  const dialect: Dialect = model.dialect;
  let url: string;
  if (dialect === 'anthropic') {
    anthropicAuthHeaders(headers, model, input.clientHeaders);
    const path = ANTHROPIC_PATHS[input.endpoint] ?? '/v1/messages';
    url = `${model.apiBase}${path}${input.clientHeaders ? input.search : ''}`;
  } else {
    openaiAuthHeaders(headers, model);
    url = `${model.apiBase}/chat/completions`;
  }
  return { url, host: apiBaseHost(model.apiBase), headers };
}
