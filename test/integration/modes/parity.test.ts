// The same requests through both modes give the same statuses, the same top-level response shape and
// the same identity headers at the upstream (the fake providers in SDK mode; the fake LiteLLM, which
// echoes what it received, in binary mode).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../../../shared/protocol/records';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { readJson, startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch, modesYaml } from './mode-harness';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  ({ anthropic, openai, gw } = await startTwoProviders(modesYaml, { env: TEST_PROVIDER_ENV }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

interface Case {
  name: string;
  path: string;
  key?: string;
  headers?: Record<string, string>;
  body: Record<string, unknown> | string;
}

const CASES: Case[] = [
  { name: 'openai', path: '/v1/chat/completions', headers: { 'user-agent': 'OpenAIClientImpl/Java 1.0' }, body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'openai stream', path: '/v1/chat/completions', headers: { 'x-memory-user-id': 'team-a' }, body: { model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'anthropic', path: '/v1/messages', headers: { 'user-agent': 'claude-cli/2.0.14' }, body: { model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'anthropic stream', path: '/v1/messages?beta=true', body: { model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'missing model (openai)', path: '/v1/chat/completions', body: { messages: [] } },
  { name: 'missing model (anthropic)', path: '/v1/messages', body: { messages: [] } },
  { name: 'unknown model', path: '/v1/chat/completions', body: { model: 'nope', messages: [] } },
  { name: 'bad key', path: '/v1/messages', key: 'sk-wrong', body: { model: 'claude-sonnet-4.5', max_tokens: 5, messages: [] } },
  { name: 'malformed JSON', path: '/v1/chat/completions', body: '{"model":' },
];

interface Outcome {
  status: number;
  /** top-level keys of a JSON body, or the sequence of distinct SSE event kinds */
  shape: string[];
  /** the identity the upstream saw (null when nothing reached it) */
  identity: string | null;
}

async function run(c: Case, mode: Mode): Promise<Outcome> {
  const res = await fetch(`${gw.url}${c.path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.key ?? gw.key}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...c.headers },
    body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
  });
  const text = await res.text();
  const record = gw.gateway.admin.snapshot().log.at(-1)!;
  expect(record.backend, `${c.name} recorded on ${mode}`).toBe(mode);
  const reached = record.upstreamHost !== null;
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const kinds = text.split('\n\n').filter(Boolean).map((block) => {
      const data = block.split('\n').find((l) => l.startsWith('data: '))!.slice(6);
      if (data === '[DONE]') return '[DONE]';
      const parsed = JSON.parse(data) as { type?: string; object?: string };
      return parsed.type ?? parsed.object ?? '?';
    });
    const identity = /x-sm-user-id=([\w-]+)/.exec(text)?.[1] ?? /identity=([\w-]+)/.exec(text)?.[1] ?? null;
    return { status: res.status, shape: [...new Set(kinds.filter((k) => k !== 'ping'))], identity: reached ? identity : null };
  }
  const json = JSON.parse(text) as Record<string, unknown>;
  delete json.switchboard_echo;
  const identity = /x-sm-user-id=([\w-]+)/.exec(text)?.[1] ?? /identity=([\w-]+)/.exec(text)?.[1] ?? null;
  return { status: res.status, shape: Object.keys(json).sort(), identity: reached ? identity : null };
}

describe('parity between sdk and binary mode', () => {
  it('answers the same statuses, shapes and identities', async () => {
    const sdk: Outcome[] = [];
    for (const c of CASES) sdk.push(await run(c, 'sdk'));
    const switched = await readJson(await adminFetch(gw.url, gw.adminToken)('/admin/mode', { mode: 'binary' }));
    expect(switched.ok).toBe(true);
    const binary: Outcome[] = [];
    for (const c of CASES) binary.push(await run(c, 'binary'));
    CASES.forEach((c, i) => expect(binary[i], c.name).toEqual(sdk[i]));
    expect(sdk.map((o) => o.identity)).toEqual(['pycharm-ai', 'team-a', 'claude-cli', 'default-dev', null, null, null, null, null]);
  });
});
