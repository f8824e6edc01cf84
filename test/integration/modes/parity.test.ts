// The same requests through both modes give the same statuses, the same top-level response shape and
// the same identity headers at the upstream (the fake providers in SDK mode; the fake LiteLLM, which
// calls the same fake providers or echoes what it received, in binary mode). Every parity case must reach
// the backend of its mode; requests the front door refuses before any backend is chosen are checked
// apart, since they compare one path with itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../../../shared/protocol/records';
import { anthropicError, anthropicResponder, openaiError, openaiResponder } from '../../fixtures/fake-upstreams';
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
  /** prepares the fake provider before the request (once per mode), and restores it after */
  before?: () => void;
  after?: () => void;
}

const CASES: Case[] = [
  { name: 'openai', path: '/v1/chat/completions', headers: { 'user-agent': 'OpenAIClientImpl/Java 1.0' }, body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'openai stream', path: '/v1/chat/completions', headers: { 'x-memory-user-id': 'team-a' }, body: { model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'anthropic', path: '/v1/messages', headers: { 'user-agent': 'claude-cli/2.0.14' }, body: { model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'anthropic stream', path: '/v1/messages?beta=true', body: { model: 'claude-sonnet-4.5', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'hi' }] } },
  {
    name: 'provider error (openai)',
    path: '/v1/chat/completions',
    headers: { 'x-memory-user-id': 'team-b' },
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
    // every attempt fails (LiteLLM's router retries a provider error): restored after the case
    before: () => openai.respond(() => openaiError(400, 'invalid_request_error', 'max_tokens is too large')),
    after: () => openai.respond(openaiResponder),
  },
  {
    name: 'provider error (anthropic)',
    path: '/v1/messages',
    headers: { 'x-memory-user-id': 'team-c' },
    body: { model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
    before: () => anthropic.respond(() => anthropicError(400, 'invalid_request_error', 'max_tokens is too large')),
    after: () => anthropic.respond(anthropicResponder),
  },
];

/** Refused by the front door before a backend is chosen: the same in both modes by construction. */
const REFUSED: Case[] = [
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

/** The identity the fake provider heard on the newest request (SDK: from us directly; binary: via LiteLLM). */
function newestProviderIdentity(before: { anthropic: number; openai: number }): string | null {
  const fresh = anthropic.requests.length > before.anthropic ? anthropic.requests.at(-1) : openai.requests.length > before.openai ? openai.requests.at(-1) : undefined;
  return (fresh?.headers['x-sm-user-id'] as string | undefined) ?? null;
}

async function run(c: Case, mode: Mode): Promise<Outcome> {
  c.before?.();
  const counts = { anthropic: anthropic.requests.length, openai: openai.requests.length };
  const res = await fetch(`${gw.url}${c.path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.key ?? gw.key}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...c.headers },
    body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
  });
  const text = await res.text();
  c.after?.();
  const record = gw.gateway.admin.snapshot().log.at(-1)!;
  expect(record.backend, `${c.name} recorded on ${mode}`).toBe(mode);
  const reached = record.upstreamHost !== null;
  if (CASES.includes(c)) expect(reached, `${c.name} reached the ${mode} backend's upstream`).toBe(true);
  // both modes must deliver the identity to the provider itself (binary: through the LiteLLM child)
  const heard = newestProviderIdentity(counts);
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const kinds = text.split('\n\n').filter(Boolean).map((block) => {
      const data = block.split('\n').find((l) => l.startsWith('data: '))!.slice(6);
      if (data === '[DONE]') return '[DONE]';
      const parsed = JSON.parse(data) as { type?: string; object?: string };
      return parsed.type ?? parsed.object ?? '?';
    });
    return { status: res.status, shape: [...new Set(kinds.filter((k) => k !== 'ping'))], identity: reached ? heard : null };
  }
  const json = JSON.parse(text) as Record<string, unknown>;
  delete json.switchboard_echo;
  return { status: res.status, shape: Object.keys(json).sort(), identity: reached ? heard : null };
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
    expect(sdk.map((o) => o.identity)).toEqual(['pycharm-ai', 'team-a', 'claude-cli', 'default-dev', 'team-b', 'team-c']);
    expect(sdk.map((o) => o.status)).toEqual([200, 200, 200, 200, 400, 400]);
  });

  it('requests refused at the front door get the same answer in both modes, and reach no backend', async () => {
    const modeNow = gw.gateway.admin.snapshot().mode.mode;
    const first: Outcome[] = [];
    for (const c of REFUSED) first.push(await run(c, modeNow));
    const other: Mode = modeNow === 'sdk' ? 'binary' : 'sdk';
    expect((await readJson(await adminFetch(gw.url, gw.adminToken)('/admin/mode', { mode: other }))).ok).toBe(true);
    const second: Outcome[] = [];
    for (const c of REFUSED) second.push(await run(c, other));
    REFUSED.forEach((c, i) => expect(second[i], c.name).toEqual(first[i]));
    expect(first.map((o) => o.identity)).toEqual([null, null, null, null, null]);
  });
});
