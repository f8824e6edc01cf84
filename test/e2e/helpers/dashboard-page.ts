// Driving the dashboard page: open it with the admin token in the fragment, switch views, find rows by
// request id, screenshot, and look for secrets. The in-page probe records, with the page's own clock, when
// each finished request's row first appeared and every connection state the badge went through, so the
// assertions do not depend on how fast the test process happens to poll a busy machine.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { TestGateway } from '../../integration/harness/test-gateway';

export type ViewId = 'map' | 'requests' | 'overview' | 'clients' | 'cookies' | 'mode' | 'cutover';

/** Opens the dashboard (it lands on the routing map) and goes to `view`, the request log unless told. */
export async function openDashboard(page: Page, gw: TestGateway, view: ViewId = 'requests'): Promise<void> {
  await page.goto(`${gw.url}/ui/#token=${gw.adminToken}`);
  await badgeIn(page, 'live').waitFor();
  if (view !== 'map') await showView(page, view);
  await installProbe(page);
}

export const badgeIn = (page: Page, state: string): Locator =>
  page.locator(`[data-testid="connection-badge"][data-state="${state}"]`);

export const logRow = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="log-row"][data-request-id="${id}"]`);

/** Request ids of the rows in the DOM, top (newest) first. The log is virtualized: fine for a few dozen rows. */
export function rowIds(page: Page): Promise<string[]> {
  return page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id') ?? ''));
}

export function rowIdentities(page: Page): Promise<string[]> {
  return page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-identity') ?? ''));
}

export async function showView(page: Page, view: ViewId): Promise<void> {
  await page.getByTestId(`tab-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
}

export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

// Plain script text: the test tsconfig has no DOM types, and this runs in the page, not in Node.
const PROBE = `(() => {
  if (window.__sbProbe) return;
  const probe = { badge: [], doneAt: {} };
  window.__sbProbe = probe;
  const look = () => {
    const now = Date.now();
    const badge = document.querySelector('[data-testid="connection-badge"]');
    const state = badge && badge.getAttribute('data-state');
    if (state && probe.badge[probe.badge.length - 1] !== state) probe.badge.push(state);
    for (const row of document.querySelectorAll('[data-testid="log-row"][data-phase="done"]')) {
      const id = row.getAttribute('data-request-id');
      if (id && !(id in probe.doneAt)) probe.doneAt[id] = now;
    }
  };
  new MutationObserver(look).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-phase'],
  });
  look();
})()`;

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE);
}

/**
 * Epoch ms (page clock, same machine as the test) at which the row of request `id` was first in the DOM
 * as finished. Waits for it; the row may have appeared before this is called.
 */
export async function rowDoneAt(page: Page, id: string, timeoutMs = 15_000): Promise<number> {
  const handle = await page.waitForFunction(
    (requestId) => (globalThis as unknown as { __sbProbe: { doneAt: Record<string, number> } }).__sbProbe.doneAt[requestId] ?? null,
    id,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

/** Every connection state the badge showed since the page opened, without repeats. */
export function badgeHistory(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __sbProbe: { badge: string[] } }).__sbProbe.badge.slice());
}

/**
 * Waits until the badge has shown `state` at position `from` or later of its history. A state that lasts
 * a moment (reconnecting, on its way to offline) is not missed, however late the test looks.
 */
export async function badgeReached(page: Page, state: string, from: number, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    ([wanted, start]) => (globalThis as unknown as { __sbProbe: { badge: string[] } }).__sbProbe.badge.indexOf(wanted as string, start as number) !== -1,
    [state, from] as const,
    { timeout: timeoutMs },
  );
}

// The page's markup, its visible text, and what is typed into its fields.
const PAGE_TEXT = `[document.body.innerText, ...Array.from(document.querySelectorAll('input, textarea, select'), (e) => e.value)].join('\\n')`;

/**
 * Where secret values show up in the page: the whole value, or its first or last 16 characters (a
 * truncated display leaks those). `more` adds places of the caller's (e.g. the URLs the page requested).
 * Returns "<needle> in <place>" for each find; empty means clean.
 */
export async function findSecrets(page: Page, secrets: string[], more: Record<string, string> = {}): Promise<string[]> {
  const places: Record<string, string> = {
    markup: await page.content(),
    text: (await page.evaluate(PAGE_TEXT)) as string,
    url: page.url(),
    ...more,
  };
  const needles = new Set<string>();
  for (const secret of secrets) {
    needles.add(secret);
    if (secret.length > 20) {
      needles.add(secret.slice(0, 16));
      needles.add(secret.slice(-16));
    }
  }
  const found: string[] = [];
  for (const needle of needles) {
    for (const [place, content] of Object.entries(places)) if (content.includes(needle)) found.push(`${needle} in ${place}`);
  }
  return found;
}
