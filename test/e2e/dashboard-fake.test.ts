// The dashboard in real Chromium against the fake admin server: every view renders, the sync protocol
// survives a dropped stream without duplicates, filters/detail/cookies/mode work, secrets stay out of
// the page. Screenshots land in test-results/screenshots/. (Acceptance against the real gateway is
// dashboard.test.ts.)
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeAdmin, type FakeAdmin } from '../fixtures/fake-admin/fake-admin-server';
import { fakeRecord } from '../fixtures/fake-admin/fake-records';
import { browserSkipReason, launchChromium, type BrowserSession } from './helpers/chromium';
import { ensureRendererBuilt } from './helpers/renderer-build';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const TOKEN = 'e2e-admin-token-5f1c9a';
// values the fake upstream traffic carries in (redacted) headers; none may reach the page
const SECRETS = ['0123456789abcdef', 'sk-ant-api03-realkey', 'sk-proj-realkey', 'sm_realkey', '__cf_bm=abc', TOKEN];
// conditions are polled until they hold; the bound only matters when something is broken (the default
// one second is too short for a 5,000-row re-filter on a loaded 2-core machine)
const WAIT = { timeout: 15_000 };

const skipReason = browserSkipReason(process.env);
if (skipReason) console.warn(`dashboard tests against the fake admin skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)(`dashboard against the fake admin server${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fake: FakeAdmin;
  let browser: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt(root);
    mkdirSync(shots, { recursive: true });
    fake = await startFakeAdmin({ token: TOKEN, rendererDir, ratePerSecond: 0, historySize: 60, switchMs: 200 });
    browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
    page = browser.page;
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(fake.dashboardUrl);
    await page.locator('[data-testid="connection-badge"][data-state="live"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    expect(pageErrors).toEqual([]);
  });

  const rowIds = () => page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id')));

  it('drops the token from the address bar and shows the log', async () => {
    expect(page.url()).not.toContain('token');
    // the routing map is the landing view; the log is one tab away
    await page.getByTestId('view-map').waitFor();
    await page.getByTestId('tab-requests').click();
    await page.getByTestId('log-row').first().waitFor();
    await expect.poll(() => page.getByTestId('log-count').textContent(), WAIT).toBe('60 requests');
    await page.screenshot({ path: join(shots, 'fake-log.png') });
  });

  it('shows a new request at the top, as it progresses', async () => {
    const base = fakeRecord({ id: 'e2e-live', identity: 'pycharm-ai', startedAt: Date.now(), phase: 'pending', status: null, ttfbMs: null, durationMs: null });
    fake.emit({ type: 'request.started', request: base });
    const row = page.locator('[data-testid="log-row"][data-request-id="e2e-live"]');
    await expect.poll(() => row.getAttribute('data-phase'), WAIT).toBe('pending');
    expect((await rowIds())[0]).toBe('e2e-live');
    fake.emit({ type: 'request.finished', request: { ...base, phase: 'done', status: 200, ttfbMs: 120, durationMs: 480 } });
    await expect.poll(() => row.getAttribute('data-phase'), WAIT).toBe('done');
    expect(await row.getByTestId('cell-identity').textContent()).toBe('pycharm-ai');
    expect(await row.getByTestId('cell-ttfb').textContent()).toBe('120 ms');
  });

  it('narrows rows with the filters and the search box', async () => {
    await page.getByTestId('filter-identity').selectOption('claude-cli');
    await expect.poll(async () => new Set(await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-identity')))), WAIT).toEqual(new Set(['claude-cli']));
    await page.getByTestId('filter-reset').click();
    await page.getByTestId('filter-text').fill('e2e-live');
    await expect.poll(rowIds, WAIT).toEqual(['e2e-live']);
    await page.getByTestId('filter-text').fill('');
    await expect.poll(async () => (await rowIds()).length, WAIT).toBeGreaterThan(10);
  });

  it('moves with the keyboard, opens the detail with Enter, closes it with Esc; no secret reaches the page', async () => {
    await page.getByTestId('log-row').nth(1).click();
    await page.getByTestId('log-scroll').press('ArrowDown');
    const selected = page.locator('[data-testid="log-row"][aria-selected="true"]');
    const id = await selected.getAttribute('data-request-id');
    expect(id).toBe((await rowIds())[2]);
    await page.getByTestId('log-scroll').press('Enter');
    await page.getByTestId('detail-request-headers').waitFor();
    expect(await page.getByTestId('detail-request-headers').textContent()).toContain('[redacted');
    await page.getByTestId('detail-upstream-headers').locator('summary').click();
    await page.screenshot({ path: join(shots, 'fake-detail.png') });
    const html = await page.content();
    for (const secret of SECRETS) expect(html).not.toContain(secret);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('detail-panel').count(), WAIT).toBe(0);
  });

  it('renders overview and clients; resolves a User-Agent through the admin API', async () => {
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('chart-requests').waitFor();
    await page.screenshot({ path: join(shots, 'fake-overview.png') });
    await page.getByTestId('tab-clients').click();
    await page.getByTestId('identity-cards').waitFor();
    await page.getByTestId('try-identity-input').fill('OpenAIClientImpl/Java unknown');
    await page.getByTestId('try-identity-submit').click();
    await expect.poll(() => page.getByTestId('try-identity-result').getAttribute('data-identity'), WAIT).toBe('pycharm-ai');
    await page.screenshot({ path: join(shots, 'fake-clients.png') });
  });

  it('clears a cookie domain after confirmation', async () => {
    await page.getByTestId('tab-cookies').click();
    await expect.poll(() => page.getByTestId('cookie-count').textContent(), WAIT).toBe('3');
    await page.screenshot({ path: join(shots, 'fake-cookies.png') });
    await page.getByTestId('cookie-clear').click();
    await page.getByTestId('cookie-clear-yes').click();
    await page.getByTestId('cookies-empty').waitFor();
    expect(await page.getByTestId('cookie-total').textContent()).toBe('0');
  });

  it('switches mode and rolls back with one click', async () => {
    await page.getByTestId('tab-mode').click();
    await page.getByTestId('mode-option-binary').click();
    await expect.poll(() => page.getByTestId('current-mode').textContent(), WAIT).toBe('Binary (LiteLLM)');
    await page.getByTestId('binary-log-tail').waitFor();
    await page.screenshot({ path: join(shots, 'fake-mode.png') });
    await page.getByTestId('tab-cookies').click();
    await page.getByTestId('cookies-binary-note').waitFor();
    await page.getByTestId('tab-mode').click();
    expect(await page.getByTestId('rollback-button').textContent()).toBe('Roll back to SDK');
    await page.getByTestId('rollback-button').click();
    await expect.poll(() => page.getByTestId('current-mode').textContent(), WAIT).toBe('SDK');
    expect(await page.getByTestId('last-switch').textContent()).toContain('Rolled back');
    // a rollback is not itself rolled back: the toggle switches from here on
    expect(await page.getByTestId('rollback-button').count()).toBe(0);
  });

  it('after a dropped stream: reconnecting, then live with no duplicated or lost rows', async () => {
    await page.getByTestId('tab-requests').click();
    const before = Number((await page.getByTestId('log-count').textContent())?.split(' ')[0]);
    fake.dropStreams();
    fake.request(); // happens while the dashboard is disconnected: the resync must bring it in
    await page.locator('[data-testid="connection-badge"][data-state="reconnecting"]').waitFor();
    await page.locator('[data-testid="connection-badge"][data-state="live"]').waitFor();
    await expect.poll(() => page.getByTestId('log-count').textContent(), WAIT).toBe(`${before + 1} requests`);
    const ids = await rowIds();
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays bounded at 5,000 rows under 100 requests a second', async () => {
    for (let i = 0; i < 5_100; i++) {
      fake.emit({ type: 'request.finished', request: fakeRecord({ id: `bulk-${i}`, startedAt: Date.now() }) });
    }
    const burst = setInterval(() => fake.request(), 10);
    try {
      await expect.poll(() => page.getByTestId('log-count').textContent(), WAIT).toBe('5000 requests');
      // virtualized: a screenful of rows in the DOM, not thousands
      expect(await page.getByTestId('log-row').count()).toBeLessThan(80);
      await page.getByTestId('filter-text').fill('bulk-5099');
      await expect.poll(rowIds, WAIT).toEqual(['bulk-5099']);
    } finally {
      clearInterval(burst);
    }
    await page.getByTestId('filter-text').fill('');
  });
});
