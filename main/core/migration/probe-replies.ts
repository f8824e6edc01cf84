// What the probe upstream answers, per dialect: plain text, a tool call (when the request offers tools
// and has no tool result yet), the answer after a tool result, and a deliberate error. Kept small and
// fixed so that the two backends can be compared on shape and event sequence.
import type { Dialect } from '../../../shared/protocol/records';

/** Text in the last user message that makes the probe answer a 400 in its dialect. */
export const PROBE_ERROR_MARKER = 'probe-error';
export const PROBE_TOOL_ARGUMENTS = { city: 'Paris' };

export interface ProbeTurn {
  dialect: Dialect;
  model: string;
  marker: string;
  /** the name of the first tool offered, when the request offers tools */
  toolName: string | null;
  /** the tool result's text, when the last message carries one */
  toolResult: string | null;
  includeUsage: boolean;
}

export type ProbeAnswer = { kind: 'text'; text: string } | { kind: 'tool'; name: string } | { kind: 'error' };

export function decideAnswer(turn: ProbeTurn): ProbeAnswer {
  if (turn.marker.includes(PROBE_ERROR_MARKER)) return { kind: 'error' };
  if (turn.toolResult !== null) return { kind: 'text', text: `tool result received: ${turn.toolResult}` };
  if (turn.toolName) return { kind: 'tool', name: turn.toolName };
  return { kind: 'text', text: `probe answer ${turn.marker}` };
}

export function errorBody(dialect: Dialect): unknown {
  const message = 'probe: rejected on purpose';
  return dialect === 'anthropic'
    ? { type: 'error', error: { type: 'invalid_request_error', message } }
    : { error: { message, type: 'invalid_request_error', param: null, code: 'probe_rejected' } };
}

export function anthropicMessage(turn: ProbeTurn, answer: ProbeAnswer): unknown {
  const tool = answer.kind === 'tool';
  return {
    id: 'msg_probe_01',
    type: 'message',
    role: 'assistant',
    model: turn.model,
    content: tool
      ? [{ type: 'tool_use', id: 'toolu_probe_01', name: answer.name, input: PROBE_TOOL_ARGUMENTS }]
      : [{ type: 'text', text: answer.kind === 'text' ? answer.text : '' }],
    stop_reason: tool ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 6 },
  };
}

export function openaiCompletion(turn: ProbeTurn, answer: ProbeAnswer): unknown {
  const tool = answer.kind === 'tool';
  return {
    id: 'chatcmpl-probe01',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: turn.model,
    choices: [{
      index: 0,
      message: tool
        ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_probe_01', type: 'function', function: { name: answer.name, arguments: JSON.stringify(PROBE_TOOL_ARGUMENTS) } }] }
        : { role: 'assistant', content: answer.kind === 'text' ? answer.text : '' },
      finish_reason: tool ? 'tool_calls' : 'stop',
      logprobs: null,
    }],
    usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 },
  };
}

/** Anthropic SSE frames (`event:` + `data:`), split into a few deltas so the relay is exercised. */
export function anthropicStream(turn: ProbeTurn, answer: ProbeAnswer): string[] {
  const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify({ type: event, ...(data as object) })}\n\n`;
  const message = { id: 'msg_probe_01', type: 'message', role: 'assistant', model: turn.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 12, output_tokens: 1 } };
  const frames = [frame('message_start', { message })];
  if (answer.kind === 'tool') {
    const json = JSON.stringify(PROBE_TOOL_ARGUMENTS);
    frames.push(frame('content_block_start', { index: 0, content_block: { type: 'tool_use', id: 'toolu_probe_01', name: answer.name, input: {} } }));
    for (const part of [json.slice(0, 5), json.slice(5)]) frames.push(frame('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: part } }));
  } else {
    const text = answer.kind === 'text' ? answer.text : '';
    const cut = Math.ceil(text.length / 2);
    frames.push(frame('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
    for (const part of [text.slice(0, cut), text.slice(cut)]) frames.push(frame('content_block_delta', { index: 0, delta: { type: 'text_delta', text: part } }));
  }
  frames.push(frame('content_block_stop', { index: 0 }));
  frames.push(frame('message_delta', { delta: { stop_reason: answer.kind === 'tool' ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: 6 } }));
  frames.push(frame('message_stop', {}));
  return frames;
}

/** OpenAI SSE frames: role chunk, deltas, finish chunk, optional usage chunk, [DONE]. */
export function openaiStream(turn: ProbeTurn, answer: ProbeAnswer): string[] {
  const chunk = (delta: unknown, finish: string | null) => ({
    id: 'chatcmpl-probe01', object: 'chat.completion.chunk', created: 1_700_000_000, model: turn.model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
  const frames = [data(chunk({ role: 'assistant', content: '' }, null))];
  if (answer.kind === 'tool') {
    const json = JSON.stringify(PROBE_TOOL_ARGUMENTS);
    frames.push(data(chunk({ tool_calls: [{ index: 0, id: 'call_probe_01', type: 'function', function: { name: answer.name, arguments: json.slice(0, 5) } }] }, null)));
    frames.push(data(chunk({ tool_calls: [{ index: 0, function: { arguments: json.slice(5) } }] }, null)));
  } else {
    const text = answer.kind === 'text' ? answer.text : '';
    const cut = Math.ceil(text.length / 2);
    for (const part of [text.slice(0, cut), text.slice(cut)]) frames.push(data(chunk({ content: part }, null)));
  }
  frames.push(data(chunk({}, answer.kind === 'tool' ? 'tool_calls' : 'stop')));
  if (turn.includeUsage) {
    frames.push(data({ id: 'chatcmpl-probe01', object: 'chat.completion.chunk', created: 1_700_000_000, model: turn.model, choices: [], usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 } }));
  }
  frames.push('data: [DONE]\n\n');
  return frames;
}
