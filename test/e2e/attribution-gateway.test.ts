// Truth in attribution, end to end in Chromium against the REAL gateway: requests refused before routing
// (a wrong key, an unknown model) are credited to the identity and client app their headers match, with
// the model they asked for, the real cause in the row, their redacted request headers in the detail,
// and the refusal marked on the routing map's hop where it happened.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../shared/protocol/records';
import type { FakeUpstream } from '../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml, type TestGateway } from '../integration/harness/test-gateway';
import { browserSkipReason, launchChromium, type BrowserSession } from './helpers/chromium';
import { findSecrets, logRow, openDashboard, screenshot, showView } from './helpers/dashboard-page';
import { ensureRendererBuilt } from './helpers/renderer-build';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const skipReason = browserSkipReason(process.env);
const WAIT = { timeout: 20_000 };
const CLAUDE_UA = 'claude-cli/2.1.3 (external, cli)';
const WRONG_KEY = 'sk-wrong-key-5f0e9d8c7b6a';

describe.skipIf(skipReason !== null)(`attribution of refused requests${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let anthropic: FakeUpstream;
  let openai: FakeUpstream;
  let gw: TestGateway;
  let browser: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt(root);
    mkdirSync(shots, { recursive: true });
    ({ anthropic, openai, gw } = await startTwoProviders(twoProviderYaml, { env: TEST_PROVIDER_ENV, rendererDir }));
    browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
    page = browser.page;
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openDashboard(page, gw);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopTwoProviders({ anthropic, openai, gw });
    expect(pageErrors).toEqual([]);
  }, 30_000);

  async function claudeCall(key: string, model: string): Promise<RequestRecord> {
    const res = await fetch(`${gw.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'user-agent': CLAUDE_UA, 'x-api-key': key },
      body: JSON.stringify({ model, max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    await res.text();
    return gw.gateway.admin.snapshot().log.at(-1)!;
  }

  it('shows a wrong key as Claude Code on claude-cli, with the cause and its redacted headers', async () => {
    const record = await claudeCall(WRONG_KEY, 'claude-sonnet-4.5');
    const row = logRow(page, record.id);
    await row.waitFor();
    expect(await row.getByTestId('cell-identity').textContent()).toBe('claude-cli');
    expect(await row.getByTestId('cell-app').textContent()).toBe('Claude Code 2.1.3');
    expect(await row.getByTestId('cell-request').textContent()).toBe('POST /v1/messages');
    expect(await row.getByTestId('cell-model').textContent()).toContain('claude-sonnet-4.5');
    expect(await row.getByTestId('cell-status').textContent()).toContain('401');
    expect(await row.getByTestId('cell-error').textContent()).toContain('Invalid or missing API key');
    await row.dblclick();
    const headers = page.getByTestId('detail-request-headers');
    await expect.poll(() => headers.textContent(), WAIT).toContain(CLAUDE_UA);
    expect(await headers.textContent()).toContain('x-api-key');
    expect(await findSecrets(page, [WRONG_KEY, gw.key, gw.adminToken])).toEqual([]);
    await screenshot(page, shots, 'attribution-refused');
    await page.keyboard.press('Escape');
  });

  it('shows an unknown model by name with what is configured instead', async () => {
    const record = await claudeCall(gw.key, 'gemini-3-pro');
    const row = logRow(page, record.id);
    await row.waitFor();
    expect(await row.getByTestId('cell-identity').textContent()).toBe('claude-cli');
    expect(await row.getByTestId('cell-model').textContent()).toContain('gemini-3-pro');
    const error = await row.getByTestId('cell-error').textContent();
    expect(error).toContain('Model gemini-3-pro is not configured');
    expect(error).not.toContain('No models are configured');
  });

  it('marks both refusals on the map where they happened', async () => {
    await showView(page, 'map');
    const door = page.locator('[data-testid="map-link"][data-link-id="app:Claude Code→identity:claude-cli"]');
    await expect.poll(() => door.getAttribute('data-errors'), WAIT).toBe('1');
    const model = page.locator('[data-testid="map-link"][data-link-id="identity:claude-cli→model:gemini-3-pro"]');
    await expect.poll(() => model.getAttribute('data-errors'), WAIT).toBe('1');
    expect(await page.locator('[data-testid="map-node"][data-node-id="identity:default-dev"]').count()).toBe(0);
  });
});
