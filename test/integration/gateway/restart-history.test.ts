// After a restart the request log, client cards and metrics come back from the JSONL files, once each.
import OpenAI from 'openai';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { makeDataDir, startTestGateway, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let dataDir: string;

beforeAll(async () => {
  anthropic = await startFakeAnthropic();
  openai = await startFakeOpenAI();
  dataDir = await makeDataDir();
});

afterAll(async () => {
  await anthropic?.close();
  await openai?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('request history across restarts', () => {
  it('reloads recent requests once, with their identities', async () => {
    const start = () => startTestGateway({ yaml: twoProviderYaml(anthropic.url, openai.url), env: TEST_PROVIDER_ENV, dataDir });
    let gw = await start();
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': 'OpenAIClientImpl/Java 1.0' } });
    for (let i = 0; i < 3; i++) await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `${i}` }] });
    const before = gw.gateway.admin.snapshot().log.map((r) => r.id);
    expect(before).toHaveLength(3);
    await gw.stop();
    gw = await start();
    const after = gw.gateway.admin.snapshot();
    expect(after.log.map((r) => r.id)).toEqual(before);
    expect(after.identities.find((i) => i.userId === 'pycharm-ai')?.requests).toBe(3);
    await gw.stop();
  });
});
