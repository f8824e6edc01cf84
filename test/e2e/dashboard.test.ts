// Acceptance of the dashboard in Debian's Chromium against the REAL gateway: createGateway on
// 127.0.0.1 with fake providers, a fake Supermemory behind a fake Cloudflare, and the fake LiteLLM binary.
// The callers are the official SDKs and Claude Code's wire shape. One page stays open through the whole
// file, as a user's window would, including across a gateway restart. Screenshots of every view go to
// test-results/screenshots/gateway-*.png.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RequestRecord } from '../../shared/protocol/records';
import { useAcceptanceDashboard } from './helpers/acceptance-dashboard';
import { MEMORY_MODEL, type AcceptanceStack } from './helpers/acceptance-stack';
import { browserSkipReason } from './helpers/chromium';
import { claudeCodeStream, jetbrainsChat, memoryMessage } from './helpers/client-calls';
import {
  badgeHistory,
  badgeIn,
  badgeReached,
  findSecrets,
  logRow,
  rowDoneAt,
  rowIdentities,
  rowIds,
  screenshot,
  showView,
} from './helpers/dashboard-page';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const skipReason = browserSkipReason(process.env);
if (skipReason) console.warn(`dashboard acceptance tests skipped: ${skipReason}`);

// generous bounds for waiting on a loaded 2-core machine; each wait ends as soon as its condition holds
const WAIT = { timeout: 15_000 };

describe.skipIf(skipReason !== null)(`dashboard against the real gateway${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let stack: AcceptanceStack;
  let page: Page;
  const requestedUrls: string[] = [];
  const ids: Record<'jetbrains' | 'claude' | 'memory', string> = { jetbrains: '', claude: '', memory: '' };
  /** every request sent so far, oldest first */
  const rows: string[] = [];

  const gw = () => stack.gateway();
  const cell = (id: string, column: string) => logRow(page, id).getByTestId(`cell-${column}`);
  const expectNoSecrets = async (where: string) => {
    expect(await findSecrets(page, stack.secrets(), { 'requested URLs': requestedUrls.join('\n') }), where).toEqual([]);
  };

  useAcceptanceDashboard(
    { width: 1280, height: 800 },
    WAIT.timeout,
    (scene) => ({ stack, page } = scene),
    (opening) => opening.on('request', (request) => requestedUrls.push(request.url())),
  );

  it('shows a request from the openai SDK with the JetBrains User-Agent as pycharm-ai within one second', async () => {
    const finished = stack.nextFinished((r) => r.identity === 'pycharm-ai');
    const answer = await jetbrainsChat(gw());
    const returnedAt = Date.now();
    expect(answer).toBe('Hello identity=pycharm-ai');
    const record = await finished;
    ids.jetbrains = record.id;
    rows.push(record.id);
    // the page stamps the moment the finished row entered its DOM (see rowDoneAt); before the call
    // returned counts as zero
    const latency = (await rowDoneAt(page, record.id)) - returnedAt;
    expect(latency, `the row appeared ${latency} ms after the call returned`).toBeLessThan(1_000);
    expect(await cell(record.id, 'identity').textContent()).toBe('pycharm-ai');
    expect(await cell(record.id, 'status').textContent()).toBe('200');
    expect(await cell(record.id, 'backend').textContent()).toBe('SDK');
  });

  it('shows a Claude Code-shaped streamed request as claude-cli with TTFB and duration', async () => {
    const finished = stack.nextFinished((r) => r.identity === 'claude-cli');
    expect(await claudeCodeStream(gw())).toBe('Hello from identity=claude-cli');
    const record: RequestRecord = await finished;
    ids.claude = record.id;
    rows.push(record.id);
    expect(record).toMatchObject({ stream: true, path: '/v1/messages', status: 200 });
    await rowDoneAt(page, record.id);
    expect(await cell(record.id, 'identity').textContent()).toBe('claude-cli');
    expect(await cell(record.id, 'model').textContent()).toContain('SSE');
    const ttfb = await cell(record.id, 'ttfb').textContent();
    const duration = await cell(record.id, 'duration').textContent();
    expect(ttfb).toMatch(/^\d+(\.\d+)? m?s$/);
    expect(duration).toMatch(/^\d+(\.\d+)? m?s$/);
    await screenshot(page, shots, 'gateway-log');
  });

  it('counts the cookies the fake Cloudflare sets, and none after "Clear all"', async () => {
    await showView(page, 'cookies');
    await page.getByTestId('cookies-empty').waitFor();
    expect(await page.getByTestId('cookie-total').textContent()).toBe('0');
    // the first answer sets __cf_bm and _cfuvid; the second request must carry them back, or the fake
    // Cloudflare answers 503
    for (let i = 0; i < 2; i++) {
      const finished = stack.nextFinished((r) => r.model === MEMORY_MODEL);
      expect(await memoryMessage(gw(), MEMORY_MODEL)).toBe('Hello from the fake Supermemory router.');
      ids.memory = (await finished).id;
      rows.push(ids.memory);
    }
    expect(stack.memory.requests.at(-1)?.cookies.__cf_bm).toBe(stack.memory.issued?.cfBm);
    await expect.poll(() => page.getByTestId('cookie-total').textContent(), WAIT).toBe('2');
    expect(await page.getByTestId('cookie-count').allTextContents()).toEqual(['2']);
    const names = await page.getByTestId('cookie-row').locator('td:first-child').allTextContents();
    expect(names.sort()).toEqual(['__cf_bm', '_cfuvid']);
    await screenshot(page, shots, 'gateway-cookies');
    await expectNoSecrets('cookies view');
    await page.getByTestId('cookies-clear-all').click();
    await page.getByTestId('cookies-clear-all-yes').click();
    await page.getByTestId('cookies-empty').waitFor();
    expect(await page.getByTestId('cookie-total').textContent()).toBe('0');
  });

  it('narrows the rows with the identity, model and text filters', async () => {
    await showView(page, 'requests');
    await expect.poll(() => rowIds(page), WAIT).toEqual([...rows].reverse());
    await page.getByTestId('filter-identity').selectOption('claude-cli');
    await expect.poll(() => rowIds(page), WAIT).toEqual([ids.claude]);
    expect(await page.getByTestId('log-count').textContent()).toBe(`1 of ${rows.length}`);
    await page.getByTestId('filter-reset').click();
    await page.getByTestId('filter-model').selectOption('gpt-4o');
    await expect.poll(() => rowIds(page), WAIT).toEqual([ids.jetbrains]);
    await page.getByTestId('filter-reset').click();
    await page.getByTestId('filter-text').fill('OpenAIClientImpl');
    await expect.poll(() => rowIdentities(page), WAIT).toEqual(['pycharm-ai']);
    await page.getByTestId('filter-text').fill('');
    await expect.poll(() => rowIds(page), WAIT).toEqual([...rows].reverse());
  });

  it('shows redacted headers in the detail panel, and no secret anywhere in the page', async () => {
    // the master key appears only as the fingerprint the Overview shows next to "Show key"
    const masterKeyPrint = createHash('sha256').update(gw().key).digest('hex').slice(0, 8);
    const openDetail = async (id: string) => {
      await logRow(page, id).click();
      await page.getByTestId('log-scroll').press('Enter');
      await page.locator(`[data-testid="detail-panel"]`).waitFor();
      await page.getByTestId('detail-request-headers').waitFor();
      // open every collapsed section, so their text is on screen and checked too
      const closed = page.locator('[data-testid="detail-panel"] details:not([open]) > summary');
      while ((await closed.count()) > 0) await closed.first().click();
    };

    await openDetail(ids.memory);
    const sentUpstream = await page.getByTestId('detail-upstream-headers').textContent();
    expect(sentUpstream).toMatch(/x-api-key\s*\[redacted/);
    expect(sentUpstream).toMatch(/x-supermemory-api-key\s*\[redacted/);
    await expectNoSecrets('detail of the Supermemory request');

    await openDetail(ids.claude);
    expect(await page.getByTestId('detail-request-headers').textContent()).toMatch(new RegExp(`x-api-key\\s*\\[redacted\\] fp:${masterKeyPrint}`));
    expect(await page.getByTestId('detail-identity').textContent()).toBe('claude-cli');
    await page.getByTestId('detail-response-body-transcript').waitFor();
    await expectNoSecrets('detail of the Claude Code request');
    // the screenshot shows the redacted request headers
    await page.getByTestId('detail-request-headers').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, shots, 'gateway-detail');

    await openDetail(ids.jetbrains);
    expect(await page.getByTestId('detail-request-headers').textContent()).toMatch(new RegExp(`authorization\\s*Bearer \\[redacted\\] fp:${masterKeyPrint}`));
    await expectNoSecrets('detail of the JetBrains request');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('detail-panel').count(), WAIT).toBe(0);
  });

  it('renders the overview and clients views without secrets', async () => {
    await showView(page, 'overview');
    await page.getByTestId('chart-requests').waitFor();
    await screenshot(page, shots, 'gateway-overview');
    await expectNoSecrets('overview');
    await showView(page, 'clients');
    await page.getByTestId('identity-cards').waitFor();
    await screenshot(page, shots, 'gateway-clients');
    await expectNoSecrets('clients');
  });

  it('records the backend of the next request after the mode toggle and after "Roll back"', async () => {
    await showView(page, 'mode');
    // every switch is followed by a health check through the front door: it is logged like any request
    const probeBinary = stack.nextFinished((r) => r.identity === 'switchboard-health');
    await page.getByTestId('mode-option-binary').click();
    await expect.poll(() => page.getByTestId('current-mode').textContent(), { timeout: 30_000 }).toBe('Binary (LiteLLM)');
    await expect.poll(() => page.getByTestId('current-backend-status').textContent(), WAIT).toBe('ready');
    await page.getByTestId('switch-check').and(page.locator('[data-ok="true"]')).waitFor();
    rows.push((await probeBinary).id);
    const viaBinary = stack.nextFinished((r) => r.identity === 'pycharm-ai');
    // LiteLLM calls the configured provider, which hears the identity through it
    expect(await jetbrainsChat(gw())).toBe('Hello identity=pycharm-ai');
    expect(stack.openai.requests.at(-1)?.headers['user-agent']).toMatch(/^litellm\//);
    const binaryId = (await viaBinary).id;
    rows.push(binaryId);
    await page.getByTestId('binary-log-tail').waitFor();
    expect(await page.getByTestId('binary-version').textContent()).toBe('1.80.17');
    await screenshot(page, shots, 'gateway-mode');
    await expectNoSecrets('mode view in binary mode');

    expect(await page.getByTestId('rollback-button').textContent()).toBe('Roll back to SDK');
    const probeSdk = stack.nextFinished((r) => r.identity === 'switchboard-health');
    await page.getByTestId('rollback-button').click();
    await expect.poll(() => page.getByTestId('current-mode').textContent(), { timeout: 30_000 }).toBe('SDK');
    const probeSdkId = (await probeSdk).id;
    rows.push(probeSdkId);
    const viaSdk = stack.nextFinished((r) => r.identity === 'pycharm-ai');
    expect(await jetbrainsChat(gw())).toBe('Hello identity=pycharm-ai');
    const sdkId = (await viaSdk).id;
    rows.push(sdkId);

    await showView(page, 'requests');
    await expect.poll(() => cell(binaryId, 'backend').textContent(), WAIT).toBe('Binary');
    await expect.poll(() => cell(sdkId, 'backend').textContent(), WAIT).toBe('SDK');
    expect((await rowIds(page)).slice(0, 3)).toEqual([sdkId, probeSdkId, binaryId]);
  });

  it('after the gateway is killed and restarted on the same port: reconnecting, then live, no duplicated rows', async () => {
    await showView(page, 'requests');
    const before = await rowIds(page);
    expect(before).toEqual([...rows].reverse());
    const statesBefore = (await badgeHistory(page)).length;
    await stack.stopGateway();
    await badgeReached(page, 'reconnecting', statesBefore);
    await screenshot(page, shots, 'gateway-reconnecting');
    await stack.startGateway();
    await badgeIn(page, 'live').waitFor();
    // a slow restart may pass through "offline" on the way; what matters is reconnecting first, live last
    const states = (await badgeHistory(page)).slice(statesBefore);
    expect(states[0]).toBe('reconnecting');
    expect(states.at(-1)).toBe('live');
    // the new gateway reloaded its history from the JSONL log: every row once, none lost
    await expect.poll(async () => (await rowIds(page)).sort(), WAIT).toEqual([...before].sort());
    const finished = stack.nextFinished((r) => r.identity === 'pycharm-ai');
    await jetbrainsChat(gw());
    const fresh = (await finished).id;
    await rowDoneAt(page, fresh);
    const after = await rowIds(page);
    expect(after).toEqual([fresh, ...before]);
    expect(new Set(after).size).toBe(after.length);
    expect(await page.getByTestId('log-count').textContent()).toBe(`${rows.length + 1} requests`);
    await expectNoSecrets('log after the restart');
  });
});
