// What the shell does per OS, through the fake facade: the Windows AppUserModelId, the macOS Dock, the
// menu bar, the tray icon's own click, a window-less app asked for its window, errors nobody caught,
// the dashboard's permissions, start-up warnings, and Start at login waiting for macOS approval.
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../main/electron/app-identity';
import { platformPlan, trayIconFile } from '../../../main/electron/platform-plan';
import { allowPermission } from '../../../main/electron/window/permission-policy';
import { fakeGateway, MASTER_KEY, settle } from './fixtures/fake-runner';
import { startHarness } from './fixtures/shell-harness';

const portTaken = { code: 'PORT_IN_USE' as const, message: 'port 8765 is already in use', port: 8765, suggestedPort: 8766 };

describe('per platform', () => {
  it('Windows: registers the installer’s AppUserModelId (notifications are delivered by it), no menu bar, a left click opens the dashboard', async () => {
    const h = await startHarness({ plan: [fakeGateway()], platform: 'win32', argv: ['switchboard', '--hidden'] });
    expect(h.facade.appUserModelId).toBe(APP_ID);
    expect(h.facade.menuRemoved).toBe(true);
    expect(h.facade.dockHidden).toBe(false);
    expect(h.facade.windows).toHaveLength(0);
    expect(h.facade.trays[0]?.clickIcon()).toBe(true);
    await settle();
    expect(h.facade.windows[0]?.visible).toBe(true);
  });

  it('a click on the icon opens the window tray-sized beside it (bounds from the click reach the window)', async () => {
    const h = await startHarness({ plan: [fakeGateway()], platform: 'win32', argv: ['switchboard', '--hidden'] });
    // a Windows taskbar icon at the bottom right of a 1920×1080 screen
    expect(h.facade.trays[0]?.clickIcon({ x: 1800, y: 1050, width: 24, height: 24 })).toBe(true);
    await settle();
    const bounds = h.facade.windows[0]?.spec;
    expect(bounds).toMatchObject({ width: 420, height: 640 });
    expect(bounds!.y! + bounds!.height).toBeLessThanOrEqual(1050);
    expect(bounds!.x! + bounds!.width).toBeLessThanOrEqual(1920);
  });

  it('Linux: a StatusNotifier click opens the dashboard too; no menu bar; no AppUserModelId', async () => {
    const h = await startHarness({ plan: [fakeGateway()], platform: 'linux', argv: ['switchboard', '--hidden'] });
    expect(h.facade.appUserModelId).toBeNull();
    expect(h.facade.menuRemoved).toBe(true);
    expect(h.facade.trays[0]?.clickIcon()).toBe(true);
    await settle();
    expect(h.facade.windows[0]?.visible).toBe(true);
  });

  it('macOS: no Dock icon, the app menu stays (Cmd+C/Cmd+V), any click opens the tray menu', async () => {
    const h = await startHarness({ plan: [fakeGateway()], platform: 'darwin', argv: ['switchboard', '--hidden'] });
    expect(h.facade.dockHidden).toBe(true);
    expect(h.facade.menuRemoved).toBe(false);
    expect(h.facade.trays[0]?.clickIcon()).toBe(false);
    expect(h.facade.windows).toHaveLength(0);
  });

  it('tray pictures: template images on macOS, 16 px with scale variants on Windows, 24 px on Linux panels', () => {
    expect(trayIconFile('darwin', 'sdk')).toBe('sdkTemplate.png');
    expect(trayIconFile('win32', 'error')).toBe('error.png');
    expect(trayIconFile('linux', 'binary')).toBe('binary-24.png');
    expect(platformPlan('freebsd').trayClickOpensWindow).toBe(false);
  });
});

describe('asked for a window while no gateway runs (Dock click, second launch, tray)', () => {
  it('says why and offers a retry instead of doing nothing; the retry starts the gateway and the next ask opens the dashboard', async () => {
    const h = await startHarness({ plan: [portTaken, fakeGateway()], platform: 'darwin' });
    expect(h.facade.windows).toHaveLength(0);
    const before = h.facade.notifications.length;
    h.facade.activate();
    await settle();
    h.facade.secondInstance();
    await settle();
    const asked = h.facade.notifications.slice(before);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatchObject({ title: 'The gateway is not running', action: { kind: 'restart-gateway' } });
    expect(asked[0]?.body).toContain('port 8765 is already in use');
    asked[0]?.click();
    await settle();
    expect(h.runner.starts).toBe(2);
    h.facade.secondInstance();
    await settle();
    expect(h.facade.windows[0]?.visible).toBe(true);
  });
});

describe('errors nobody caught', () => {
  it('are logged with their stack and notified once (secrets scrubbed); the app keeps running and serving', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    expect(h.facade.uncaughtListeners).toBe(1);
    const before = h.facade.notifications.length;
    const error = Object.assign(new Error(`socket hang up near ${MASTER_KEY}`), { code: 'ECONNRESET' });
    h.facade.uncaught('exception', error);
    h.facade.uncaught('rejection', new Error('again'));
    const shown = h.facade.notifications.slice(before);
    expect(shown).toHaveLength(1); // the same notice is not repeated within a minute
    expect(shown[0]).toMatchObject({ title: 'Switchboard hit an unexpected error', action: { kind: 'open-logs' } });
    expect(shown[0]?.body).toContain('socket hang up');
    expect(shown[0]?.body).not.toContain(MASTER_KEY);
    const logged = h.logLines.filter((line) => line.includes('uncaught error in the main process'));
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain('"code":"ECONNRESET"');
    expect(logged[0]).toContain('"stack"');
    expect(h.facade.exited).toBe(false);
    expect(h.runner.current()).not.toBeNull();
    expect(h.runner.stops).toBe(0);
  });
});

describe('the dashboard’s browser permissions', () => {
  it('clipboard writes (navigator.clipboard.writeText) from the dashboard origin only; everything else denied', () => {
    const origin = 'http://127.0.0.1:8765';
    expect(allowPermission('clipboard-sanitized-write', 'http://127.0.0.1:8765/ui/', origin)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', origin, origin)).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) {
      expect(allowPermission(permission, 'http://127.0.0.1:8765/ui/', origin), permission).toBe(false);
    }
    expect(allowPermission('clipboard-sanitized-write', 'http://127.0.0.1:9999/ui/', origin)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', 'https://evil.example/', origin)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', null, origin)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', 'http://127.0.0.1:8765/ui/', '')).toBe(false);
  });

  it('the shell installs that policy for the running gateway’s origin, and re-targets it after a restart on another port', async () => {
    const h = await startHarness({ plan: [fakeGateway(8765), fakeGateway(9001)] });
    expect(h.facade.policies.at(-1)?.allowPermission('clipboard-sanitized-write', 'http://127.0.0.1:8765/ui/')).toBe(true);
    await h.shell?.startGateway();
    const policy = h.facade.policies.at(-1);
    expect(policy?.allowPermission('clipboard-sanitized-write', 'http://127.0.0.1:9001/ui/')).toBe(true);
    expect(policy?.allowPermission('clipboard-sanitized-write', 'http://127.0.0.1:8765/ui/')).toBe(false);
  });
});

describe('start-up warnings', () => {
  it('a started gateway with problems (a missing key variable, the shell env unreadable) is notified, not only logged', async () => {
    const gateway = fakeGateway();
    (gateway.config as { warnings: string[] }).warnings = ['model gpt-4o: environment variable OPENAI_API_KEY is not set (litellm_params.api_key); this model fails until it is set'];
    const h = await startHarness({ plan: [gateway], startupWarnings: ["your shell's environment could not be read (/bin/zsh did not answer within 5 s); keys exported there are missing"] });
    const notice = h.facade.notifications.find((n) => n.title.startsWith('Switchboard started with'));
    expect(notice?.title).toBe('Switchboard started with 2 problems');
    expect(notice?.body).toMatch(/^your shell's environment could not be read .* \(\+1 more in the dashboard and the log\)$/);
    expect(h.logLines.filter((line) => line.includes('"config warning"'))).toHaveLength(2);
  });

  it('a clean start notifies nothing', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    expect(h.facade.notifications).toEqual([]);
  });
});

describe('Start at login', () => {
  it('macOS 13+ waiting for approval: the checkbox stays on and the user is told where to approve it', async () => {
    const h = await startHarness({ plan: [fakeGateway()], platform: 'darwin' });
    h.loginItem.pending = true;
    h.facade.trays[0]?.click('start-at-login');
    await settle();
    expect(h.settings.data.startAtLogin).toBe(true);
    expect(h.facade.trays[0]?.menu.find((item) => item.id === 'start-at-login')?.checked).toBe(true);
    expect(h.facade.notifications.at(-1)).toMatchObject({ title: 'Allow Switchboard to start at login' });
    expect(h.facade.notifications.at(-1)?.body).toContain('System Settings → General → Login Items');
  });

  it('an AppImage named after its version: turning it on says what happens after an update', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    h.loginItem.caveatText = 'Start at login runs Switchboard-0.1.0-x86_64.AppImage; after an update…';
    h.facade.trays[0]?.click('start-at-login');
    await settle();
    expect(h.facade.notifications.at(-1)).toMatchObject({ title: 'Start at login is on', body: h.loginItem.caveatText });
  });

  it('at every start, a registration made by another copy of the app is re-pointed (refresh)', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    expect(h.loginItem.refreshes).toBe(1);
  });
});
