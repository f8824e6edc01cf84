// Binary mode end to end, written once and run against both the project's fake LiteLLM and the REAL
// LiteLLM proxy (legacy-real.test.ts): any rule where the two disagree shows up as a failing test here.
// The gateway forwards to the LiteLLM process, which calls the fake providers in test/fixtures/fake-upstreams.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import { anthropicError, startFakeAnthropic, startFakeOpenAI, startFakeUpstream } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { readJson, startTestGateway, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch, waitUntil } from '../modes/mode-harness';

export interface LegacyTarget {
  /** `switchboard.binary.command` */
  command: string;
  /** extra environment for the child (offline switches for the real proxy) */
  env: Record<string, string>;
  /** the real proxy imports for seconds before it listens */
  readyTimeoutMs: number;
}

/** The real LiteLLM must start offline: no model cost map download, no telemetry, no schema updates. */
export const OFFLINE_LITELLM_ENV = {
  LITELLM_LOCAL_MODEL_COST_MAP: 'True',
  LITELLM_TELEMETRY: 'False',
  DISABLE_SCHEMA_UPDATE: 'true',
  LITELLM_LOG: 'INFO',
};

const PYCHARM = { 'user-agent': 'OpenAIClientImpl/Java unknown' };
const CLAUDE_CODE = { 'user-agent': 'claude-cli/2.0.14 (external, cli)' };

export function describeLegacyBackend(name: string, target: () => LegacyTarget | null): void {
  describe(name, () => {
    let anthropic: FakeUpstream;
    let openai: FakeUpstream;
    let gw: TestGateway;
    let admin: ReturnType<typeof adminFetch>;

    beforeAll(async () => {
      const t = target();
      if (!t) return;
      anthropic = await startFakeAnthropic();
      openai = await startFakeOpenAI();
      const binary = `  binary:\n    command: ${JSON.stringify(t.command)}\n    ready_timeout_ms: ${t.readyTimeoutMs}\n    stop_grace_ms: 5000\n`;
      gw = await startTestGateway({ yaml: twoProviderYaml(anthropic.url, openai.url, binary), env: { ...TEST_PROVIDER_ENV, ...t.env } });
      admin = adminFetch(gw.url, gw.adminToken);
      const switched = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
      expect(switched.error, JSON.stringify(switched.error)).toBeNull();
      expect(switched.mode.mode).toBe('binary');
    }, 180_000);

    afterAll(async () => {
      await gw?.dispose();
      await anthropic?.close();
      await openai?.close();
    }, 60_000);

    const lastTo = (upstream: FakeUpstream) => upstream.requests.at(-1)!;
    const viaLitellm = (upstream: FakeUpstream) => expect(String(lastTo(upstream).headers['user-agent'])).not.toMatch(/^switchboard\//);

    it('OpenAI SDK, non-stream and stream: the provider hears the identity through LiteLLM', async () => {
      const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0, defaultHeaders: PYCHARM });
      const reply = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
      expect(reply.choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
      expect(lastTo(openai).headers['x-sm-user-id']).toBe('pycharm-ai');
      viaLitellm(openai);
      let text = '';
      for await (const chunk of await client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'hi' }] })) {
        text += chunk.choices[0]?.delta.content ?? '';
      }
      expect(text).toBe('Hello from identity=pycharm-ai');
      expect(gw.gateway.admin.snapshot().log.at(-1)).toMatchObject({ backend: 'binary', status: 200, identity: 'pycharm-ai' });
    });

    it('Anthropic SDK, non-stream and stream: the provider hears the identity on /v1/messages', async () => {
      const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0, defaultHeaders: { 'x-memory-user-id': 'script-7' } });
      const message = await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
      expect(message.content[0]).toMatchObject({ type: 'text', text: 'Hello identity=script-7' });
      expect(lastTo(anthropic).headers['x-sm-user-id']).toBe('script-7');
      viaLitellm(anthropic);
      const streamed = await client.messages.stream({ model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
      expect(streamed.content[0]).toMatchObject({ type: 'text', text: 'Hello from identity=script-7' });
    });

    it('a Claude Code-shaped raw SSE request keeps its identity and beta header', async () => {
      const res = await fetch(`${gw.url}/v1/messages?beta=true`, {
        method: 'POST',
        headers: { ...CLAUDE_CODE, 'x-api-key': gw.key, 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'anthropic-beta': 'interleaved-thinking-2025-05-14' },
        body: JSON.stringify({
          model: 'claude-opus-4-8', max_tokens: 64, stream: true,
          system: [{ type: 'text', text: 'You are Claude Code.' }],
          tools: [{ name: 'Read', description: 'Read a file', input_schema: { type: 'object', properties: { path: { type: 'string' } } } }],
          metadata: { user_id: 'user_abc_account_x_session_y' },
          messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
        }),
      });
      expect(res.status).toBe(200);
      const transcript = await res.text();
      expect(transcript).toContain('event: message_stop');
      expect(transcript).toContain('identity=claude-cli');
      expect(lastTo(anthropic).headers).toMatchObject({ 'x-sm-user-id': 'claude-cli', 'anthropic-beta': 'interleaved-thinking-2025-05-14' });
    });

    it('a tool call comes back as a tool call', async () => {
      anthropic.queue({
        kind: 'json',
        body: {
          id: 'msg_tool', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', stop_reason: 'tool_use', stop_sequence: null,
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } }],
          usage: { input_tokens: 5, output_tokens: 5 },
        },
      });
      const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
      const message = await client.messages.create({
        model: 'claude-sonnet-4.5', max_tokens: 50,
        tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
        messages: [{ role: 'user', content: 'weather in Oslo?' }],
      });
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Oslo' } });
    });

    it("an upstream error reaches the client in its own dialect with clean fields (never LiteLLM's \"None\")", async () => {
      // LiteLLM's router tries a provider error three times before it answers with it
      const failure = anthropicError(400, 'invalid_request_error', 'messages: text content blocks must be non-empty');
      anthropic.queue(failure, failure, failure);
      const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
      const error = await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Anthropic.BadRequestError);
      const body = (error as InstanceType<typeof Anthropic.BadRequestError>).error as { type: string; error: { type: string; message: string } };
      expect(body.type).toBe('error');
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toContain('text content blocks must be non-empty');
      expect(JSON.stringify(body)).not.toContain('"None"');

      const oa = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
      const unknown = await oa.chat.completions.create({ model: 'claude-nonexistent,gpt-4o', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(OpenAI.BadRequestError);
      expect(JSON.stringify((unknown as InstanceType<typeof OpenAI.BadRequestError>).error)).not.toContain('"None"');
    });

    it('client credentials meant for LiteLLM never reach it or the provider', async () => {
      const res = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${gw.key}`, 'content-type': 'application/json',
          'x-litellm-api-key': 'sk-client-guess-0001', 'api-key': 'sk-client-guess-0002', 'x-goog-api-key': 'client-goog-0003',
          'ocp-apim-subscription-key': 'client-apim-0004',
        },
        body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(res.status).toBe(200);
      const seen = JSON.stringify(lastTo(openai).headers);
      for (const value of ['sk-client-guess-0001', 'sk-client-guess-0002', 'client-goog-0003', 'client-apim-0004', gw.key]) expect(seen).not.toContain(value);
      expect(lastTo(openai).headers.authorization).toBe(`Bearer ${TEST_PROVIDER_ENV.TEST_OPENAI_KEY}`);
    });

    it('a body user_config or extra_body.api_base never changes where a request goes', async () => {
      const elsewhere = await startFakeUpstream(() => ({ kind: 'json', body: { id: 'x', object: 'chat.completion', created: 1, model: 'x', choices: [] } }));
      try {
        const before = openai.requests.length;
        const res = await fetch(`${gw.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }],
            user_config: { model_list: [{ model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o', api_base: `${elsewhere.url}/v1` } }] },
            extra_body: { api_base: `${elsewhere.url}/v1` },
          }),
        });
        expect(res.status).toBe(200);
        expect(elsewhere.requests).toHaveLength(0);
        expect(openai.requests.length).toBe(before + 1);
        expect(lastTo(openai).body).not.toHaveProperty('user_config');
      } finally {
        await elsewhere.close();
      }
    });

    it('a crashed LiteLLM is restarted and serves again', async () => {
      const pid = gw.gateway.admin.snapshot().mode.backends.binary.pid!;
      process.kill(pid, 'SIGKILL');
      await waitUntil(() => {
        const state = gw.gateway.admin.snapshot().mode.backends.binary;
        return state.status === 'ready' && state.pid !== pid;
      }, 'a restarted, ready LiteLLM', 120_000);
      expect(gw.gateway.admin.snapshot().mode.backends.binary.restarts).toBeGreaterThanOrEqual(1);
      const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0, defaultHeaders: PYCHARM });
      const reply = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'again' }] });
      expect(reply.choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
    }, 150_000);

    it('switches back and forth under load without losing a request', async () => {
      const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0, defaultHeaders: CLAUDE_CODE });
      let stop = false;
      const results: Array<{ ok: boolean; error?: string }> = [];
      const worker = async () => {
        while (!stop) {
          try {
            const m = await client.messages.create({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'load' }] });
            results.push({ ok: m.content[0]?.type === 'text' && m.content[0].text === 'Hello identity=claude-cli' });
          } catch (error) {
            results.push({ ok: false, error: String(error) });
          }
        }
      };
      const workers = Array.from({ length: 4 }, worker);
      const back = (await readJson(await admin('/admin/rollback', {}))) as ModeResult;
      expect(back.mode.mode).toBe('sdk');
      const again = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
      expect(again.error).toBeNull();
      const atSwitch = results.length;
      await waitUntil(() => results.length >= atSwitch + 10, '10 requests after the switch', 60_000);
      stop = true;
      await Promise.all(workers);
      expect(results.filter((r) => !r.ok), JSON.stringify(results.filter((r) => !r.ok).slice(0, 2))).toEqual([]);
      const log = gw.gateway.admin.snapshot().log;
      expect(new Set(log.slice(-results.length).map((r) => r.backend))).toEqual(new Set(['sdk', 'binary']));
    }, 180_000);
  });
}
