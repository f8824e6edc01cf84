// Switching between the SDK backend and the supervised LiteLLM binary, rolling back, failing to switch,
// falling back after a crash loop, persistence across restarts, and no orphan child after shutdown.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { writeFakeControl } from '../../fixtures/fake-litellm';
import { startFakeAnthropic, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { makeDataDir, readJson, startTestGateway, TEST_PROVIDER_ENV } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch, modesYaml, processAlive, waitUntil } from './mode-harness';

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

const chat = (gw: TestGateway) =>
  new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': 'OpenAIClientImpl/Java 1.0' } })
    .chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'which backend?' }] });

describe('mode switch and rollback', () => {
  let gw: TestGateway;
  const events: GatewayEvent[] = [];
  let childPid = 0;

  // a failing test must not leave a gateway or a LiteLLM child behind
  afterAll(async () => {
    await (gw as TestGateway | undefined)?.stop();
  });

  it('switches to binary only once the child is ready, then serves from it with the identity headers', async () => {
    gw = await startTestGateway({
      yaml: modesYaml(anthropic.url, openai.url),
      // the child takes a while to answer liveliness: the switch is visibly under way meanwhile
      env: { ...TEST_PROVIDER_ENV, FAKE_LITELLM_BEHAVIOUR: 'slow-start:1500' },
      dataDir,
    });
    gw.gateway.admin.onEvent((e) => events.push(e));
    const admin = adminFetch(gw.url, gw.adminToken);
    expect((await chat(gw)).choices[0]!.message.content).toBe('Hello identity=pycharm-ai');

    const switching = admin('/admin/mode', { mode: 'binary' });
    await waitUntil(() => events.some((e) => e.type === 'mode.changed' && e.mode.switching === 'binary'), 'the switch to begin');
    // while the child is not ready, new requests still go to the SDK backend
    expect(gw.gateway.admin.snapshot().mode).toMatchObject({ mode: 'sdk', switching: 'binary' });
    expect((await chat(gw)).choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
    expect(gw.gateway.admin.snapshot().log.at(-1)?.backend).toBe('sdk');

    const res = await switching;
    const result = (await readJson(res)) as ModeResult;
    expect(res.status).toBe(200);
    expect(result).toMatchObject({ ok: true, mode: { mode: 'binary', previous: 'sdk', switching: null, lastSwitch: { kind: 'switch', ok: true } } });
    expect(result.mode.backends.binary.status).toBe('ready');
    childPid = result.mode.backends.binary.pid!;
    expect(processAlive(childPid)).toBe(true);
    // the order of what the dashboard heard: the child was ready before the mode said binary
    const ready = events.findIndex((e) => e.type === 'backend.state' && e.backend.kind === 'binary' && e.backend.status === 'ready');
    const flipped = events.findIndex((e) => e.type === 'mode.changed' && e.mode.mode === 'binary');
    expect(ready).toBeGreaterThanOrEqual(0);
    expect(flipped).toBeGreaterThan(ready);
    const starting = events.findIndex((e) => e.type === 'backend.state' && e.backend.kind === 'binary' && e.backend.status === 'starting');
    expect(events.slice(starting, ready).some((e) => e.type === 'mode.changed' && e.mode.mode === 'binary')).toBe(false);

    // the child calls the configured api_base as LiteLLM does: the fake provider answers, having
    // received the identity header through LiteLLM (its user-agent says who called)
    const answer = await chat(gw);
    expect(answer.choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
    expect(openai.requests.at(-1)?.headers['user-agent']).toMatch(/^litellm\//);
    expect(gw.gateway.admin.snapshot().log.at(-1)).toMatchObject({ backend: 'binary', status: 200, identity: 'pycharm-ai' });
    const health = await readJson(await fetch(`${gw.url}/health`));
    expect(health).toMatchObject({ mode: 'binary', backend: 'ready' });
    expect(gw.gateway.admin.snapshot().cookies).toMatchObject({ applies: false });
    expect(gw.gateway.admin.snapshot().cookies.note).toMatch(/LiteLLM/);
  });

  it('streams Anthropic-dialect requests through the child too', async () => {
    const client = new Anthropic({ baseURL: gw.url, apiKey: gw.key, maxRetries: 0, defaultHeaders: { 'user-agent': 'claude-cli/2.0.14' } });
    const message = await client.messages.stream({ model: 'claude-sonnet-4.5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
    const text = message.content[0]!.type === 'text' ? message.content[0]!.text : '';
    expect(text).toContain('identity=claude-cli');
    expect(anthropic.requests.at(-1)?.headers).toMatchObject({ 'x-sm-user-id': 'claude-cli', 'user-agent': expect.stringMatching(/^litellm\//) });
  });

  it('rolls back with one call and stops the child once idle', async () => {
    const admin = adminFetch(gw.url, gw.adminToken);
    const result = (await readJson(await admin('/admin/rollback', {}))) as ModeResult;
    expect(result).toMatchObject({ ok: true, mode: { mode: 'sdk', previous: 'binary', lastSwitch: { kind: 'rollback' } } });
    expect((await chat(gw)).choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
    expect(gw.gateway.admin.snapshot().log.at(-1)?.backend).toBe('sdk');
    await waitUntil(() => !processAlive(childPid), 'the LiteLLM child to stop after rollback');
  });

  it('keeps the previous mode when a switch fails, and says why', async () => {
    await gw.stop();
    gw = await startTestGateway({
      yaml: modesYaml(anthropic.url, openai.url, { command: '/nonexistent/litellm-missing' }),
      env: TEST_PROVIDER_ENV,
      dataDir,
    });
    const failing = adminFetch(gw.url, gw.adminToken);
    const res = await failing('/admin/mode', { mode: 'binary' });
    expect(res.status).toBe(409);
    const result = (await readJson(res)) as ModeResult;
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('BINARY_NOT_FOUND');
    expect(result.error?.message).toMatch(/pip install 'litellm\[proxy\]==/);
    expect(result.mode).toMatchObject({ mode: 'sdk', switching: null, lastSwitch: { kind: 'switch', ok: false, to: 'binary' } });
    expect((await chat(gw)).choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
  });

  it('restores the persisted mode at start, and an explicit mode overrides it', async () => {
    await gw.stop();
    gw = await startTestGateway({ yaml: modesYaml(anthropic.url, openai.url), env: TEST_PROVIDER_ENV, dataDir });
    const admin = adminFetch(gw.url, gw.adminToken);
    expect(((await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult).ok).toBe(true);
    await gw.stop();
    gw = await startTestGateway({ yaml: modesYaml(anthropic.url, openai.url), env: TEST_PROVIDER_ENV, dataDir });
    expect(gw.gateway.admin.snapshot().mode.mode).toBe('binary');
    const pid = gw.gateway.admin.snapshot().mode.backends.binary.pid!;
    await gw.stop();
    expect(processAlive(pid)).toBe(false);
    gw = await startTestGateway({
      yaml: modesYaml(anthropic.url, openai.url).replace('switchboard:\n', 'switchboard:\n  mode: sdk\n'),
      env: TEST_PROVIDER_ENV,
      dataDir,
    });
    expect(gw.gateway.admin.snapshot().mode.mode).toBe('sdk');
    await gw.stop();
  });
});

describe('crash loop fallback', () => {
  it('falls back to sdk mode with an event saying why when the child keeps crashing', async () => {
    const dir = await makeDataDir();
    const control = join(dir, 'control.json');
    const gw = await startTestGateway({
      yaml: modesYaml(anthropic.url, openai.url),
      env: { ...TEST_PROVIDER_ENV, FAKE_LITELLM_CONTROL: control },
      dataDir: dir,
    });
    try {
    const events: GatewayEvent[] = [];
    gw.gateway.admin.onEvent((e) => events.push(e));
    const admin = adminFetch(gw.url, gw.adminToken);
    expect(((await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult).ok).toBe(true);
    // the running child crashes, and every child started after it dies shortly after becoming ready
    writeFakeControl(control, { behaviour: 'crash-after:100', crashPid: gw.gateway.admin.snapshot().mode.backends.binary.pid! });
    await waitUntil(() => gw.gateway.admin.snapshot().mode.mode === 'sdk', 'the fallback to sdk', 30_000);
    const mode = gw.gateway.admin.snapshot().mode;
    expect(mode.lastSwitch).toMatchObject({ kind: 'fallback', from: 'binary', to: 'sdk', ok: true });
    expect(mode.lastSwitch?.reason).toMatch(/crash/i);
    expect(mode.backends.binary.status).toBe('failed');
    // the notice follows the fsync of mode.json
    await waitUntil(() => events.some((e) => e.type === 'notice' && e.level === 'error'), 'the fallback notice');
    expect((await chat(gw)).choices[0]!.message.content).toBe('Hello identity=pycharm-ai');
    } finally {
      // also on failure: no gateway or LiteLLM child outlives the test
      await gw.dispose();
    }
  }, 60_000);
});
