// How a pass-through stream knows it ended properly (the in-band error event itself is
// translate/errors.ts streamErrorEvent).
import type { Dialect } from '../../../shared/protocol/records';

/**
 * true when this event ends the stream for good: the dialect's final event, or the provider's own
 * in-band error (after which we must not add a second one).
 */
export function isStreamTerminator(dialect: Dialect, data: string): boolean {
  if (dialect === 'anthropic') return data.includes('"message_stop"') || data.startsWith('{"type":"error"');
  return data === '[DONE]' || data.startsWith('{"error"');
}

/**
 * Whether a raw event may carry usage or end the stream. A byte scan, so the common text delta is
 * forwarded without being decoded or parsed.
 */
export function mayCarryUsageOrEnd(event: Buffer): boolean {
  return event.includes('"usage"') || event.includes('message_stop') || event.includes('[DONE]') || event.includes('"error"');
}
