// One upstream call with the trace kept informed (what we sent, queueing, retries, the answer's head).
import type { UpstreamClient, UpstreamResponse } from '../../upstream/types';
import type { ProxyRequest } from '../backend';
import type { UpstreamTarget } from './upstream-target';

export async function callUpstream(
  upstream: UpstreamClient,
  request: ProxyRequest,
  target: UpstreamTarget,
  payload: Buffer | string,
): Promise<UpstreamResponse> {
  const { trace } = request;
  const response = await upstream.request({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: payload,
    signal: request.signal,
    onRetry: (info) => trace.retry(info),
    onDispatch: () => trace.dispatched(),
    onSend: (headers) => trace.upstreamRequest(headers),
  });
  trace.upstreamResponse(response.status, response.headers);
  return response;
}
