// Tray actions, notifications, the dashboard bridge and the port-in-use recovery, through the shell.
import { describe, expect, it } from 'vitest';
import { backend, modeState } from './fixtures/gateway-data';
import { ADMIN_TOKEN, fakeGateway, MASTER_KEY, settle } from './fixtures/fake-runner';
import { startHarness } from './fixtures/shell-harness';

const portTaken = { code: 'PORT_IN_USE' as const, message: 'port 8765 is already in use', port: 8765, suggestedPort: 8766 };

describe('tray actions', () => {
  it('copies the base URL, the Claude Code setup and the API key', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    const tray = h.facade.trays[0];
    tray?.click('copy-base-url');
    tray?.click('copy-claude-setup');
    tray?.click('copy-api-key');
    await settle();
    expect(h.facade.clipboard).toEqual([
      'http://127.0.0.1:8765',
      `export ANTHROPIC_BASE_URL=http://127.0.0.1:8765\nexport ANTHROPIC_AUTH_TOKEN=${MASTER_KEY}\n`,
      MASTER_KEY,
    ]);
    expect(h.logLines.join('')).not.toContain(MASTER_KEY);
  });

  it('switches mode from the radio items and says so when the switch fails', async () => {
    const gateway = fakeGateway();
    const h = await startHarness({ plan: [gateway] });
    gateway.admin.nextModeResult = {
      ok: false,
      mode: modeState('sdk'),
      error: { code: 'BINARY_NOT_FOUND', message: 'litellm not found on PATH; pip install litellm[proxy]==1.77.5' },
    };
    h.facade.trays[0]?.click('mode-binary');
    await settle();
    expect(gateway.admin.calls).toContain('setMode:binary');
    expect(h.facade.notifications.at(-1)).toMatchObject({
      title: 'Could not switch to Binary (LiteLLM) mode',
      body: 'litellm not found on PATH; pip install litellm[proxy]==1.77.5',
    });
    // Clicking the mode that is already active does nothing.
    h.facade.trays[0]?.click('mode-sdk');
    await settle();
    expect(gateway.admin.calls.filter((call) => call.startsWith('setMode'))).toEqual(['setMode:binary']);
  });

  it('pauses and resumes, the menu following the server.updated event', async () => {
    const gateway = fakeGateway();
    const h = await startHarness({ plan: [gateway] });
    h.facade.trays[0]?.click('pause');
    await settle();
    expect(gateway.admin.calls).toContain('pause');
    expect(h.facade.trays[0]?.menu.find((item) => item.id === 'pause')?.label).toBe('Resume gateway');
    expect(h.facade.trays[0]?.icon).toBe('stopped');
    h.facade.trays[0]?.click('pause');
    await settle();
    expect(gateway.admin.calls).toContain('resume');
    expect(h.facade.trays[0]?.icon).toBe('sdk');
  });

  it('rolls back to the previous mode', async () => {
    const gateway = fakeGateway();
    const h = await startHarness({ plan: [gateway] });
    gateway.admin.emit({ type: 'mode.changed', mode: modeState('binary', { previous: 'sdk' }) });
    expect(h.settings.data.mode).toBe('binary');
    h.facade.trays[0]?.click('rollback');
    await settle();
    expect(gateway.admin.calls).toContain('rollback');
  });

  it('opens the logs folder (the data dir) and creates then opens the config file', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    expect(h.facade.trays[0]?.menu.find((item) => item.id === 'open-config')?.label).toBe('Create config file');
    h.facade.trays[0]?.click('open-logs');
    h.facade.trays[0]?.click('open-config');
    await settle();
    expect(h.facade.opened).toEqual(['/data', '/data/config.yaml']);
    expect(h.configFiles.has('/data/config.yaml')).toBe(true);
    expect(h.facade.trays[0]?.menu.find((item) => item.id === 'open-config')?.label).toBe('Open config file');
  });

  it('Start at login goes to the OS login item and the settings', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    h.facade.trays[0]?.click('start-at-login');
    await settle();
    expect(h.loginItem.enabled).toBe(true);
    expect(h.settings.data.startAtLogin).toBe(true);
    expect(h.facade.trays[0]?.menu.find((item) => item.id === 'start-at-login')?.checked).toBe(true);
  });
});

describe('port in use', () => {
  it('notifies with a one-click fix that saves the port and restarts on it', async () => {
    const h = await startHarness({ plan: [portTaken, fakeGateway(8766)] });
    expect(h.facade.trays[0]?.icon).toBe('error');
    expect(h.facade.windows).toHaveLength(0);
    const note = h.facade.notifications.at(-1);
    expect(note).toMatchObject({ id: 'port-in-use', title: 'Port 8765 is in use', action: { kind: 'use-port', port: 8766 } });

    note?.click();
    await settle();
    expect(h.settings.data.port).toBe(8766);
    expect(h.runner.starts).toBe(2);
    expect(h.facade.trays[0]?.icon).toBe('sdk');
    expect(h.facade.trays[0]?.toolTip).toContain('port 8766');
  });

  it('the tray offers the same fix', async () => {
    const h = await startHarness({ plan: [portTaken, fakeGateway(8766)] });
    h.facade.trays[0]?.click('use-port');
    await settle();
    expect(h.settings.data.port).toBe(8766);
    expect(h.runner.current()?.config.switchboard.port).toBe(8766);
  });
});

describe('notifications from gateway events', () => {
  it('backend crashed and fallback notify; secrets in reasons are scrubbed', async () => {
    const gateway = fakeGateway();
    const h = await startHarness({ plan: [gateway] });
    gateway.admin.emit({ type: 'backend.state', backend: backend('binary', 'crashed', `exited; last line: key=${MASTER_KEY}`) });
    gateway.admin.emit({
      type: 'mode.changed',
      mode: modeState('sdk', { previous: 'binary', lastSwitch: { kind: 'fallback', from: 'binary', to: 'sdk', at: 1, ok: true, reason: 'LiteLLM keeps crashing' } }),
    });
    const titles = h.facade.notifications.map((note) => note.title);
    expect(titles).toEqual(['Binary (LiteLLM) backend crashed', 'Fell back to SDK mode']);
    expect(h.facade.notifications[0]?.body).toBe('exited; last line: key=[redacted]');
    expect(JSON.stringify(h.facade.notifications)).not.toContain(MASTER_KEY);
  });

  it('stops following the old gateway after a restart', async () => {
    const first = fakeGateway();
    const h = await startHarness({ plan: [first, fakeGateway()] });
    expect(first.admin.listeners()).toBe(2);
    await h.shell?.startGateway();
    expect(first.admin.listeners()).toBe(0);
  });
});

describe('dashboard bridge (IPC)', () => {
  it('hands the admin URL and token only to the dashboard’s own origin', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    const bootstrap = h.facade.ipcSync.get('switchboard:get-bootstrap');
    expect(bootstrap?.({ senderUrl: 'http://127.0.0.1:8765/ui/#/log' })).toEqual({
      adminUrl: 'http://127.0.0.1:8765',
      adminToken: ADMIN_TOKEN,
      platform: 'linux',
    });
    expect(bootstrap?.({ senderUrl: 'http://127.0.0.1:9999/ui/' })).toBeNull();
    expect(bootstrap?.({ senderUrl: 'https://evil.example/' })).toBeNull();
    expect(bootstrap?.({ senderUrl: null })).toBeNull();
  });

  it('rejects calls from other origins and non-web URLs for openExternal', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    const openExternal = h.facade.ipc.get('switchboard:open-external');
    const dashboard = { senderUrl: 'http://127.0.0.1:8765/ui/' };
    await openExternal?.(dashboard, 'https://docs.litellm.ai/');
    expect(h.facade.external).toEqual(['https://docs.litellm.ai/']);
    await expect(Promise.resolve(openExternal?.(dashboard, 'file:///etc/passwd'))).rejects.toThrow(/http\(s\)/);
    await expect(Promise.resolve(openExternal?.({ senderUrl: 'https://evil.example/' }, 'https://x.example/'))).rejects.toThrow(/dashboard/);
    const quit = h.facade.ipc.get('switchboard:quit');
    await expect(Promise.resolve(quit?.({ senderUrl: 'https://evil.example/' }))).rejects.toThrow();
    expect(h.runner.stops).toBe(0);
  });

  it('setStartAtLogin from the dashboard validates its argument', async () => {
    const h = await startHarness({ plan: [fakeGateway()] });
    const set = h.facade.ipc.get('switchboard:set-start-at-login');
    const dashboard = { senderUrl: 'http://127.0.0.1:8765/ui/' };
    await expect(Promise.resolve(set?.(dashboard, 'yes'))).rejects.toThrow(/boolean/);
    await set?.(dashboard, true);
    expect(h.loginItem.enabled).toBe(true);
  });
});
