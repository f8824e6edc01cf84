// Shape summaries that two backends can be compared on: one line per answer naming only what a client
// depends on (envelope, role, block kinds, stop reason, usage present), and a stream reduced to its event
// grammar with repeated deltas collapsed. Ids, timings, token counts and fields a proxy adds are left out
// on purpose: they differ between backends without any client noticing.
import type { Dialect } from '../../../shared/protocol/records';

export interface ToolCallSeen {
  id: string;
  name: string;
  arguments: unknown;
}

export interface AnswerSummary {
  shape: string;
  text: string;
  toolCall: ToolCallSeen | null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `message …` / `chat.completion …` for a well-formed answer; anything else starts with `unexpected`. */
export function answerShape(json: unknown, dialect: Dialect): AnswerSummary {
  if (!isObject(json)) return { shape: 'unexpected non-object body', text: '', toolCall: null };
  if (dialect === 'anthropic') {
    if (json.type !== 'message' || !Array.isArray(json.content)) return { shape: unexpected(json), text: '', toolCall: null };
    const blocks = json.content.filter(isObject);
    const tool = blocks.find((b) => b.type === 'tool_use');
    const usage = isObject(json.usage) && typeof json.usage.input_tokens === 'number' && typeof json.usage.output_tokens === 'number';
    return {
      shape: `message role=${String(json.role)} content=[${blocks.map((b) => String(b.type)).join(',')}] stop=${String(json.stop_reason)} usage=${usage ? 'yes' : 'no'}`,
      text: blocks.filter((b) => b.type === 'text').map((b) => String(b.text ?? '')).join(''),
      toolCall: tool ? { id: String(tool.id), name: String(tool.name), arguments: tool.input } : null,
    };
  }
  const choice = Array.isArray(json.choices) && isObject(json.choices[0]) ? json.choices[0] : null;
  const message = choice && isObject(choice.message) ? choice.message : null;
  if (json.object !== 'chat.completion' || !message) return { shape: unexpected(json), text: '', toolCall: null };
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls.filter(isObject) : [];
  const first = calls[0];
  const fn = first && isObject(first.function) ? first.function : null;
  const usage = isObject(json.usage) && typeof json.usage.prompt_tokens === 'number' && typeof json.usage.completion_tokens === 'number';
  const content = calls.length > 0 ? '' : ` content=${typeof message.content}`;
  return {
    shape: `chat.completion role=${String(message.role)}${content} tool_calls=${calls.length} finish=${String(choice?.finish_reason)} usage=${usage ? 'yes' : 'no'}`,
    text: typeof message.content === 'string' ? message.content : '',
    toolCall: first && fn ? { id: String(first.id), name: String(fn.name), arguments: parseArguments(fn.arguments) } : null,
  };
}

/** The error envelope of a failed answer, in whichever dialect it came. */
export function errorShape(json: unknown): string {
  if (isObject(json) && json.type === 'error' && isObject(json.error) && typeof json.error.message === 'string') return 'error anthropic-envelope';
  if (isObject(json) && isObject(json.error) && typeof json.error.message === 'string') return 'error openai-envelope';
  return isObject(json) ? `unexpected error body ${unexpected(json)}` : 'unexpected error body (not JSON)';
}

export function isWellFormed(shape: string): boolean {
  return shape.startsWith('message ') || shape.startsWith('chat.completion ') || shape.startsWith('stream ');
}

export interface StreamSummary {
  events: string[];
  text: string;
  toolCall: ToolCallSeen | null;
}

/** Event grammar of an SSE body: Anthropic event types (deltas by kind), OpenAI chunk kinds; repeats collapsed. */
export function streamSequence(raw: string, dialect: Dialect): StreamSummary {
  const labels: string[] = [];
  let text = '';
  let tool: { id: string; name: string; args: string } | null = null;
  for (const frame of raw.split(/\r?\n\r?\n/)) {
    let event: string | null = null;
    const data: string[] = [];
    for (const line of frame.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (data.length === 0) continue;
    const payload = data.join('\n');
    if (payload === '[DONE]') {
      labels.push('done');
      continue;
    }
    let json: Json;
    try {
      const parsed: unknown = JSON.parse(payload);
      if (!isObject(parsed)) continue;
      json = parsed;
    } catch {
      labels.push('unparsable');
      continue;
    }
    if (dialect === 'anthropic') {
      const type = event ?? String(json.type);
      if (type === 'ping') continue;
      if (type === 'content_block_delta' && isObject(json.delta)) {
        const delta = json.delta;
        labels.push(`delta:${String(delta.type)}`);
        if (delta.type === 'text_delta') text += String(delta.text ?? '');
        if (delta.type === 'input_json_delta' && tool) tool.args += String(delta.partial_json ?? '');
      } else if (type === 'content_block_start' && isObject(json.content_block)) {
        const block = json.content_block;
        labels.push(`start:${String(block.type)}`);
        if (block.type === 'tool_use') tool = { id: String(block.id), name: String(block.name), args: '' };
      } else {
        labels.push(type);
      }
      continue;
    }
    if (isObject(json.error)) {
      labels.push('error');
      continue;
    }
    const choice = Array.isArray(json.choices) && isObject(json.choices[0]) ? json.choices[0] : null;
    if (!choice) continue; // the usage chunk: optional, and proxies differ on sending it
    const delta = isObject(choice.delta) ? choice.delta : {};
    if (typeof delta.role === 'string') labels.push('role');
    if (typeof delta.content === 'string' && delta.content !== '') {
      labels.push('content');
      text += delta.content;
    }
    if (Array.isArray(delta.tool_calls)) {
      labels.push('tool_calls');
      for (const call of delta.tool_calls.filter(isObject)) {
        const fn = isObject(call.function) ? call.function : {};
        if (!tool && typeof fn.name === 'string') tool = { id: String(call.id ?? ''), name: fn.name, args: '' };
        if (tool && typeof fn.arguments === 'string') tool.args += fn.arguments;
      }
    }
    if (typeof choice.finish_reason === 'string') labels.push(`finish:${choice.finish_reason}`);
  }
  const events = labels.filter((label, i) => label !== labels[i - 1]);
  return { events, text, toolCall: tool ? { id: tool.id, name: tool.name, arguments: parseArguments(tool.args) } : null };
}

function parseArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function unexpected(json: Json): string {
  return `unexpected {${Object.keys(json).sort().slice(0, 8).join(',')}}`;
}
