// Debian's Chromium under playwright-core, the one way the browser tests start a browser: a fresh profile
// per launch, no network chatter of its own, never a downloaded browser (`npx playwright install` is off
// limits: CI installs the distribution package).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Why the browser tests cannot run here, or null when they can. On CI a missing browser is a broken
 * machine, not a reason to skip: that throws, so the suite fails instead of passing quietly.
 */
export function browserSkipReason(env: { CI?: string | undefined }, path = CHROMIUM_PATH): string | null {
  if (existsSync(path)) return null;
  if (env.CI) throw new Error(`${path} is missing on CI: install Debian's chromium package (apt-get install -y chromium)`);
  return `${path} is missing (apt-get install -y chromium to run the browser tests)`;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** One Chromium with a throwaway user-data dir and one page; close() removes the profile too. */
export async function launchChromium(options: LaunchOptions): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'switchboard-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: options.viewport,
      colorScheme: options.colorScheme ?? 'light',
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
