// Public surface of dialect translation: pure functions over objects and async iterables of SSE events.
// See README.md for the mapping tables and the stream-ending contract.
export type { Dialect, Json, RequestContext, ResponseContext, StreamContext, StreamOutcome, TranslateNotes } from './types';
export type { SseEvent } from '../providers/sse';
export { openaiRequestToAnthropic } from './openai-request';
export { anthropicResponseToOpenai } from './anthropic-response';
export { anthropicStreamToOpenai } from './anthropic-stream';
export { anthropicRequestToOpenai } from './anthropic-request';
export { openaiResponseToAnthropic } from './openai-response';
export { openaiStreamToAnthropic } from './openai-stream';
export { translateError, streamErrorEvent, isContextLengthError } from './errors';
export type { TranslatedError } from './errors';
export { estimateInputTokens } from './count-tokens';
export { cleanToolSchema } from './schema-clean';
export { withoutUnsignedThinking } from './unsigned-thinking';
export { providerSupportsReasoningEffort } from './reasoning';
export { quirksFor } from './provider-quirks';
export type { ProviderQuirks } from './provider-quirks';
