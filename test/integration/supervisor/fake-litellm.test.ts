// The fixture itself, driven by the real SDK clients, so other suites can trust what it answers.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { createHash } from 'node:crypto';
import { createHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
let openai: OpenAI;
let anthropic: Anthropic;
const identity = { 'x-sm-user-id': 'pycharm-user', 'x-supermemory-api-key': 'sm-test-key-1234' };

beforeAll(async () => {
  h = await createHarness();
  await h.supervisor.start();
  const baseURL = h.supervisor.baseUrl() as string;
  openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: h.supervisor.token(), maxRetries: 0, defaultHeaders: identity });
  anthropic = new Anthropic({ baseURL, apiKey: null, authToken: h.supervisor.token(), maxRetries: 0, defaultHeaders: identity });
});

afterAll(async () => {
  await h.supervisor.stop();
});

const fingerprint = createHash('sha256').update('sm-test-key-1234').digest('hex').slice(0, 12);

describe('fake LiteLLM answers like LiteLLM', () => {
  it('OpenAI chat completions, non-stream, echoing identity headers (secrets as fingerprints)', async () => {
    const reply = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'ping' }] });
    expect(reply.object).toBe('chat.completion');
    expect(reply.choices[0]?.message.content).toContain('x-sm-user-id=pycharm-user');
    const echo = (reply as unknown as { switchboard_echo: { headers: Record<string, string>; upstream_model: string } }).switchboard_echo;
    expect(echo.headers['x-sm-user-id']).toBe('pycharm-user');
    expect(echo.headers['x-supermemory-api-key']).toBe(`fp:${fingerprint}`);
    expect(echo.upstream_model).toBe('openai/gpt-4o');
    expect(JSON.stringify(reply)).not.toContain('sm-test-key-1234');
  });

  it('OpenAI chat completions, stream with usage', async () => {
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o', stream: true, stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'ping' }],
    });
    let text = '';
    let usage = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage += chunk.usage?.total_tokens ?? 0;
    }
    expect(text).toContain('x-sm-user-id=pycharm-user');
    expect(usage).toBeGreaterThan(0);
  });

  it('Anthropic messages, non-stream and stream', async () => {
    const message = await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 10, messages: [{ role: 'user', content: 'ping' }] });
    expect(message.type).toBe('message');
    expect(message.content[0]).toMatchObject({ type: 'text' });
    const stream = anthropic.messages.stream({ model: 'claude-sonnet', max_tokens: 10, messages: [{ role: 'user', content: 'ping' }] });
    const final = await stream.finalMessage();
    expect(final.stop_reason).toBe('end_turn');
    expect(JSON.stringify(final.content)).toContain('x-sm-user-id=pycharm-user');
  });

  it('unknown models get a LiteLLM-style 400 in OpenAI shape, on both routes', async () => {
    const openaiError = await openai.chat.completions.create({ model: 'nope', messages: [] }).catch((e: unknown) => e);
    expect(openaiError).toBeInstanceOf(OpenAI.BadRequestError);
    expect((openaiError as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: 'None', code: '400' });
    const anthropicError = await anthropic.messages.create({ model: 'nope', max_tokens: 1, messages: [] }).catch((e: unknown) => e);
    expect(anthropicError).toBeInstanceOf(Anthropic.BadRequestError);
    expect((anthropicError as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
      error: { message: expect.stringContaining('Invalid model name passed in model=nope'), code: '400' },
    });
  });

  it('a wrong key is refused: 401, or 400 "No connected db." for an sk- key it would look up as a virtual key', async () => {
    const bad = new OpenAI({ baseURL: `${h.supervisor.baseUrl()}/v1`, apiKey: 'wrong', maxRetries: 0 });
    await expect(bad.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const virtual = new OpenAI({ baseURL: `${h.supervisor.baseUrl()}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
    await expect(virtual.models.list()).rejects.toMatchObject({ status: 400, error: { message: 'No connected db.' } });
  });
});
