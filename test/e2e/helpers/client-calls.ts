// The callers of the acceptance test, each shaped like the real client it stands for: JetBrains AI
// Assistant through the official `openai` SDK, Claude Code's streamed `?beta=true` request (recorded
// body, its headers), and an Anthropic SDK script on a model behind the Supermemory router.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestGateway } from '../../integration/harness/test-gateway';

export const JETBRAINS_UA = 'OpenAIClientImpl/Java 1.0.0 (JetBrains AI Assistant)';
export const CLAUDE_CODE_UA = 'claude-cli/2.0.14 (external, cli)';
const CLAUDE_CODE_BETAS = 'claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14';
const RECORDED_BODY = fileURLToPath(new URL('../../fixtures/translate/claude-code-request.json', import.meta.url));

/** A chat completion as JetBrains AI Assistant sends it; returns the answer text. */
export async function jetbrainsChat(gw: TestGateway, model = 'gpt-4o'): Promise<string> {
  const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': JETBRAINS_UA } });
  const answer = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Explain this function.' }] });
  return answer.choices[0]?.message.content ?? '';
}

/**
 * Claude Code's wire habits: POST /v1/messages?beta=true, x-api-key, a long anthropic-beta list, its
 * User-Agent, always streaming, a ~100 KB body. Reads the whole stream; returns the text it carried.
 */
export async function claudeCodeStream(gw: TestGateway, model = 'claude-sonnet-4.5'): Promise<string> {
  const body = JSON.parse(await readFile(RECORDED_BODY, 'utf8')) as Record<string, unknown>;
  const res = await fetch(`${gw.url}/v1/messages?beta=true`, {
    method: 'POST',
    headers: {
      'x-api-key': gw.key,
      'content-type': 'application/json',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': CLAUDE_CODE_BETAS,
      'user-agent': CLAUDE_CODE_UA,
    },
    body: JSON.stringify({ ...body, model, stream: true }),
  });
  if (res.status !== 200 || !res.headers.get('content-type')?.includes('text/event-stream')) {
    throw new Error(`Claude Code request answered ${res.status} ${res.headers.get('content-type') ?? ''}: ${await res.text()}`);
  }
  const raw = await res.text();
  return raw
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as { type?: string; delta?: { text?: string } })
    .filter((event) => event.type === 'content_block_delta')
    .map((event) => event.delta?.text ?? '')
    .join('');
}

/** An Anthropic SDK script on a model behind the Supermemory router (its Cloudflare sets cookies). */
export async function memoryMessage(gw: TestGateway, model: string): Promise<string> {
  const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
  const message = await client.messages.create({ model, max_tokens: 16, messages: [{ role: 'user', content: 'Remember this.' }] });
  const first = message.content[0];
  return first?.type === 'text' ? first.text : '';
}
