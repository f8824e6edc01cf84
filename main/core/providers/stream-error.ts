// The in-band error that ends a stream which already started, in the caller's dialect. Anthropic's SDKs
// raise on an `error` event; OpenAI's raise on a chunk carrying `error`.
import type { Dialect } from '../../../shared/protocol/records';

export function streamErrorText(dialect: Dialect, type: string, message: string, code: string): string {
  if (dialect === 'anthropic') {
    return `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message } })}\n\n`;
  }
  return `data: ${JSON.stringify({ error: { message, type, code, param: null } })}\n\n`;
}

/**
 * true when this event ends the stream for good: the dialect's final event, or the provider's own
 * in-band error (after which we must not add a second one).
 */
export function isStreamTerminator(dialect: Dialect, data: string): boolean {
  if (dialect === 'anthropic') return data.includes('"message_stop"') || data.startsWith('{"type":"error"');
  return data === '[DONE]' || data.startsWith('{"error"');
}
