// The Cutover view in Chromium against the REAL gateway (acceptance stack with the fake LiteLLM as the
// binary): "Run all checks" shows progress from the event stream and ends in a checklist that agrees
// with the gateway's own report; "Make SDK the default" follows that result; the rollback test reports its
// timings; the Overview reads real resource figures. Screenshot: test-results/screenshots/gateway-cutover.png.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../shared/protocol/validation';
import type { AcceptanceStack } from './helpers/acceptance-stack';
import { useAcceptanceDashboard } from './helpers/acceptance-dashboard';
import { browserSkipReason } from './helpers/chromium';
import { findSecrets, screenshot, showView } from './helpers/dashboard-page';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const skipReason = browserSkipReason(process.env);
const WAIT = { timeout: 20_000 };
/** `validate --phase all` must finish in 30 s with the fake binary; a loaded machine gets some slack */
const RUN_TIMEOUT_MS = 60_000;

describe.skipIf(skipReason !== null)(`Cutover view against the real gateway${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let stack: AcceptanceStack;
  let page: Page;
  useAcceptanceDashboard({ width: 1400, height: 900 }, WAIT.timeout, (scene) => ({ stack, page } = scene));

  it('runs all checks with live progress; the checklist and Make SDK the default follow the gateway’s report', async () => {
    await showView(page, 'cutover');
    await page.getByTestId('checklist-empty').waitFor();
    const finished = new Promise<ValidationReport>((resolve) => {
      const off = stack.gateway().gateway.admin.onEvent((event) => {
        if (event.type === 'validation.finished') {
          off();
          resolve(event.report);
        }
      });
    });
    await page.getByTestId('run-all').click();
    await page.getByTestId('run-progress').waitFor();
    const report = await finished;
    const expected = report.interrupted ? 'interrupted' : report.ok ? 'passed' : 'failed';
    await expect.poll(() => page.getByTestId('checklist-summary').getAttribute('data-result'), { timeout: RUN_TIMEOUT_MS }).toBe(expected);
    const shown = await page.locator('[data-testid="checklist"] [data-testid="check-item"]').evaluateAll((items) =>
      items.map((i) => `${i.getAttribute('data-item-id')}:${i.getAttribute('data-status')}`),
    );
    expect(shown.sort()).toEqual(report.items.map((i) => `${i.id}:${i.ok ? 'ok' : i.skipped ? 'skipped' : 'failed'}`).sort());
    await expect.poll(() => page.getByTestId('make-default').isEnabled(), WAIT).toBe(report.ok);
    expect(await page.getByTestId('history-row').count()).toBe(1);
    expect(await findSecrets(page, stack.secrets())).toEqual([]);
    await screenshot(page, shots, 'gateway-cutover');
  }, RUN_TIMEOUT_MS + 30_000);

  it('Test rollback switches to the binary and back and says how long it took', async () => {
    await page.getByTestId('test-rollback').click();
    await page.getByTestId('test-rollback-yes').click();
    await page.getByTestId('rollback-result').waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await page.getByTestId('rollback-back').textContent()).toMatch(/\d+(\.\d+)? (ms|s)$/);
    expect(stack.gateway().gateway.admin.snapshot().mode.mode).toBe('sdk');
  }, RUN_TIMEOUT_MS + 10_000);

  it('the Overview shows the gateway’s resident memory and in-flight requests', async () => {
    await showView(page, 'overview');
    await expect.poll(() => page.getByTestId('resources-gateway-rss').textContent(), WAIT).toMatch(/ MB$/);
    expect(await page.getByTestId('resources-inflight').textContent()).toMatch(/^\d+$/);
  });
});
