// Tool-call ids cross dialects unchanged when they can. Anthropic accepts only [A-Za-z0-9_-] in tool_use ids,
// and some OpenAI-compatible servers omit ids altogether, so ids are sanitised deterministically (the same
// input id always maps to the same output id, keeping tool_use and tool_result paired).

export function toAnthropicToolId(id: unknown, fallback: string): string {
  if (typeof id !== 'string' || id === '') return fallback;
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function toOpenaiToolId(id: unknown, fallback: string): string {
  return typeof id === 'string' && id !== '' ? id : fallback;
}

/** An Anthropic message id from an OpenAI completion id: keeps it recognisable in both logs. */
export function toAnthropicMessageId(id: unknown): string {
  if (typeof id !== 'string' || id === '') return 'msg_switchboard';
  return id.startsWith('msg_') ? id : `msg_${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function toOpenaiCompletionId(id: unknown): string {
  if (typeof id !== 'string' || id === '') return 'chatcmpl-switchboard';
  return id.startsWith('chatcmpl') ? id : `chatcmpl-${id}`;
}
