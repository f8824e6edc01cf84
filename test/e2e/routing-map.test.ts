// Issue "See per-client routing at a glance" in real Chromium against the fake admin server: the routing
// map (landing view, windows, errors on their hop, pulses, click-to-filter), tray-sized layouts without
// sideways scrolling, the one-click mode toggle with its health check and an honest fall-back, live
// cookies across mode changes, the proxy-style log, accessibility (axe on every view in both themes,
// focus, arrow keys, announcements) and the fall-through rule. Screenshots in test-results/screenshots/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityStats, RequestRecord } from '../../shared/protocol/records';
import { startFakeAdmin, type FakeAdmin } from '../fixtures/fake-admin/fake-admin-server';
import { fakeRecord } from '../fixtures/fake-admin/fake-records';
import { blocking, runAxe, type AxeViolation } from './helpers/axe';
import { browserSkipReason, launchChromium, type BrowserSession } from './helpers/chromium';
import { ensureRendererBuilt } from './helpers/renderer-build';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const TOKEN = 'e2e-map-token-7d2e1f';
const WAIT = { timeout: 15_000 };
const VIEWS = ['map', 'requests', 'overview', 'clients', 'cookies', 'mode', 'cutover'] as const;

const skipReason = browserSkipReason(process.env);
if (skipReason) console.warn(`routing map tests skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)(`routing map and compact dashboard${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fake: FakeAdmin;
  const sessions: BrowserSession[] = [];
  const pageErrors: string[] = [];
  let counter = 0;

  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt(root);
    mkdirSync(shots, { recursive: true });
    fake = await startFakeAdmin({ token: TOKEN, rendererDir, ratePerSecond: 0, historySize: 120, switchMs: 150 });
  }, 60_000);

  afterAll(async () => {
    for (const s of sessions) await s.close();
    await fake?.close();
    expect(pageErrors).toEqual([]);
  });

  async function open(width: number, colorScheme: 'light' | 'dark' = 'light', height = 900): Promise<Page> {
    const session = await launchChromium({ viewport: { width, height }, colorScheme });
    sessions.push(session);
    const page = session.page;
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(fake.dashboardUrl);
    await page.locator('[data-testid="connection-badge"][data-state="live"]').waitFor();
    return page;
  }

  /** A finished request and the identity stats the core would publish with it. */
  function settle(overrides: Partial<RequestRecord>): RequestRecord {
    const record = fakeRecord({ id: `map-${++counter}`, startedAt: Date.now(), ...overrides });
    fake.emit({ type: record.phase === 'error' ? 'request.failed' : 'request.finished', request: record });
    fake.emit({ type: 'identity.updated', identity: fake.state.identityAfter(record) });
    return record;
  }

  const noSideways = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth');
  const inViewport = (page: Page, testId: string) =>
    page.getByTestId(testId).first().evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.left >= 0 && box.right <= (globalThis as unknown as { innerWidth: number }).innerWidth && box.width > 0;
    });

  describe('1. the routing map', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(1280);
    }, 30_000);

    it('is the landing view and draws client app → identity → model → backend → provider from the identity stats', async () => {
      await page.getByTestId('view-map').waitFor();
      await page.getByTestId('routing-map').waitFor();
      const nodes = await page.getByTestId('map-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
      for (const id of ['app:Claude Code', 'identity:claude-cli', 'identity:pycharm-ai', 'backend:SDK']) expect(nodes).toContain(id);
      expect(nodes.some((id) => id?.startsWith('model:'))).toBe(true);
      expect(nodes.some((id) => id?.startsWith('provider:'))).toBe(true);
      // the weights are the identity stats' counts, not the visible log's
      const stats = fake.state.identities.get('claude-cli') as IdentityStats;
      const claude = page.locator('[data-testid="map-node"][data-node-id="identity:claude-cli"]');
      expect(Number(await claude.getAttribute('data-requests'))).toBe(stats.routes.reduce((n, r) => n + r.requests, 0));
    });

    it('marks a refusal on the hop where it happened and counts it in the chosen window', async () => {
      settle({ identity: 'claude-cli', clientApp: 'Claude Code 2.1.3', method: 'POST', path: '/v1/messages', model: 'claude-sonnet-4-5', provider: null, status: 401, phase: 'error', errorCode: 'AUTH_INVALID_KEY', errorMessage: 'Invalid or missing API key' });
      const door = page.locator('[data-testid="map-link"][data-link-id="app:Claude Code→identity:claude-cli"]');
      await expect.poll(() => door.getAttribute('data-errors'), WAIT).not.toBe('0');
      expect(await door.getByTestId('map-link-error').count()).toBe(1);
      await page.getByTestId('map-window-5m').click();
      expect(await page.getByTestId('map-window-5m').getAttribute('aria-pressed')).toBe('true');
      // in the last 5 minutes only the fresh refusal and whatever the history put there
      expect(Number(await door.getAttribute('data-requests'))).toBeGreaterThanOrEqual(1);
      await page.getByTestId('map-window-1h').click();
    });

    it('pulses along the path of each request as it settles', async () => {
      settle({ identity: 'pycharm-ai', clientApp: 'JetBrains AI Assistant', model: 'gpt-4o-mini', provider: 'openai' });
      await page.locator('[data-testid="map-link"][data-link-id="app:JetBrains AI Assistant→identity:pycharm-ai"] [data-testid="map-pulse"]').waitFor({ state: 'attached' });
    });

    it('filters the log to a clicked node, and to both ends of a clicked link', async () => {
      await page.locator('[data-testid="map-node"][data-node-id="identity:claude-cli"]').click();
      await page.getByTestId('view-requests').waitFor();
      expect(await page.getByTestId('filter-identity').inputValue()).toBe('claude-cli');
      await expect.poll(async () => new Set(await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-identity')))), WAIT).toEqual(new Set(['claude-cli']));
      await page.getByTestId('tab-map').click();
      const link = page.getByTestId('map-link').filter({ has: page.locator('[data-testid="map-link-error"]') }).first();
      const linkId = (await link.getAttribute('data-link-id'))!;
      await link.click({ force: true });
      await page.getByTestId('view-requests').waitFor();
      const [from, to] = linkId.split('→');
      const fromValue = from!.slice(from!.indexOf(':') + 1);
      expect(fromValue.length).toBeGreaterThan(0);
      expect(to).toBeTruthy();
      expect(await page.getByTestId('log-count').textContent()).toMatch(/ of /);
      await page.getByTestId('filter-reset').click();
      await page.getByTestId('tab-map').click();
    });

    it('screenshots at 420, 1280 and 1920 px in both themes', async () => {
      for (const width of [420, 1280, 1920]) {
        for (const scheme of ['light', 'dark'] as const) {
          const shot = await open(width, scheme, width === 420 ? 820 : 1000);
          await shot.getByTestId('routing-map').waitFor();
          expect(await noSideways(shot)).toBe(true);
          await shot.screenshot({ path: join(shots, `routing-map-${width}-${scheme}.png`) });
        }
      }
    }, 120_000);
  });

  describe('2. tray-sized and responsive', () => {
    it('has no sideways scroll from 380 px on any view, with the mode toggle and Live badge in view', async () => {
      for (const width of [380, 420, 720]) {
        const page = await open(width, 'light', 700);
        for (const view of VIEWS) {
          await page.getByTestId(`tab-${view}`).click();
          await page.getByTestId(`view-${view}`).waitFor();
          expect(await noSideways(page), `${view} at ${width} px scrolls sideways`).toBe(true);
          expect(await inViewport(page, 'mode-toggle'), `mode toggle at ${width} px`).toBe(true);
          expect(await inViewport(page, 'connection-badge'), `Live badge at ${width} px`).toBe(true);
        }
      }
    }, 120_000);

    it('shows the request detail as a full-width sheet at 420 px, whole at 720 px', async () => {
      for (const width of [420, 720]) {
        const page = await open(width, 'light', 700);
        await page.getByTestId('tab-requests').click();
        await page.getByTestId('log-row').first().click();
        await page.getByTestId('log-scroll').press('Enter');
        const box = (await page.getByTestId('detail-panel').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
        if (width === 420) expect(box.width).toBeGreaterThanOrEqual(width - 1);
        await page.screenshot({ path: join(shots, `compact-detail-${width}.png`) });
      }
    }, 60_000);
  });

  describe('3, 5. one-click mode, honest fall-back, live cookies', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(1280);
    }, 30_000);

    it('switches from the map in one click, announces it with the health check, keeps focus on the toggle', async () => {
      await page.getByTestId('view-map').waitFor();
      expect(await page.getByTestId('tab-cookies').textContent()).toMatch(/Cookies\s*3/);
      const binary = page.getByTestId('mode-option-binary');
      await binary.click();
      await expect.poll(() => page.getByTestId('mode-toggle').getAttribute('data-mode'), WAIT).toBe('binary');
      await expect.poll(() => page.getByTestId('announcer').textContent(), WAIT).toMatch(/^Switched to Binary \(LiteLLM\)\. Health check passed: GET \/v1\/models answered 200 in \d+ ms\.$/);
      expect(await binary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      expect(await page.getByTestId('view-map').count()).toBe(1);
      // 5: the cookie badge and view follow the mode without a reload
      await expect.poll(() => page.getByTestId('tab-cookies').textContent(), WAIT).toBe('Cookies');
      await page.getByTestId('tab-cookies').click();
      await page.getByTestId('cookies-binary-note').waitFor();
      await page.getByTestId('tab-mode').click();
      expect(await page.getByTestId('switch-check').getAttribute('data-ok')).toBe('true');
      expect(await page.getByTestId('rollback-button').textContent()).toBe('Roll back to SDK');
      expect(await page.getByText('Switch to SDK').count()).toBe(0);
    });

    it('shows a crash-loop fall-back as a failure in one sentence, log behind "Show log", no rollback into it', async () => {
      fake.crashLoop();
      await expect.poll(() => page.getByTestId('last-switch').getAttribute('data-ok'), WAIT).toBe('false');
      const text = (await page.getByTestId('last-switch').textContent())!;
      expect(text).toContain('Binary (LiteLLM) failed; fell back to SDK');
      expect(text).toContain('LiteLLM exited 5 times within 60 s (exit code 1), so Switchboard stopped restarting it.');
      expect(text).not.toContain('ImportError');
      expect(await page.getByTestId('rollback-button').count()).toBe(0);
      expect(await page.getByText('succeeded').count()).toBe(0);
      // the check made after the switch to binary no longer describes what runs
      expect(await page.getByTestId('switch-check').count()).toBe(0);
      // the toast says one sentence; the ~20 lines of log wait behind Show log
      const notice = page.locator('[data-testid="notice"][data-code="BINARY_CRASH_LOOP"]');
      expect((await notice.getByTestId('notice-text').textContent())!.split('\n')).toHaveLength(1);
      expect(await notice.locator('details').getAttribute('open')).toBeNull();
      await page.screenshot({ path: join(shots, 'mode-fallback.png') });
      // 5: back on SDK, the cookie badge is back at once
      await expect.poll(() => page.getByTestId('tab-cookies').textContent(), WAIT).toMatch(/Cookies\s*3/);
      await page.getByTestId('tab-cookies').click();
      await expect.poll(() => page.getByTestId('cookies-binary-note').count(), WAIT).toBe(0);
    });
  });

  describe('6. a proxy tool\'s log', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(1400);
      await page.getByTestId('tab-requests').click();
      await page.getByTestId('log-row').first().waitFor();
    }, 30_000);

    it('shows method and path, the error in the row, and anthropic-python whole', async () => {
      const refused = settle({ identity: 'anthropic-python', clientApp: 'Anthropic SDK (Python) 0.69.0', method: 'GET', path: '/v1/models', endpoint: 'models', model: null, provider: null, status: 401, phase: 'error', errorCode: 'AUTH_INVALID_KEY', errorMessage: 'Invalid or missing API key: send the Switchboard key as Authorization: Bearer <key> or x-api-key' });
      const row = page.locator(`[data-testid="log-row"][data-request-id="${refused.id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('cell-request').textContent()).toBe('GET /v1/models');
      expect(await row.getByTestId('cell-error').textContent()).toContain('Invalid or missing API key');
      const name = row.getByTestId('cell-identity').locator('.id-name');
      expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.screenshot({ path: join(shots, 'log-proxy-columns.png') });
    });

    it('keeps the rows under a reader who scrolled down still while new ones arrive', async () => {
      const scroll = page.getByTestId('log-scroll');
      await scroll.evaluate((el) => { el.scrollTop = 320; });
      await page.waitForTimeout(100);
      const topRow = () => scroll.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const rows = Array.from(el.querySelectorAll('[data-testid="log-row"]')) as { getBoundingClientRect(): { bottom: number }; getAttribute(name: string): string | null }[];
        const first = rows.find((r) => r.getBoundingClientRect().bottom > box.top + 1);
        return first?.getAttribute('data-request-id') ?? null;
      });
      const before = await topRow();
      for (let i = 0; i < 15; i++) settle({ identity: 'openai-sdk', clientApp: 'OpenAI SDK (Python) 1.99.0' });
      await expect.poll(() => page.getByTestId('log-count').textContent(), WAIT).toMatch(/^\d+ requests$/);
      await page.waitForTimeout(300);
      expect(await topRow()).toBe(before);
      // at the top, the view follows the live end
      await scroll.evaluate((el) => { el.scrollTop = 0; });
      const fresh = settle({ identity: 'openai-sdk' });
      await expect.poll(async () => (await page.getByTestId('log-row').first().getAttribute('data-request-id')), WAIT).toBe(fresh.id);
    });

    it('gives the built-in identities distinct colours', async () => {
      const hue = (id: string) => page.evaluate(`getComputedStyle(document.querySelector('[data-identity="${id}"] .id-chip') ?? document.body).getPropertyValue('--hue')`);
      settle({ identity: 'default-dev' });
      await page.locator('[data-identity="default-dev"]').first().waitFor();
      const hues = new Set([await hue('anthropic-python'), await hue('default-dev'), await hue('pycharm-ai')]);
      expect(hues.size).toBe(3);
    });
  });

  describe('8. accessible', () => {
    const results: Record<string, AxeViolation[]> = {};

    it('has no critical or serious axe violation on any view in either theme', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open(1280, scheme);
        for (const view of VIEWS) {
          await page.getByTestId(`tab-${view}`).click();
          await page.getByTestId(`view-${view}`).waitFor();
          if (view === 'requests') {
            // a row from the history: those have captured details
            await page.getByTestId('log-row').last().click();
            await page.getByTestId('log-scroll').press('Enter');
            await page.getByTestId('detail-request-headers').waitFor();
          }
          await page.waitForTimeout(150);
          results[`${view}-${scheme}`] = await runAxe(page);
          if (view === 'requests') await page.keyboard.press('Escape');
        }
      }
      writeFileSync(join(shots, 'axe-results.json'), JSON.stringify(results, null, 2));
      const summary = Object.entries(results).map(([where, v]) => `${where}: ${v.length} (${v.map((x) => `${x.id}/${x.impact}`).join(', ') || 'none'})`);
      console.log(`axe violations per view:\n${summary.join('\n')}`);
      const bad = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, blocking(v)]).filter(([, v]) => (v as AxeViolation[]).length > 0));
      expect(bad).toEqual({});
    }, 120_000);

    it('moves between tabs with the arrow keys and returns focus after the detail closes', async () => {
      const page = await open(1280);
      await page.getByTestId('tab-map').focus();
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('view-requests').waitFor();
      expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('tab-requests');
      await page.keyboard.press('End');
      await page.getByTestId('view-cutover').waitFor();
      await page.keyboard.press('Home');
      await page.getByTestId('view-map').waitFor();
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('log-row').first().click();
      await page.getByTestId('log-scroll').press('Enter');
      await page.getByTestId('detail-panel').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate('document.activeElement?.dataset.testid'), WAIT).toBe('log-scroll');
    });
  });

  describe('9. identities that fall through', () => {
    it('says a recognised client lands on the default identity, previews the rule, and adds it in one click', async () => {
      const page = await open(1280);
      settle({ identity: 'default-user', identitySource: 'default', matchedPattern: null, clientApp: 'Claude Code 2.1.3', userAgent: 'claude-cli/2.1.3 (external, cli)', model: 'claude-sonnet-4-5', provider: 'anthropic' });
      const item = page.locator('[data-testid="fall-through"][data-app="Claude Code"]');
      await item.waitFor();
      expect(await item.getByTestId('fall-through-rule').textContent()).toBe('user-agent ~ /claude-cli/|Claude Code/ → claude-cli');
      await item.getByTestId('fall-through-preview').click();
      await expect.poll(() => item.getByTestId('fall-through-diff').textContent(), WAIT).toContain('+       pattern: claude-cli/|Claude Code');
      await page.screenshot({ path: join(shots, 'fall-through-preview.png') });
      await item.getByTestId('fall-through-apply').click();
      await page.getByTestId('fall-through-done').waitFor();
      await expect.poll(() => page.evaluate('document.activeElement?.dataset.testid'), WAIT).toBe('fall-through-done');
      expect(await page.getByTestId('announcer').textContent()).toContain('New Claude Code requests get claude-cli');
      expect(await item.count()).toBe(0);
      const rules = await page.getByTestId('identity-rule').allTextContents();
      expect(rules.at(-1)).toContain('claude-cli/|Claude Code');
      // the Clients view said it too, and no longer does
      await page.getByTestId('tab-clients').click();
      expect(await page.getByTestId('fall-through').count()).toBe(0);
    });
  });
});
