// Why the model stopped, in both vocabularies. Values missing from a table map to the default with a note.

/** Anthropic `stop_reason` -> OpenAI `finish_reason`. */
export const ANTHROPIC_STOP_TO_OPENAI: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  // The model paused a long server-tool turn; an OpenAI caller has no "continue" verb, so it reads as stop.
  pause_turn: 'stop',
  refusal: 'content_filter',
  model_context_window_exceeded: 'length',
};

/** OpenAI `finish_reason` -> Anthropic `stop_reason`. */
export const OPENAI_FINISH_TO_ANTHROPIC: Record<string, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'refusal',
};

/** Stop reasons an OpenAI caller cannot tell apart from a plain stop: worth a note. */
const LOSSY_ANTHROPIC_STOPS = new Set(['pause_turn', 'model_context_window_exceeded']);

export function anthropicStopToOpenai(stop: unknown, note: (text: string) => void): string {
  if (typeof stop !== 'string') return 'stop';
  const mapped = ANTHROPIC_STOP_TO_OPENAI[stop];
  if (mapped === undefined) {
    note(`unknown stop_reason ${stop.slice(0, 40)} sent as finish_reason stop`);
    return 'stop';
  }
  if (LOSSY_ANTHROPIC_STOPS.has(stop)) note(`stop_reason ${stop} sent as finish_reason ${mapped}`);
  return mapped;
}

/**
 * OpenAI finish_reason -> Anthropic stop_reason. `sawToolCalls` corrects providers that report `stop`
 * with tool calls (Gemini does) and `tool_calls` without any: the content decides.
 */
export function openaiFinishToAnthropic(finish: unknown, sawToolCalls: boolean, note: (text: string) => void): string {
  let mapped = 'end_turn';
  if (typeof finish === 'string') {
    const known = OPENAI_FINISH_TO_ANTHROPIC[finish];
    if (known === undefined) note(`unknown finish_reason ${finish.slice(0, 40)} sent as stop_reason end_turn`);
    else mapped = known;
  }
  if (sawToolCalls && mapped === 'end_turn') return 'tool_use';
  if (!sawToolCalls && mapped === 'tool_use') return 'end_turn';
  return mapped;
}
