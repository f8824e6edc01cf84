// Contracts of the translation layer. Pure data in, pure data out: the backend owns every byte of I/O.
import type { SseEvent } from '../providers/sse';

export type { SseEvent };
export type { Dialect } from '../../../shared/protocol/records';

export type Json = Record<string, unknown>;

/** Where a translator records what it could not carry over ("dropped field logprobs"). Debug-level. */
export interface TranslateNotes {
  push(note: string): void;
}

export interface RequestContext {
  /** model id for the upstream */
  providerModel: string;
  /** LiteLLM provider prefix: 'anthropic' | 'openai' | 'gemini' | 'openrouter' | 'ollama' | … */
  providerPrefix: string;
  /** used when an OpenAI caller sends no max_tokens (Anthropic requires one) */
  defaultMaxTokens: number;
  notes: TranslateNotes;
}

export interface ResponseContext {
  /** the model name the caller asked for; answers carry it, never the provider's id */
  requestedModel: string;
  notes: TranslateNotes;
  /** unix seconds for OpenAI `created` (pass the clock in; 0 when absent) */
  created?: number;
}

export interface StreamOutcome {
  /** true when the upstream sent its terminal event (Anthropic message_stop, OpenAI finish_reason/[DONE]) */
  complete: boolean;
  /** the stop reason in the caller's dialect, when one was known */
  stopReason: string | null;
  /** why the stream was ended early (upstream error event, iterator failure, missing terminal event) */
  error: { type: string; message: string } | null;
}

export interface StreamContext extends ResponseContext {
  /** OpenAI callers: stream_options.include_usage was set, so a usage chunk precedes [DONE] */
  includeUsage: boolean;
  /** id for the caller's stream; default: derived from the upstream's id */
  id?: string;
  /** Anthropic callers: input tokens to announce in message_start before the upstream reports usage
   *  (e.g. estimateInputTokens of the request); the final message_delta carries the real count */
  inputTokensHint?: number;
  /** called once when the translated stream ends, for logging; never throws into the stream */
  onOutcome?: (outcome: StreamOutcome) => void;
}
