// A recorded-shape Claude Code request (system as 3 cached blocks, 20+ tools with $schema, thinking,
// output_config, context_management, a role:"system" message, ~100 KB) sent by Claude Code's wire habits
// (?beta=true, anthropic-beta, x-api-key, always streaming) to a Gemini model behind its OpenAI-compatible
// endpoint comes back as a valid Anthropic stream, and the provider gets a clean request.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSse } from '../../../main/core/providers/sse';
import type { SseEvent } from '../../../main/core/providers/sse';
import { openaiStreamSteps, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { expectValidAnthropicSequence } from '../../unit/translate/validators';
import { startTestGateway } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let upstream: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  upstream = await startFakeOpenAI();
  gw = await startTestGateway({
    yaml: `model_list:
  - model_name: claude-sonnet-4-5-20250929
    litellm_params:
      model: gemini/gemini-2.5-pro
      api_base: ${upstream.url}/v1beta/openai
      api_key: os.environ/CC_GEMINI_KEY
`,
    env: { CC_GEMINI_KEY: 'gemini-test-key-1234567890' },
  });
});

afterAll(async () => {
  await gw?.dispose();
  await upstream?.close();
});

describe('Claude Code on a Gemini model', () => {
  it('returns a valid Anthropic stream for a ~100 KB Claude Code request', async () => {
    const raw = await readFile(join(import.meta.dirname, '..', '..', 'fixtures', 'translate', 'claude-code-request.json'), 'utf8');
    const body = JSON.parse(raw) as Record<string, unknown>;
    body.model = 'claude-sonnet-4-5-20250929';
    body.stream = true;
    expect(raw.length).toBeGreaterThan(90_000);
    upstream.queue({ kind: 'sse', steps: openaiStreamSteps(['I will ', 'read the file.'], { includeUsage: true }) });
    const res = await fetch(`${gw.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: {
        'x-api-key': gw.key,
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14',
        'user-agent': 'claude-cli/2.0.14 (external, cli)',
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events: SseEvent[] = [];
    for await (const event of parseSse(res.body as unknown as AsyncIterable<Uint8Array>)) if (event.data) events.push({ event: event.event, data: event.data });
    expectValidAnthropicSequence(events);
    const text = events
      .map((e) => JSON.parse(e.data) as { type: string; delta?: { type: string; text?: string } })
      .filter((e) => e.type === 'content_block_delta' && e.delta?.type === 'text_delta')
      .map((e) => e.delta!.text)
      .join('');
    expect(text).toBe('I will read the file.');

    const sent = upstream.requests.at(-1)!;
    expect(sent.path).toBe('/v1beta/openai/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer gemini-test-key-1234567890');
    expect(sent.headers['x-sm-user-id']).toBe('claude-cli');
    expect(sent.headers['anthropic-beta']).toBeUndefined();
    const out = sent.body as { model: string; stream: boolean; messages: Array<{ role: string }>; tools: Array<{ function: { parameters: unknown } }> };
    expect(out.model).toBe('gemini-2.5-pro');
    expect(out.stream).toBe(true);
    expect(out.messages[0]!.role).toBe('system');
    expect(out.tools.length).toBeGreaterThanOrEqual(20);
    const schemas = JSON.stringify(out.tools.map((t) => t.function.parameters));
    expect(schemas).not.toContain('$schema');
    expect(schemas).not.toContain('additionalProperties');
    const record = gw.gateway.admin.snapshot().log.at(-1)!;
    expect(record).toMatchObject({ identity: 'claude-cli', translated: true, status: 200, phase: 'done', provider: 'gemini' });
  });
});
