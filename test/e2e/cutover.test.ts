// The Cutover view and Compare in real Chromium against the fake admin server: runs with live progress
// and a checklist, a failing run keeps "Make SDK the default" disabled and a passing one enables it, the
// rollback test's timings, the history; Compare asks first (it costs tokens) and shows both answers side
// by side with the differences marked; the replay is marked in the log; the Overview shows memory and
// in-flight requests. Screenshots land in test-results/screenshots/cutover-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../shared/protocol/records';
import { startFakeAdmin, type FakeAdmin } from '../fixtures/fake-admin/fake-admin-server';
import { fakeRecord } from '../fixtures/fake-admin/fake-records';
import { browserSkipReason, launchChromium, type BrowserSession } from './helpers/chromium';
import { ensureRendererBuilt } from './helpers/renderer-build';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const TOKEN = 'e2e-cutover-token-4b7e21';
const WAIT = { timeout: 15_000 };

const skipReason = browserSkipReason(process.env);
if (skipReason) console.warn(`cutover browser tests skipped: ${skipReason}`);

/** A finished, fully captured request the test can compare. */
function comparable(id: string): RequestDetail {
  const record = fakeRecord({ id, startedAt: Date.now(), model: 'gpt-4o', backend: 'sdk', durationMs: 640, ttfbMs: 420 });
  const request = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Explain this function.' }] });
  const response = JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'gpt-4o-2024-08-06',
    choices: [{ index: 0, message: { role: 'assistant', content: 'It sorts the list in place.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
  });
  return {
    record,
    timing: { queueMs: 2, upstreamHeadersMs: 400, ttfbMs: 420, durationMs: 640 },
    requestHeaders: { 'content-type': 'application/json', authorization: 'Bearer [redacted] fp:1a2b3c4d', 'user-agent': 'OpenAIClientImpl/Java 1.0' },
    upstreamRequestHeaders: { 'x-sm-user-id': 'pycharm-ai' },
    responseHeaders: { 'content-type': 'application/json', 'request-id': 'req_01abc' },
    requestBody: { text: request, truncated: false, totalBytes: request.length, contentType: 'application/json', sse: false },
    responseBody: { text: response, truncated: false, totalBytes: response.length, contentType: 'application/json', sse: false },
    notes: [],
  };
}

describe.skipIf(skipReason !== null)(`Cutover view and Compare${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fake: FakeAdmin;
  let browser: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt(root);
    mkdirSync(shots, { recursive: true });
    fake = await startFakeAdmin({ token: TOKEN, rendererDir, ratePerSecond: 0, historySize: 20, validationStepMs: 120 });
    browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
    page = browser.page;
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // the tray's "Open Cutover…" loads the dashboard with #view=cutover
    await page.goto(`${fake.url}/ui/#token=${TOKEN}&view=cutover`);
    await page.locator('[data-testid="connection-badge"][data-state="live"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    expect(pageErrors).toEqual([]);
  });

  const summary = () => page.getByTestId('checklist-summary');

  it('opens at the Cutover view from #view=, and says no run happened yet', async () => {
    await page.getByTestId('view-cutover').waitFor();
    expect(page.url()).not.toContain('view=');
    expect(page.url()).not.toContain('token');
    await page.getByTestId('checklist-empty').waitFor();
    await page.getByTestId('history-empty').waitFor();
    expect(await page.getByTestId('make-default').isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'cutover-empty.png') });
  });

  it('a failing run: live progress, then a checklist with the failure and its fix; Make SDK the default stays disabled', async () => {
    fake.migration.failNext = true;
    await page.getByTestId('run-all').click();
    await page.getByTestId('run-progress').waitFor();
    // progress moves item by item while the run buttons are disabled
    await expect.poll(async () => page.getByTestId('run-live-items').locator('[data-testid="check-item"]').count(), WAIT).toBeGreaterThan(2);
    expect(await page.getByTestId('run-count').textContent()).toMatch(/^\d+ of 15$/);
    expect(await page.getByTestId('run-all').isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'cutover-running.png') });

    await expect.poll(() => summary().getAttribute('data-result'), WAIT).toBe('failed');
    await expect.poll(() => page.getByTestId('run-progress').count(), WAIT).toBe(0);
    const failed = page.locator('[data-testid="checklist"] [data-item-id="post.parity.identity"]');
    expect(await failed.getAttribute('data-status')).toBe('failed');
    expect(await failed.getByTestId('check-fix').textContent()).toContain('forward_client_headers_to_llm_api');
    expect(await page.locator('[data-testid="checklist"] [data-item-id="post.performance.latency"]').getAttribute('data-status')).toBe('skipped');
    await page.screenshot({ path: join(shots, 'cutover-failed.png') });
    // the failures are listed first, each linking to its item
    expect(await page.getByTestId('checklist-failures').textContent()).toContain('Parity: same identity headers reach the upstream');
    await page.getByTestId('checklist-failures').getByRole('link').first().click();
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('data-item-id')")).toBe('post.parity.identity');
    expect(await page.getByTestId('make-default').isDisabled()).toBe(true);
    expect(await page.getByTestId('make-default-why').textContent()).toContain('Enabled after a passing');
  });

  it('a passing run enables Make SDK the default, which records the decision', async () => {
    await page.getByTestId('run-all').click();
    await expect.poll(() => page.getByTestId('history-row').count(), WAIT).toBe(2);
    await expect.poll(() => summary().getAttribute('data-result'), WAIT).toBe('passed');
    expect(await page.locator('[data-testid="checklist"] [data-status="failed"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('make-default').isEnabled(), WAIT).toBe(true);
    expect(await page.getByTestId('perf-ratio').textContent()).toContain('SDK faster');
    await page.getByTestId('make-default').click();
    await page.getByTestId('decision').waitFor();
    expect(await page.getByTestId('decision').textContent()).toMatch(/SDK is the default since .* based on run run-2/);
  });

  it('Test rollback asks first, then shows how long the way there and back took', async () => {
    await page.getByTestId('test-rollback').click();
    await page.getByTestId('test-rollback-confirm').waitFor();
    // the question takes the focus to Cancel; Escape cancels
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('test-rollback-confirm').count(), WAIT).toBe(0);
    await page.getByTestId('test-rollback').click();
    await page.getByTestId('test-rollback-yes').click();
    await page.getByTestId('rollback-result').waitFor();
    expect(await page.getByTestId('rollback-result').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('rollback-to-binary').textContent()).toBe('2.34 s');
    expect(await page.getByTestId('rollback-back').textContent()).toBe('180 ms');
    await page.screenshot({ path: join(shots, 'cutover-passed.png'), fullPage: true });
  });

  it('Stop ends a run under way as interrupted', async () => {
    await page.getByTestId('run-pre').click();
    await page.getByTestId('run-cancel').click();
    await expect.poll(() => summary().getAttribute('data-result'), WAIT).toBe('interrupted');
    expect(await page.getByTestId('run-progress').count()).toBe(0);
    // a pre run says nothing about the SDK backend: the cutover stays possible
    expect(await page.getByTestId('make-default').isEnabled()).toBe(true);
  });

  it('the history lists the runs; picking an older one shows its checklist', async () => {
    const rows = page.getByTestId('history-row');
    expect(await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-result')))).toEqual(['interrupted', 'passed', 'failed']);
    await rows.nth(2).getByRole('button').click();
    await expect.poll(() => summary().getAttribute('data-result'), WAIT).toBe('failed');
    expect(await rows.nth(2).getByRole('button').getAttribute('aria-pressed')).toBe('true');
  });

  it('the Overview shows the gateway’s memory and in-flight requests', async () => {
    await page.getByTestId('tab-overview').click();
    await expect.poll(() => page.getByTestId('resources-gateway-rss').textContent(), WAIT).toBe('87.3 MB');
    expect(await page.getByTestId('resources-litellm-rss').textContent()).toBe('not running');
    expect(await page.getByTestId('resources-inflight').textContent()).toBe('0');
    await page.getByTestId('overview-resources').screenshot({ path: join(shots, 'cutover-overview-resources.png') });
  });

  it('Compare asks first (it costs tokens), then shows both answers side by side with the differences marked', async () => {
    const detail = comparable('cmp-1');
    fake.state.storeDetail(detail);
    fake.emit({ type: 'request.finished', request: detail.record });
    await page.getByTestId('tab-requests').click();
    await page.locator('[data-testid="log-row"][data-request-id="cmp-1"]').dblclick();
    await page.getByTestId('compare').waitFor();
    await page.getByTestId('compare-button').click();
    const confirm = page.getByTestId('compare-button-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('costs tokens');
    await page.getByTestId('detail-panel').screenshot({ path: join(shots, 'cutover-compare-confirm.png') });
    await page.getByTestId('compare-button-yes').click();
    await page.getByTestId('compare-progress').waitFor();

    const dialog = page.getByTestId('compare-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('compare-summary').textContent()).toBe('3 differences: Header request-id, Body shape, Timing.');
    expect(await page.getByTestId('compare-difference').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['header:request-id', 'body', 'timing']);
    // both sides, the differing parts marked
    expect(await page.getByTestId('compare-original-status').getAttribute('data-differs')).toBe('false');
    expect(await page.getByTestId('compare-replay-timing').getAttribute('data-differs')).toBe('true');
    expect(await page.locator('[data-testid="compare-original-headers"] tr[data-differs="true"] th').textContent()).toBe('request-id');
    expect(await page.locator('[data-testid="compare-replay-body"] .diff-line').allTextContents()).toEqual(['  "system_fingerprint": "fp_litellm_0a1b"']);
    expect(await page.locator('[data-testid="compare-original-body"] .diff-line').count()).toBe(0);
    // focus went into the dialog
    // plain script text: the test tsconfig has no DOM types
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe('compare-close');
    await page.screenshot({ path: join(shots, 'cutover-compare.png') });
    // Tab stays inside the dialog
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe('compare-replay-body');
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe('compare-close');

    // Escape closes the dialog only; the detail stays open
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(await page.getByTestId('detail-panel').count()).toBe(1);
  });

  it('marks the replay in the log and in its detail', async () => {
    const row = page.locator('[data-testid="log-row"][data-request-id="cmp-1-replay"]');
    await row.waitFor();
    expect(await row.getByTestId('replay-tag').textContent()).toBe('replay');
    expect(await page.locator('[data-testid="log-row"][data-request-id="cmp-1"]').getByTestId('replay-tag').count()).toBe(0);
    // the search box finds replays by the word
    await page.getByTestId('filter-text').fill('replay');
    await expect.poll(() => page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id'))), WAIT).toEqual(['cmp-1-replay']);
    await page.getByTestId('filter-text').fill('');
    await row.dblclick();
    await expect.poll(() => page.getByTestId('detail-replay-of').textContent(), WAIT).toContain('cmp-1');
    await page.getByTestId('detail-replay-of').getByRole('button').click();
    await expect.poll(() => page.locator('[data-testid="log-row"][aria-selected="true"]').getAttribute('data-request-id'), WAIT).toBe('cmp-1');
  });

  it('a #view= change on an open page switches the view (the tray clicked again)', async () => {
    await page.getByTestId('tab-requests').click();
    await page.evaluate("window.location.hash = 'view=cutover'");
    await page.getByTestId('view-cutover').waitFor();
    expect(page.url()).not.toContain('view=');
  });
});
