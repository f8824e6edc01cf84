// Streams are piped event by event: the first event reaches the client before the upstream finishes,
// the upstream is called once, a client that leaves aborts the upstream, and an upstream that fails
// mid-stream ends the client's stream with an error in the client's dialect.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicStreamSteps, gate, openaiStreamSteps } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  ({ anthropic, openai, gw } = await startTwoProviders(twoProviderYaml, { env: TEST_PROVIDER_ENV }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('streaming', () => {
  it('delivers the first Anthropic event before the upstream finishes, and calls the upstream once', async () => {
    const hold = gate();
    const steps = anthropicStreamSteps(['first', ' second']);
    // everything after the first text delta waits for the gate
    const firstDelta = steps.findIndex((s) => s.event === 'content_block_delta');
    steps[firstDelta + 1] = { ...steps[firstDelta + 1]!, waitFor: hold.promise };
    anthropic.queue({ kind: 'sse', steps });
    const before = anthropic.requests.length;
    const completedBefore = anthropic.completed;
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
    const stream = await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] });
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta' && event.delta.text === 'first') {
        // the upstream has not finished its answer: this event was not buffered until the end (a gateway
        // that buffers never gets here: the upstream waits for this very moment)
        expect(anthropic.completed).toBe(completedBefore);
        hold.open();
      }
    }
    expect(seen.at(-1)).toBe('message_stop');
    expect(anthropic.requests.length - before).toBe(1);
  });

  it('delivers the first OpenAI chunk before the upstream finishes', async () => {
    const hold = gate();
    const steps = openaiStreamSteps(['one', ' two']);
    steps[2] = { ...steps[2]!, waitFor: hold.promise };
    openai.queue({ kind: 'sse', steps });
    const completedBefore = openai.completed;
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (text === 'one') {
        expect(openai.completed).toBe(completedBefore);
        hold.open();
      }
    }
    expect(text).toBe('one two');
  });

  it('aborts the upstream request when the client goes away', async () => {
    const hold = gate();
    const steps = anthropicStreamSteps(['a', 'b']);
    steps[3] = { ...steps[3]!, waitFor: hold.promise };
    anthropic.queue({ kind: 'sse', steps });
    const abortedBefore = anthropic.aborted;
    const controller = new AbortController();
    const res = await fetch(`${gw.url}/v1/messages`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'x-api-key': gw.key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    // the upstream is still holding the rest, so only an abort from the gateway can close its socket
    await waitFor(() => anthropic.aborted > abortedBefore, 'the upstream to see the abort');
    hold.open();
    await waitFor(() => gw.gateway.admin.snapshot().log.at(-1)?.phase === 'error', 'the request to be logged as failed');
    expect(gw.gateway.admin.snapshot().log.at(-1)?.errorCode).toBe('CLIENT_CLOSED');
  });

  it('ends an Anthropic stream with an error event when the upstream dies mid-stream', async () => {
    anthropic.queue({ kind: 'sse', steps: anthropicStreamSteps(['partial', ' more']), destroyAfter: 4 });
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
    const stream = await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    const consume = async () => {
      for await (const event of stream) if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    };
    await expect(consume()).rejects.toThrow();
    expect(text).toBe('partial');
    expect(gw.gateway.admin.snapshot().log.at(-1)?.errorCode).toBe('STREAM_INTERRUPTED');
  });

  it('ends an OpenAI stream with an error chunk when the upstream dies mid-stream', async () => {
    openai.queue({ kind: 'sse', steps: openaiStreamSteps(['partial', ' more']), destroyAfter: 2 });
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'x' }] }),
    });
    const text = await res.text();
    expect(text).toContain('"content":"partial"');
    const last = text.trim().split('\n\n').at(-1)!;
    expect(JSON.parse(last.replace(/^data: /, ''))).toMatchObject({ error: { type: 'server_error', code: 'stream_interrupted' } });
    expect(text).not.toContain('[DONE]');
  });
});
