// The set-up of the browser tests against the real gateway's acceptance stack: the renderer built, the
// stack started, Chromium open on the dashboard, page errors collected and asserted empty at the end.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startAcceptanceStack, type AcceptanceStack } from './acceptance-stack';
import { launchChromium, type BrowserSession } from './chromium';
import { openDashboard } from './dashboard-page';
import { ensureRendererBuilt } from './renderer-build';

export interface AcceptanceDashboard {
  stack: AcceptanceStack;
  page: Page;
}

/**
 * Registers the file's beforeAll/afterAll; `bind` receives the stack and page once they are up.
 * `beforeOpen` sees the page before it loads the dashboard (listeners that must not miss the first load).
 */
export function useAcceptanceDashboard(
  viewport: { width: number; height: number },
  waitMs: number,
  bind: (scene: AcceptanceDashboard) => void,
  beforeOpen?: (page: Page) => void,
): void {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  let stack: AcceptanceStack | undefined;
  let browser: BrowserSession | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt(root);
    mkdirSync(join(root, 'test-results', 'screenshots'), { recursive: true });
    stack = await startAcceptanceStack(rendererDir);
    browser = await launchChromium({ viewport });
    const page = browser.page;
    page.setDefaultTimeout(waitMs);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    beforeOpen?.(page);
    await openDashboard(page, stack.gateway());
    bind({ stack, page });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    expect(pageErrors).toEqual([]);
  }, 30_000);
}
