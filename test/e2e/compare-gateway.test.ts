// Compare end to end in Chromium against the REAL gateway (acceptance stack: fake providers, the fake
// LiteLLM as the binary): a JetBrains request made in SDK mode is replayed through the binary, which the
// gateway starts for the replay and stops afterwards; the dialog shows both answers, the log marks the
// replay, and no secret reaches the page. Screenshot: test-results/screenshots/gateway-compare.png.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AcceptanceStack } from './helpers/acceptance-stack';
import { useAcceptanceDashboard } from './helpers/acceptance-dashboard';
import { browserSkipReason } from './helpers/chromium';
import { jetbrainsChat } from './helpers/client-calls';
import { findSecrets, logRow, screenshot } from './helpers/dashboard-page';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const skipReason = browserSkipReason(process.env);
const WAIT = { timeout: 20_000 };

describe.skipIf(skipReason !== null)(`Compare against the real gateway${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let stack: AcceptanceStack;
  let page: Page;
  useAcceptanceDashboard({ width: 1280, height: 800 }, WAIT.timeout, (scene) => ({ stack, page } = scene));

  it('replays an SDK request through the binary and shows both answers; the replay is marked in the log', async () => {
    const finished = stack.nextFinished((r) => r.identity === 'pycharm-ai' && r.replayOf === null);
    await jetbrainsChat(stack.gateway());
    const original = await finished;
    await logRow(page, original.id).dblclick();
    await page.getByTestId('compare-button').click();
    expect(await page.getByTestId('compare-button-confirm').textContent()).toContain('costs tokens');
    const replayed = stack.nextFinished((r) => r.replayOf === original.id);
    await page.getByTestId('compare-button-yes').click();

    await page.getByTestId('compare-dialog').waitFor();
    const replay = await replayed;
    expect(replay).toMatchObject({ backend: 'binary', identity: 'pycharm-ai', status: 200 });
    expect(await page.getByTestId('compare-original-status').textContent()).toBe('200');
    expect(await page.getByTestId('compare-replay-status').textContent()).toBe('200');
    expect(await page.getByTestId('compare-replay-body').textContent()).toContain('pycharm-ai');
    expect(await findSecrets(page, stack.secrets())).toEqual([]);
    await screenshot(page, shots, 'gateway-compare');

    await page.getByTestId('compare-close').click();
    await logRow(page, replay.id).getByTestId('replay-tag').waitFor();
    // the binary was started for the replay only
    await expect.poll(() => stack.gateway().gateway.admin.snapshot().mode.backends.binary.status, WAIT).toBe('stopped');
    expect(stack.gateway().gateway.admin.snapshot().mode.mode).toBe('sdk');
  }, 60_000);
});
