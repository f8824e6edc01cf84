// Provider keys entered from the dashboard, through the bridge's main side and the shell: validated,
// encrypted by the (fake) keychain, the gateway restarted so they take effect, and the value nowhere
// else: not in answers, errors, logs, notifications or the tray.
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../main/core/events/fingerprint';
import type { IpcCaller } from '../../../main/electron/facade-types';
import { IPC_CHANNELS } from '../../../shared/protocol/ipc';
import { fakeKeychain } from './fixtures/fake-keychain';
import { fakeGateway, settle } from './fixtures/fake-runner';
import { startHarness, type Harness } from './fixtures/shell-harness';

const VALUE = 'sk-ant-api03-the-users-real-key-0123456789abcdef';
const OTHER = 'sk-proj-second-users-key-9876543210fedcba';
const DASHBOARD: IpcCaller = { senderUrl: 'http://127.0.0.1:8765/ui/#/settings' };
const STRANGER: IpcCaller = { senderUrl: 'https://evil.example/' };

/** Calls a bridge channel the way ipcMain.handle would: a throw becomes a rejection. */
function call(h: Harness, channel: string, caller: IpcCaller, ...args: unknown[]): Promise<unknown> {
  const handler = h.facade.ipc.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler(caller, ...args));
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

/** Everything the app wrote or showed: the log, notifications, the tray, the secret file on "disk". */
function everything(h: Harness): string {
  const tray = h.facade.trays[0];
  return [h.logLines.join(''), JSON.stringify(h.facade.notifications), tray?.toolTip, JSON.stringify(tray?.menu), h.secretFile.text()].join('\n');
}

async function withKeychain(plan: Parameters<typeof startHarness>[0]['plan']): Promise<Harness> {
  return startHarness({ plan, safeStorage: fakeKeychain({ backend: 'gnome_libsecret' }) });
}

describe('storing a provider key from the dashboard', () => {
  it('encrypts it, restarts the gateway with it, and answers with its fingerprint only', async () => {
    const first = fakeGateway();
    const second = fakeGateway();
    const h = await withKeychain([first, second]);

    const info = await call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY', `  ${VALUE}\n`);
    expect(info).toEqual({ name: 'ANTHROPIC_API_KEY', fingerprint: fingerprint(VALUE) });
    expect(first.stopped).toBe(true);
    expect(h.runner.keysAtStart).toEqual([{}, { ANTHROPIC_API_KEY: VALUE }]);
    expect(h.runner.current()).toBe(second);
    expect(h.facade.trays[0]?.icon).toBe('sdk');

    expect(await call(h, IPC_CHANNELS.listProviderKeys, DASHBOARD)).toEqual([{ name: 'ANTHROPIC_API_KEY', fingerprint: fingerprint(VALUE) }]);
    expect(h.secretFile.text()).toContain('ANTHROPIC_API_KEY');
    expect(h.secretFile.text()).not.toContain(Buffer.from(VALUE).toString('base64'));
    expect(h.logLines.join('')).toContain(fingerprint(VALUE));
    expect(everything(h)).not.toContain(VALUE);
    expect(h.facade.notifications).toEqual([]);
  });

  it('answers only once the old gateway has stopped (requests in flight finish) and the new one started', async () => {
    const h = await withKeychain([fakeGateway(), fakeGateway()]);
    let release: () => void = () => undefined;
    h.runner.stopGate = new Promise<void>((resolve) => (release = resolve));
    let answered = false;
    const pending = call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'OPENAI_API_KEY', OTHER).then(() => (answered = true));
    await settle();
    expect(h.runner.stops).toBe(1);
    expect(h.runner.keysAtStart).toHaveLength(1);
    expect(answered).toBe(false);
    release();
    await pending;
    expect(h.runner.keysAtStart.at(-1)).toEqual({ OPENAI_API_KEY: OTHER });
  });

  it('while the gateway restarts, other key calls are refused with a reason the dashboard can act on', async () => {
    const h = await withKeychain([fakeGateway(), fakeGateway()]);
    let release: () => void = () => undefined;
    h.runner.stopGate = new Promise<void>((resolve) => (release = resolve));
    const pending = call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'OPENAI_API_KEY', OTHER);
    await settle();
    expect(await rejection(call(h, IPC_CHANNELS.listProviderKeys, DASHBOARD))).toMatch(/not running \(it may be restarting\); try again/);
    release();
    await pending;
    expect(await call(h, IPC_CHANNELS.listProviderKeys, DASHBOARD)).toEqual([{ name: 'OPENAI_API_KEY', fingerprint: fingerprint(OTHER) }]);
  });

  it('restarts once per change, in order, so the last start has every key', async () => {
    const h = await withKeychain([fakeGateway(), fakeGateway(), fakeGateway()]);
    await Promise.all([
      call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY', VALUE),
      call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'OPENAI_API_KEY', OTHER),
    ]);
    expect(h.runner.starts).toBe(3);
    expect(h.runner.keysAtStart.at(-1)).toEqual({ ANTHROPIC_API_KEY: VALUE, OPENAI_API_KEY: OTHER });
    expect(h.facade.trays[0]?.icon).toBe('sdk');
  });
});

describe('what the bridge refuses', () => {
  it('every key channel answers only the dashboard’s own origin', async () => {
    const h = await withKeychain([fakeGateway()]);
    const calls: Array<[string, ...unknown[]]> = [
      [IPC_CHANNELS.listProviderKeys],
      [IPC_CHANNELS.providerKeyStorage],
      [IPC_CHANNELS.setProviderKey, 'ANTHROPIC_API_KEY', VALUE],
      [IPC_CHANNELS.deleteProviderKey, 'ANTHROPIC_API_KEY'],
    ];
    for (const caller of [STRANGER, { senderUrl: 'http://127.0.0.1:9999/ui/' }, { senderUrl: null }]) {
      for (const [channel, ...args] of calls) {
        expect(await rejection(call(h, channel, caller, ...args))).toBe('not called from the Switchboard dashboard');
      }
    }
    expect(h.secretFile.data.size).toBe(0);
    expect(h.runner.starts).toBe(1);
  });

  it('rejects bad names and values with a message that never holds the value; nothing is stored or restarted', async () => {
    const h = await withKeychain([fakeGateway()]);
    const set = (name: unknown, value: unknown) => rejection(call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, name, value));
    expect(await set('anthropic_api_key', VALUE)).toMatch(/environment variable name such as ANTHROPIC_API_KEY/);
    // A key pasted into the name field is not repeated back.
    expect(await set(VALUE, VALUE)).not.toContain(VALUE);
    expect(await set('ANTHROPIC_API_KEY', undefined)).toBe('the value for ANTHROPIC_API_KEY must be text');
    expect(await set('ANTHROPIC_API_KEY', '   ')).toBe('the value for ANTHROPIC_API_KEY is empty');
    const broken = await set('ANTHROPIC_API_KEY', `${VALUE}\r\n${OTHER}`);
    expect(broken).toMatch(/line breaks/);
    expect(await set('ANTHROPIC_API_KEY', VALUE.repeat(100))).toMatch(/longer than 4096/);
    // The contract's name rule lets PATH-like names through; the store takes credential names only.
    expect(await set('NODE_OPTIONS', VALUE)).toMatch(/"NODE_OPTIONS" is not a key variable name/);
    expect(await rejection(call(h, IPC_CHANNELS.deleteProviderKey, DASHBOARD, 'x'))).toMatch(/environment variable name/);

    expect(h.secretFile.data.size).toBe(0);
    expect(h.runner.starts).toBe(1);
    expect(broken).not.toContain(VALUE);
    expect(broken).not.toContain(OTHER);
    expect(everything(h)).not.toContain(VALUE);
  });
});

describe('where keys cannot be stored', () => {
  it('reports why, and refuses to store without restarting anything', async () => {
    const none = await startHarness({ plan: [fakeGateway()] });
    expect(await call(none, IPC_CHANNELS.providerKeyStorage, DASHBOARD)).toEqual({
      available: false,
      reason: expect.stringMatching(/OS keychain is not available/) as unknown as string,
    });
    expect(await rejection(call(none, IPC_CHANNELS.setProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY', VALUE))).toMatch(/keychain is not available/);
    expect(none.runner.starts).toBe(1);

    const basic = await startHarness({ plan: [fakeGateway()], safeStorage: fakeKeychain({ backend: 'basic_text' }) });
    const storage = (await call(basic, IPC_CHANNELS.providerKeyStorage, DASHBOARD)) as { available: boolean; reason: string };
    expect(storage.available).toBe(false);
    expect(storage.reason).toMatch(/no keyring .* set them as environment variables instead/);
    expect(await rejection(call(basic, IPC_CHANNELS.setProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY', VALUE))).toBe(storage.reason);
    expect(basic.secretFile.data.size).toBe(0);
    expect(everything(basic)).not.toContain(VALUE);

    const h = await withKeychain([fakeGateway()]);
    expect(await call(h, IPC_CHANNELS.providerKeyStorage, DASHBOARD)).toEqual({ available: true, reason: null });
  });
});

describe('removing a provider key', () => {
  it('removes it and restarts without it; removing an absent key changes nothing', async () => {
    const h = await withKeychain([fakeGateway(), fakeGateway(), fakeGateway()]);
    await call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY', VALUE);
    expect(await call(h, IPC_CHANNELS.deleteProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY')).toBeUndefined();
    expect(h.runner.keysAtStart).toEqual([{}, { ANTHROPIC_API_KEY: VALUE }, {}]);
    expect(await call(h, IPC_CHANNELS.listProviderKeys, DASHBOARD)).toEqual([]);

    await call(h, IPC_CHANNELS.deleteProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY');
    expect(h.runner.starts).toBe(3);
  });
});

describe('when the gateway does not come back after a key change', () => {
  it('the key stays stored, the user is notified, and the value is kept out of every report', async () => {
    // A loader that quotes the value it choked on: the shell must not pass that on.
    const problem = { code: 'CONFIG_INVALID' as const, message: `config.yaml:4 api_key: "${VALUE}" is not valid here`, port: null, suggestedPort: null };
    const h = await withKeychain([fakeGateway(), problem]);
    const info = await call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY', VALUE);
    expect(info).toEqual({ name: 'ANTHROPIC_API_KEY', fingerprint: fingerprint(VALUE) });
    expect(h.secrets.listKeys()).toEqual([info]);

    expect(h.facade.notifications).toHaveLength(1);
    expect(h.facade.notifications[0]).toMatchObject({
      id: 'key-change-restart-failed',
      title: 'ANTHROPIC_API_KEY saved, but the gateway did not restart',
      body: 'Config file has errors. config.yaml:4 api_key: "[redacted]" is not valid here',
      action: { kind: 'open-config' },
    });
    expect(h.facade.trays[0]?.icon).toBe('error');
    expect(h.logLines.join('')).toContain('gateway did not start');
    expect(everything(h)).not.toContain(VALUE);
  });

  it('an unexpected failure of the restart itself is reported the same way, and the call still resolves', async () => {
    const h = await withKeychain([fakeGateway(), fakeGateway()]);
    const stopFailed = Promise.reject(new Error(`stop failed while a request carried ${VALUE}`));
    stopFailed.catch(() => undefined);
    h.runner.stopGate = stopFailed;
    expect(await call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'ANTHROPIC_API_KEY', VALUE)).toMatchObject({ name: 'ANTHROPIC_API_KEY' });
    expect(h.facade.notifications.at(-1)).toMatchObject({
      title: 'ANTHROPIC_API_KEY saved, but the gateway did not restart',
      body: 'The gateway did not start. stop failed while a request carried [redacted]',
    });
    expect(h.facade.trays[0]?.icon).toBe('error');
    expect(everything(h)).not.toContain(VALUE);
  });

  it('says "removed" after a removal', async () => {
    const h = await withKeychain([fakeGateway(), fakeGateway(), { code: 'INTERNAL' as const, message: 'litellm exited', port: null, suggestedPort: null }]);
    await call(h, IPC_CHANNELS.setProviderKey, DASHBOARD, 'GEMINI_API_KEY', VALUE);
    await call(h, IPC_CHANNELS.deleteProviderKey, DASHBOARD, 'GEMINI_API_KEY');
    expect(h.facade.notifications.at(-1)).toMatchObject({
      title: 'GEMINI_API_KEY removed, but the gateway did not restart',
      body: 'The gateway did not start. litellm exited',
      action: { kind: 'open-logs' },
    });
  });
});
