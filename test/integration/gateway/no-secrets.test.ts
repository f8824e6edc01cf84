// No secret (master key, admin token, provider keys, Supermemory key, cookie values) appears in process
// logs, the JSONL log, events, admin snapshots or request details, whatever the traffic.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { startFakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import type { FakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import { openaiError, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { makeDataDir, startTestGateway } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

const SECRETS = {
  SM_KEY: 'sm_secret_supermemory_value_111',
  ANTHROPIC: 'sk-ant-secret-provider-value-222',
  OPENAI: 'sk-openai-secret-provider-value-333',
  HEADER: 'extra-header-secret-value-444',
};

let sm: FakeSupermemory;
let openai: FakeUpstream;
let gw: TestGateway;
let dataDir: string;
const events: GatewayEvent[] = [];

beforeAll(async () => {
  sm = await startFakeSupermemory();
  openai = await startFakeOpenAI();
  dataDir = await makeDataDir();
  gw = await startTestGateway({
    dataDir,
    env: { SUPERMEMORY_API_KEY: SECRETS.SM_KEY, S_ANT: SECRETS.ANTHROPIC, S_OAI: SECRETS.OPENAI, S_HDR: SECRETS.HEADER },
    yaml: `model_list:
  - model_name: claude-memory
    litellm_params:
      model: anthropic/claude-sonnet-4-5
      api_base: ${sm.url}/v3/api.anthropic.com
      api_key: os.environ/S_ANT
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_base: ${openai.url}/v1
      api_key: os.environ/S_OAI
      extra_headers:
        x-custom-token: os.environ/S_HDR
switchboard:
  supermemory_base_url: ${sm.url}
  upstream:
    retries: 0
`,
  });
  gw.gateway.admin.onEvent((e) => events.push(e));
});

afterAll(async () => {
  await gw?.stop();
  await sm?.close();
  await openai?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('secrets never leak', () => {
  it('keeps every secret out of every output', async () => {
    const anthropic = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0 });
    const bearer = new Anthropic({ baseURL: gw.url, authToken: gw.key, apiKey: null, maxRetries: 0 });
    const oai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
    await anthropic.messages.create({ model: 'claude-memory', max_tokens: 5, messages: [{ role: 'user', content: 'a' }] });
    await (await bearer.messages.create({ model: 'claude-memory', max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'b' }] })).toReadableStream().getReader().read();
    await anthropic.messages.create({ model: 'claude-memory', max_tokens: 5, messages: [{ role: 'user', content: 'c' }] });
    const stream = await oai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'd' }] });
    for await (const _ of stream) void _;
    openai.queue(openaiError(401, 'invalid_request_error', `Incorrect API key provided: ${SECRETS.OPENAI} (header ${SECRETS.HEADER})`));
    await oai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'e' }] }).catch(() => undefined);
    await fetch(`${gw.url}/v1/models`, { headers: { authorization: `Bearer ${gw.key}x` } });
    await fetch(`${gw.url}/memory-routing/info`, { headers: { authorization: `Bearer ${gw.key}`, 'x-api-key': gw.key } });
    expect(sm.issued).not.toBeNull();

    const adminHeaders = { authorization: `Bearer ${gw.adminToken}` };
    const snapshot = await (await fetch(`${gw.url}/admin/snapshot`, { headers: adminHeaders })).text();
    const ids = (JSON.parse(snapshot) as { log: Array<{ id: string }> }).log.map((r) => r.id);
    const details = await Promise.all(ids.map(async (id) => (await fetch(`${gw.url}/admin/requests/${id}`, { headers: adminHeaders })).text()));
    const health = await (await fetch(`${gw.url}/health`)).text();
    // The process logger is wired as the CLI and the desktop app wire it (gateway.secrets()): a line that
    // carries every secret, in its message, an error and a field, leaves with none of them.
    const every = [...Object.values(SECRETS), gw.key, gw.adminToken, sm.issued!.cfBm, sm.issued!.cfuvid];
    expect(gw.gateway.secrets()).toEqual(expect.arrayContaining(every));
    gw.logger.warn({ err: new Error(`upstream said ${every.join(' ')}`), value: every.at(-3) }, `a careless line: ${every.join(', ')}`);
    await gw.stop();
    const files = await readdir(dataDir);
    const jsonl = (await Promise.all(files.filter((f) => f.endsWith('.jsonl')).map((f) => readFile(join(dataDir, f), 'utf8')))).join('\n');
    const cookieFile = await readFile(join(dataDir, 'cookies.json'), 'utf8');
    expect(cookieFile).toContain('__cf_bm'); // the jar itself keeps values; only the jar

    const outputs: Record<string, string> = {
      logs: gw.logs.join('\n'),
      events: JSON.stringify(events),
      snapshot,
      details: details.join('\n'),
      health,
      jsonl,
    };
    expect(jsonl.length).toBeGreaterThan(0);
    expect(details.some((d) => d.includes('redacted'))).toBe(true);
    const secrets = [...Object.values(SECRETS), gw.key, gw.adminToken, sm.issued!.cfBm, sm.issued!.cfuvid];
    for (const [name, text] of Object.entries(outputs)) {
      for (const secret of secrets) expect(text, `${name} must not contain ${secret.slice(0, 6)}…`).not.toContain(secret);
    }
  });
});
