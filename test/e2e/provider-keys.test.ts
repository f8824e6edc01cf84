// The "Provider keys" panel in real Chromium against the fake admin server. The real bridge exists only
// inside Electron, so an init script installs a fake `window.switchboard` that keeps keys in memory,
// fingerprints them like the app (sha256, 8 hex digits), records every call, can hold a save open (the
// app's gateway restart) and can refuse calls the way the app does while its gateway restarts.
// Screenshots: test-results/screenshots/provider-keys*.png.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderKeyInfo, ProviderKeyStorage } from '../../shared/protocol/ipc';
import { startFakeAdmin, type FakeAdmin } from '../fixtures/fake-admin/fake-admin-server';
import { browserSkipReason, launchChromium, type BrowserSession } from './helpers/chromium';
import { findSecrets } from './helpers/dashboard-page';
import { ensureRendererBuilt } from './helpers/renderer-build';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const TOKEN = 'e2e-keys-admin-token-7d2e41';
const ANTHROPIC_VALUE = 'sk-ant-api03-E2E-provider-key-value-4b9f0c1d2e';
const MISTRAL_VALUE = 'mistral-E2E-secret-value-88aa77bb66cc';
const ECHOED_VALUE = 'sk-proj-E2E-value-the-app-echoes-3c3c3c3c';
const WAIT = { timeout: 15_000 };

const fingerprint = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8);

interface FakeBridgeOptions {
  token: string;
  storage: ProviderKeyStorage;
  keys?: ProviderKeyInfo[];
  /** saves wait for __fakeBridge.release(), as the app's wait for its gateway restart */
  hold?: boolean;
  /** a save of this value is refused with a message that (wrongly) repeats it */
  echoValue?: string;
}

interface BridgeCall {
  call: 'list' | 'storage' | 'set' | 'delete';
  name?: string;
  value?: string;
  refused?: boolean;
}

// Plain script text: it runs in the page (the test tsconfig has no DOM types).
function fakeBridgeScript(options: FakeBridgeOptions): string {
  return `(() => {
  const opts = ${JSON.stringify(options)};
  const keys = new Map((opts.keys || []).map((k) => [k.name, k.fingerprint]));
  const calls = [];
  const held = [];
  let refusals = 0;
  const refuseWhileRestarting = (channel, entry) => {
    if (refusals <= 0) return;
    refusals--;
    entry.refused = true;
    throw new Error("Error invoking remote method '" + channel + "': IpcRejected: the gateway is not running (it may be restarting); try again once it is back");
  };
  const fp = async (value) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('').slice(0, 8);
  };
  const list = () => [...keys].sort((a, b) => a[0].localeCompare(b[0])).map(([name, fingerprint]) => ({ name, fingerprint }));
  window.__fakeBridge = {
    calls,
    heldSaves: () => held.length,
    release: () => held.splice(0).forEach((resolve) => resolve()),
    refuseNext: (n) => { refusals = n; },
  };
  window.switchboard = {
    adminUrl: location.origin,
    adminToken: opts.token,
    platform: 'linux',
    openExternal: async () => {},
    openLogsFolder: async () => {},
    openConfigFile: async () => {},
    setStartAtLogin: async () => {},
    quit: async () => {},
    async listProviderKeys() {
      const entry = { call: 'list' };
      calls.push(entry);
      refuseWhileRestarting('switchboard:list-provider-keys', entry);
      return list();
    },
    async providerKeyStorage() {
      const entry = { call: 'storage' };
      calls.push(entry);
      refuseWhileRestarting('switchboard:provider-key-storage', entry);
      return opts.storage;
    },
    async setProviderKey(name, value) {
      const entry = { call: 'set', name, value };
      calls.push(entry);
      refuseWhileRestarting('switchboard:set-provider-key', entry);
      if (!opts.storage.available) throw new Error("Error invoking remote method 'switchboard:set-provider-key': SecretStoreError: " + opts.storage.reason);
      if (value === opts.echoValue) throw new Error("Error invoking remote method 'switchboard:set-provider-key': SecretStoreError: " + name + " could not be stored: the keychain refused " + value);
      if (opts.hold) await new Promise((resolve) => held.push(resolve));
      const info = { name, fingerprint: await fp(value.trim()) };
      keys.set(name, info.fingerprint);
      return info;
    },
    async deleteProviderKey(name) {
      const entry = { call: 'delete', name };
      calls.push(entry);
      refuseWhileRestarting('switchboard:delete-provider-key', entry);
      keys.delete(name);
    },
  };
})()`;
}

const bridgeCalls = (page: Page): Promise<BridgeCall[]> =>
  page.evaluate(() => (globalThis as unknown as { __fakeBridge: { calls: BridgeCall[] } }).__fakeBridge.calls.map((c) => ({ ...c })));

const skipReason = browserSkipReason(process.env);
if (skipReason) console.warn(`provider keys browser tests skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)(`provider keys panel${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fake: FakeAdmin;
  const sessions: BrowserSession[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt(root);
    mkdirSync(shots, { recursive: true });
    fake = await startFakeAdmin({ token: TOKEN, rendererDir, ratePerSecond: 0, historySize: 20 });
  }, 60_000);

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await fake?.close();
    expect(pageErrors).toEqual([]);
  });

  /** A 900x600 window on the Overview, with the fake bridge when `bridge` is given. */
  async function openOverview(bridge: FakeBridgeOptions | null, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const session = await launchChromium({ viewport: { width: 900, height: 600 }, colorScheme });
    sessions.push(session);
    const page = session.page;
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (bridge) await page.addInitScript(fakeBridgeScript(bridge));
    await page.goto(bridge ? `${fake.url}/ui/` : fake.dashboardUrl);
    await page.locator('[data-testid="connection-badge"][data-state="live"]').waitFor();
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('provider-keys').scrollIntoViewIfNeeded();
    return page;
  }

  describe('in the app, with encrypted storage', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openOverview({ token: TOKEN, storage: { available: true, reason: null }, hold: true, echoValue: ECHOED_VALUE });
    }, 60_000);

    it('starts empty and says what the gateway uses meanwhile', async () => {
      expect(await page.getByTestId('provider-keys').getAttribute('data-mode')).toBe('app');
      await page.getByTestId('provider-keys-empty').waitFor();
      expect(await page.getByTestId('provider-key-name').inputValue()).toBe('ANTHROPIC_API_KEY');
      expect(await page.getByTestId('provider-key-value').getAttribute('type')).toBe('password');
      expect(await page.getByTestId('provider-key-value').getAttribute('autocomplete')).toBe('off');
    });

    it('asks for a value before calling the app', async () => {
      await page.getByTestId('provider-key-save').click();
      await page.getByTestId('provider-key-value-error').waitFor();
      expect(await page.getByTestId('provider-key-value').getAttribute('aria-invalid')).toBe('true');
      expect((await bridgeCalls(page)).some((c) => c.call === 'set')).toBe(false);
    });

    it('saves with the keyboard: progress while the gateway restarts, then the key by fingerprint, the value nowhere', async () => {
      const value = page.getByTestId('provider-key-value');
      await value.focus();
      await page.keyboard.type(`  ${ANTHROPIC_VALUE} `);
      await page.keyboard.press('Enter');

      // the app holds the save while its gateway restarts: the panel says so, the field is already empty
      const progress = page.getByTestId('provider-key-progress');
      await progress.waitFor();
      expect(await progress.textContent()).toContain('restarting the gateway');
      expect(await value.inputValue()).toBe('');
      expect(await value.isDisabled()).toBe(true);
      expect(await findSecrets(page, [ANTHROPIC_VALUE])).toEqual([]);
      await page.screenshot({ path: join(shots, 'provider-keys-saving.png') });

      // the restart drops the dashboard's event stream: it reconnects while the save is still pending
      fake.dropStreams();
      await page.locator('[data-testid="connection-badge"][data-state="live"]').waitFor();
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __fakeBridge: { heldSaves(): number } }).__fakeBridge.heldSaves()), WAIT).toBe(1);
      await page.evaluate(() => (globalThis as unknown as { __fakeBridge: { release(): void } }).__fakeBridge.release());

      const row = page.locator('[data-testid="provider-key-row"][data-name="ANTHROPIC_API_KEY"]');
      await row.waitFor();
      expect(await row.getByTestId('provider-key-fingerprint').textContent()).toBe(fingerprint(ANTHROPIC_VALUE));
      expect(await page.getByTestId('provider-key-result').textContent()).toContain(`ANTHROPIC_API_KEY saved (fingerprint ${fingerprint(ANTHROPIC_VALUE)})`);
      expect(await findSecrets(page, [ANTHROPIC_VALUE])).toEqual([]);
      // the value reached the bridge once, trimmed, under the chosen name
      const sets = (await bridgeCalls(page)).filter((c) => c.call === 'set');
      expect(sets).toEqual([{ call: 'set', name: 'ANTHROPIC_API_KEY', value: ANTHROPIC_VALUE }]);
      // the next well-known name is offered now, the stored one as a replacement
      expect(await page.getByTestId('provider-key-name').inputValue()).toBe('OPENAI_API_KEY');
      expect(await page.locator('[data-testid="provider-key-name"] option[value="ANTHROPIC_API_KEY"]').textContent()).toBe('ANTHROPIC_API_KEY (replace)');
    });

    it('checks a custom name before calling the app, keeping the value for the fix', async () => {
      const before = (await bridgeCalls(page)).length;
      await page.getByTestId('provider-key-name').selectOption({ label: 'Other…' });
      await page.getByTestId('provider-key-custom-name').fill('mistral_api_key');
      await page.getByTestId('provider-key-value').fill(MISTRAL_VALUE);
      await page.getByTestId('provider-key-save').click();
      await page.getByTestId('provider-key-name-error').waitFor();
      expect(await page.getByTestId('provider-key-custom-name').getAttribute('aria-invalid')).toBe('true');
      expect((await bridgeCalls(page)).length).toBe(before);

      await page.getByTestId('provider-key-custom-name').fill('MISTRAL_API_KEY');
      await page.getByTestId('provider-key-save').click();
      await page.getByTestId('provider-key-progress').waitFor();
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __fakeBridge: { heldSaves(): number } }).__fakeBridge.heldSaves()), WAIT).toBe(1);
      await page.evaluate(() => (globalThis as unknown as { __fakeBridge: { release(): void } }).__fakeBridge.release());
      const row = page.locator('[data-testid="provider-key-row"][data-name="MISTRAL_API_KEY"]');
      await row.waitFor();
      expect(await row.getByTestId('provider-key-fingerprint').textContent()).toBe(fingerprint(MISTRAL_VALUE));
      expect(await page.getByTestId('provider-key-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).toEqual([
        'ANTHROPIC_API_KEY',
        'MISTRAL_API_KEY',
      ]);
      expect(await findSecrets(page, [ANTHROPIC_VALUE, MISTRAL_VALUE])).toEqual([]);
      await page.getByTestId('provider-keys').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'provider-keys.png') });
    });

    it("shows the app's refusal without the value, even when the app's message carries it", async () => {
      await page.getByTestId('provider-key-name').selectOption('OPENAI_API_KEY');
      await page.getByTestId('provider-key-value').fill(ECHOED_VALUE);
      await page.getByTestId('provider-key-save').click();
      const error = page.getByTestId('provider-key-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('OPENAI_API_KEY could not be stored');
      expect(await page.getByTestId('provider-key-value').inputValue()).toBe('');
      expect(await findSecrets(page, [ECHOED_VALUE])).toEqual([]);
      expect(await page.getByTestId('provider-key-row').count()).toBe(2);
    });

    it('removes a key after confirmation, retrying while the app says its gateway restarts', async () => {
      const row = page.locator('[data-testid="provider-key-row"][data-name="MISTRAL_API_KEY"]');
      await row.getByTestId('provider-key-remove').click();
      // the question takes the focus to Cancel; Escape backs out
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid') ?? null), WAIT).toBe('provider-key-remove-cancel');
      await page.keyboard.press('Escape');
      await row.getByTestId('provider-key-remove').waitFor();

      await page.evaluate(() => (globalThis as unknown as { __fakeBridge: { refuseNext(n: number): void } }).__fakeBridge.refuseNext(2));
      await row.getByTestId('provider-key-remove').click();
      expect(await row.getByTestId('provider-key-remove-confirm').textContent()).toContain('Remove MISTRAL_API_KEY?');
      await row.getByTestId('provider-key-remove-yes').click();
      await expect.poll(() => row.count(), WAIT).toBe(0);
      expect(await page.getByTestId('provider-key-result').getAttribute('data-kind')).toBe('remove');
      const deletes = (await bridgeCalls(page)).filter((c) => c.call === 'delete');
      expect(deletes).toEqual([
        { call: 'delete', name: 'MISTRAL_API_KEY', refused: true },
        { call: 'delete', name: 'MISTRAL_API_KEY', refused: true },
        { call: 'delete', name: 'MISTRAL_API_KEY' },
      ]);
      expect(await page.getByTestId('provider-key-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).toEqual(['ANTHROPIC_API_KEY']);
    });
  });

  it('disables the form with the reason when the keychain is not available (dark)', async () => {
    const reason = 'no keyring (GNOME Keyring, KWallet) is running, so keys cannot be stored encrypted; set them as environment variables instead';
    const page = await openOverview(
      { token: TOKEN, storage: { available: false, reason }, keys: [{ name: 'OPENAI_API_KEY', fingerprint: '5e884898' }] },
      'dark',
    );
    await page.getByTestId('provider-keys-unavailable').waitFor();
    expect(await page.getByTestId('provider-keys-unavailable').textContent()).toContain(reason.slice(1));
    expect(await page.getByTestId('provider-key-value').isDisabled()).toBe(true);
    expect(await page.getByTestId('provider-key-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('provider-key-name').isDisabled()).toBe(true);
    // keys stored earlier are still listed (and removable)
    expect(await page.locator('[data-testid="provider-key-row"][data-name="OPENAI_API_KEY"]').getByTestId('provider-key-fingerprint').textContent()).toBe('5e884898');
    await page.getByTestId('provider-keys').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'provider-keys-unavailable-dark.png') });
    expect((await bridgeCalls(page)).some((c) => c.call === 'set')).toBe(false);
  });

  it('explains environment variables and config keys in a plain browser (no bridge)', async () => {
    const page = await openOverview(null);
    const panel = page.getByTestId('provider-keys');
    expect(await panel.getAttribute('data-mode')).toBe('browser');
    const text = (await page.getByTestId('provider-keys-headless').textContent()) ?? '';
    expect(text).toContain('ANTHROPIC_API_KEY');
    expect(text).toContain('api_key');
    expect(text).toContain('encrypted');
    expect(await panel.locator('input, select, button').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'provider-keys-browser.png') });
  });
});
