// A conversation that moves from an OpenAI-compatible model to a Claude model: the thinking blocks the
// first model's reasoning became (translated, so unsigned: signature "") would make Anthropic reject the
// whole request ("Invalid signature in thinking block"). They are dropped on the way to Anthropic, with
// a note in the request's detail; signed blocks and everything else go through untouched.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openaiCompletion } from '../../fixtures/fake-upstreams';
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

async function notesOf(id: string): Promise<string[]> {
  const res = await fetch(`${gw.url}/admin/requests/${id}`, { headers: { authorization: `Bearer ${gw.adminToken}` } });
  return ((await res.json()) as { notes: string[] }).notes;
}

describe('thinking blocks across models', () => {
  it('round trip: reasoning from an OpenAI-compatible model, then the conversation sent to Claude', async () => {
    const reply = openaiCompletion('The answer is 4.');
    (reply.choices as Array<{ message: Record<string, unknown> }>)[0]!.message.reasoning_content = 'two plus two';
    openai.queue({ kind: 'json', body: reply });
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
    const first = await client.messages.create({ model: 'gpt-4o', max_tokens: 50, messages: [{ role: 'user', content: '2+2?' }] });
    expect(first.content[0]).toEqual({ type: 'thinking', thinking: 'two plus two', signature: '' });

    const signed = { type: 'thinking' as const, thinking: 'an earlier signed thought', signature: 'EqQBCkgIARABGAIiQL' };
    await client.messages.create({
      model: 'claude-sonnet-4.5',
      max_tokens: 50,
      messages: [
        { role: 'user', content: 'earlier' },
        { role: 'assistant', content: [signed, { type: 'text', text: 'earlier answer' }] },
        { role: 'user', content: '2+2?' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: 'and 3+3?' },
      ],
    });
    const sent = anthropic.requests.at(-1)!.body as { messages: Array<{ role: string; content: Array<Record<string, unknown>> | string }> };
    const blocks = sent.messages.flatMap((m) => (Array.isArray(m.content) ? m.content : []));
    expect(blocks.filter((b) => b.type === 'thinking')).toEqual([signed]);
    expect(sent.messages[3]!.content).toEqual([{ type: 'text', text: 'The answer is 4.' }]);
    const id = gw.gateway.admin.snapshot().log.at(-1)!.id;
    expect((await notesOf(id)).join('\n')).toMatch(/dropped 1 unsigned thinking block/);
  });
});
