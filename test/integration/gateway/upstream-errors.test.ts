// Upstream errors keep their status and message, in the caller's dialect; 429 keeps Retry-After.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicError, openaiError } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { readJson, startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  const nowhere = `  - model_name: nowhere
    litellm_params:
      model: openai/gpt-none
      api_base: http://127.0.0.1:9/v1
      api_key: sk-none-0000000000
`;
  ({ anthropic, openai, gw } = await startTwoProviders((a, o) => twoProviderYaml(a, o, '', nowhere), { env: TEST_PROVIDER_ENV }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

const oai = () => new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
const ant = () => new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });

describe('upstream errors', () => {
  it('passes a 429 with Retry-After back to an OpenAI caller', async () => {
    openai.queue(openaiError(429, 'rate_limit_error', 'Rate limit reached for gpt-4o', 'rate_limit_exceeded', { 'retry-after': '7' }));
    const error = await oai().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(429);
    expect(apiError.message).toContain('Rate limit reached for gpt-4o');
    expect(apiError.headers?.get('retry-after')).toBe('7');
    expect((apiError.error as { code?: string }).code).toBe('rate_limit_exceeded');
  });

  it('passes an Anthropic overloaded_error back with its status and type', async () => {
    anthropic.queue(anthropicError(529, 'overloaded_error', 'Overloaded'));
    const error = await ant().messages.create({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    const apiError = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiError.status).toBe(529);
    expect(apiError.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('keeps "prompt is too long" for Claude Code auto-compact', async () => {
    anthropic.queue(anthropicError(400, 'invalid_request_error', 'prompt is too long: 250000 tokens > 200000 maximum'));
    const res = await fetch(`${gw.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': gw.key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toContain('prompt is too long');
  });

  it("wraps Cloudflare's HTML 503 (Error 1200) into the caller's dialect", async () => {
    anthropic.queue({ kind: 'raw', status: 503, body: '<html><head><title>Error 1200</title></head><body><h1>Error 1200</h1>Too many queued requests</body></html>', headers: { 'content-type': 'text/html' } });
    const res = await fetch(`${gw.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': gw.key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-4.5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(503);
    const body = await readJson(res);
    expect(body).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
    expect(body.error.message).toContain('Error 1200');
    expect(body.error.message).not.toContain('<html>');
  });

  it('scrubs a provider key the upstream echoes in its error', async () => {
    openai.queue(openaiError(401, 'invalid_request_error', `Incorrect API key provided: ${TEST_PROVIDER_ENV.TEST_OPENAI_KEY}.`, 'invalid_api_key'));
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('Incorrect API key provided');
    expect(text).not.toContain(TEST_PROVIDER_ENV.TEST_OPENAI_KEY);
  });

  it('answers 502 in the caller dialect when the upstream is unreachable', async () => {
    const error = await oai().chat.completions.create({ model: 'nowhere', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(502);
    expect(apiError.message).toMatch(/127\.0\.0\.1:9/);
    expect(gw.gateway.admin.snapshot().log.at(-1)).toMatchObject({ status: 502, errorCode: 'UPSTREAM_UNREACHABLE' });
  });
});
