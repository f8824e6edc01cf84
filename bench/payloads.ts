// What travels in the bench: the chat requests the parent sends and the answers the fake upstream gives.
// Built once as Buffers so no phase pays for serialising them; the same bytes go to every target.

export const BENCH_MODEL = 'gpt-bench';
/** An Anthropic model at the same fake upstream: an OpenAI client asking for it is translated both ways. */
export const BENCH_ANTHROPIC_MODEL = 'claude-bench';
export const CHAT_PATH = '/v1/chat/completions';
export const MESSAGES_PATH = '/v1/messages';
/** JetBrains AI Assistant's client: makes Switchboard run its identity patterns as it would in real use. */
export const BENCH_USER_AGENT = 'OpenAIClientImpl/Java bench';

const WORDS = ['gateway', 'latency', 'stream', 'token', 'memory', 'router', 'cookie', 'identity', 'budget', 'socket'];

function filler(bytes: number): string {
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += `${WORDS[i % WORDS.length]} `;
  return text.slice(0, Math.max(0, bytes));
}

/** An OpenAI chat completion request of about `targetBytes` bytes (exactly, when targetBytes allows). */
export function chatRequest(targetBytes: number, stream: boolean, model: string = BENCH_MODEL): Buffer {
  const shape = (content: string) => ({
    model,
    messages: [
      { role: 'system', content: 'You answer benchmark questions briefly.' },
      { role: 'user', content },
    ],
    temperature: 0.2,
    max_tokens: 64,
    ...(stream ? { stream: true } : {}),
  });
  const overhead = Buffer.byteLength(JSON.stringify(shape('')));
  return Buffer.from(JSON.stringify(shape(filler(targetBytes - overhead))));
}

/** The fake upstream's non-streaming answer: a small chat.completion with usage. */
export const COMPLETION = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: BENCH_MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content: 'Benchmarks measure; they do not judge.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 250, completion_tokens: 9, total_tokens: 259 },
  }),
);

/** The fake upstream's answer on /v1/messages (what an Anthropic model returns for a translated request). */
export const ANTHROPIC_MESSAGE = Buffer.from(
  JSON.stringify({
    id: 'msg_bench',
    type: 'message',
    role: 'assistant',
    model: BENCH_ANTHROPIC_MODEL,
    content: [{ type: 'text', text: 'Benchmarks measure; they do not judge.' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 250, output_tokens: 9 },
  }),
);

/** One streamed chunk as an SSE event; the last carries finish_reason and usage, like OpenAI's. */
export function streamEvent(index: number, last: boolean): Buffer {
  const chunk = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: BENCH_MODEL,
    choices: [{ index: 0, delta: { content: `tok${index} ` }, finish_reason: last ? 'stop' : null }],
    ...(last ? { usage: { prompt_tokens: 250, completion_tokens: index + 1, total_tokens: 251 + index } } : {}),
  };
  return Buffer.from(`data: ${JSON.stringify(chunk)}\n\n`);
}

export const STREAM_DONE = Buffer.from('data: [DONE]\n\n');
