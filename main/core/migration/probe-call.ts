// One request through a gateway's front door, as a client sends it, reduced to what a comparison needs:
// status, a shape summary of the body, the normalised stream event sequence, the text and any tool call.
// Plain fetch (undici), no SDK: the assistant runs inside the product, where the SDKs are not shipped.
import type { Dialect } from '../../../shared/protocol/records';
import { answerShape, errorShape, streamSequence } from './shape';

export interface ProbeRequest {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** the dialect of the answer, for shape and stream parsing */
  dialect?: Dialect;
}

export interface ProbeResult {
  status: number | null;
  /** a one-line summary of the body's shape, e.g. `message role=assistant content=[text] stop=end_turn` */
  shape: string;
  /** stream: normalised event sequence; otherwise empty */
  events: string[];
  text: string;
  toolCall: { id: string; name: string; arguments: unknown } | null;
  json: unknown;
  durationMs: number;
  /** network failure, no HTTP answer */
  failure: string | null;
}

export interface ProbeTarget {
  url: string;
  key: string;
  now: () => number;
  signal?: AbortSignal;
}

export async function probeCall(target: ProbeTarget, request: ProbeRequest): Promise<ProbeResult> {
  const started = target.now();
  const headers: Record<string, string> = { authorization: `Bearer ${target.key}`, ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${target.url}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: target.signal,
    });
  } catch (error) {
    if (target.signal?.aborted) throw error;
    return { status: null, shape: 'no answer', events: [], text: '', toolCall: null, json: null, durationMs: target.now() - started, failure: (error as Error).message };
  }
  const raw = request.method === 'HEAD' ? '' : await response.text();
  const durationMs = target.now() - started;
  const base = { status: response.status, durationMs, failure: null };
  const dialect = request.dialect ?? 'openai';
  if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const parsed = streamSequence(raw, dialect);
    return { ...base, shape: `stream ${parsed.events.join(' ')}`, events: parsed.events, text: parsed.text, toolCall: parsed.toolCall, json: null };
  }
  const json = parseJson(raw);
  if (response.status >= 400) return { ...base, shape: errorShape(json), events: [], text: '', toolCall: null, json };
  const summary = answerShape(json, dialect);
  return { ...base, shape: summary.shape, events: [], text: summary.text, toolCall: summary.toolCall, json };
}

/** A text request in a dialect; `marker` ends up in the messages so the probe can match it. */
export function textRequest(dialect: Dialect, model: string, marker: string, stream: boolean, headers: Record<string, string> = {}): ProbeRequest {
  const content = `Say hello. ${marker}`;
  return dialect === 'anthropic'
    ? { method: 'POST', path: '/v1/messages', dialect, headers, body: { model, max_tokens: 16, stream, messages: [{ role: 'user', content }] } }
    : { method: 'POST', path: '/v1/chat/completions', dialect, headers, body: { model, max_tokens: 16, stream, messages: [{ role: 'user', content }] } };
}

export const PROBE_TOOL = { name: 'get_weather', description: 'Weather for a city', schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

/** First turn of the tool round trip: the tool is offered. */
export function toolRequest(dialect: Dialect, model: string, marker: string): ProbeRequest {
  const content = `What is the weather in Paris? ${marker}`;
  return dialect === 'anthropic'
    ? { method: 'POST', path: '/v1/messages', dialect, body: { model, max_tokens: 64, messages: [{ role: 'user', content }], tools: [{ name: PROBE_TOOL.name, description: PROBE_TOOL.description, input_schema: PROBE_TOOL.schema }] } }
    : { method: 'POST', path: '/v1/chat/completions', dialect, body: { model, max_tokens: 64, messages: [{ role: 'user', content }], tools: [{ type: 'function', function: { name: PROBE_TOOL.name, description: PROBE_TOOL.description, parameters: PROBE_TOOL.schema } }] } };
}

/** Second turn: the tool's result goes back with the call it answers. */
export function toolResultRequest(dialect: Dialect, model: string, marker: string, callId: string, result: string): ProbeRequest {
  const first = toolRequest(dialect, model, marker);
  const body = first.body as { messages: unknown[] };
  if (dialect === 'anthropic') {
    body.messages.push(
      { role: 'assistant', content: [{ type: 'tool_use', id: callId, name: PROBE_TOOL.name, input: { city: 'Paris' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: callId, content: result }] },
    );
  } else {
    body.messages.push(
      { role: 'assistant', content: null, tool_calls: [{ id: callId, type: 'function', function: { name: PROBE_TOOL.name, arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: callId, content: result },
    );
  }
  return first;
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
