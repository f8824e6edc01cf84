import { describe, expect, it } from 'vitest';
import type { MenuItemSpec } from '../../../main/electron/facade-types';
import { buildTrayMenu } from '../../../main/electron/tray/tray-menu';
import { initialTrayModel, trayFailed, trayRunning, type TrayModel } from '../../../main/electron/tray/tray-state';
import { deriveTrayView } from '../../../main/electron/tray/tray-view';
import { modeState, serverInfo, snapshot } from './fixtures/gateway-data';

const menuFor = (model: TrayModel, configFileExists = true): MenuItemSpec[] =>
  buildTrayMenu(deriveTrayView(model), { configFileExists });

const item = (menu: MenuItemSpec[], id: string): MenuItemSpec | undefined =>
  menu.flatMap((entry) => [entry, ...(entry.submenu ?? [])]).find((entry) => entry.id === id);

const running = (overrides: Parameters<typeof snapshot>[0] = {}, startAtLogin = false): TrayModel =>
  trayRunning(initialTrayModel('sdk', startAtLogin), snapshot(overrides));

describe('tray menu template', () => {
  it('lists the issue’s items in order when SDK mode runs', () => {
    const labels = menuFor(running()).map((entry) => (entry.type === 'separator' ? '---' : entry.label));
    expect(labels).toEqual([
      'SDK mode · port 8765',
      '---',
      'Open Switchboard',
      'Last validation: never run',
      'Open Cutover…',
      'Mode',
      '---',
      'Copy base URL',
      'Copy Claude Code setup',
      'Copy API key',
      'Pause gateway',
      '---',
      'Open logs folder',
      'Open config file',
      'Start at login',
      '---',
      'Quit Switchboard',
    ]);
  });

  it.each([
    ['sdk', true, false],
    ['binary', false, true],
  ] as const)('checks the radio of the active mode (%s)', (mode, sdkChecked, binaryChecked) => {
    const menu = menuFor(running({ mode: modeState(mode) }));
    expect(item(menu, 'mode-sdk')).toMatchObject({ type: 'radio', checked: sdkChecked, enabled: true, action: { kind: 'set-mode', mode: 'sdk' } });
    expect(item(menu, 'mode-binary')).toMatchObject({ type: 'radio', checked: binaryChecked, label: 'Binary (LiteLLM)', action: { kind: 'set-mode', mode: 'binary' } });
  });

  it('offers "Roll back to <previous mode>" only when there is a previous mode', () => {
    expect(item(menuFor(running({ mode: modeState('binary', { previous: 'sdk' }) })), 'rollback')).toMatchObject({
      label: 'Roll back to SDK',
      enabled: true,
      action: { kind: 'rollback' },
    });
    expect(item(menuFor(running({ mode: modeState('sdk', { previous: 'binary' }) })), 'rollback')?.label).toBe('Roll back to Binary (LiteLLM)');
    expect(item(menuFor(running()), 'rollback')).toBeUndefined();
  });

  it('disables mode changes while a switch is under way, keeping the current mode checked', () => {
    const menu = menuFor(running({ mode: modeState('sdk', { previous: 'binary', switching: 'binary' }) }));
    expect(item(menu, 'status')?.label).toBe('Switching to Binary (LiteLLM)…');
    expect(item(menu, 'mode-sdk')).toMatchObject({ checked: true, enabled: false });
    expect(item(menu, 'mode-binary')).toMatchObject({ checked: false, enabled: false });
    expect(item(menu, 'rollback')?.enabled).toBe(false);
  });

  it('turns Pause into Resume when paused', () => {
    const menu = menuFor(running({ server: serverInfo({ paused: true }) }));
    expect(item(menu, 'pause')).toMatchObject({ label: 'Resume gateway', action: { kind: 'resume' } });
    expect(item(menu, 'status')?.label).toBe('Paused · SDK mode · port 8765');
    expect(item(menuFor(running()), 'pause')).toMatchObject({ label: 'Pause gateway', action: { kind: 'pause' } });
  });

  it('reflects and toggles Start at login', () => {
    expect(item(menuFor(running({}, true)), 'start-at-login')).toMatchObject({
      type: 'checkbox',
      checked: true,
      action: { kind: 'set-start-at-login', enabled: false },
    });
    expect(item(menuFor(running({}, false)), 'start-at-login')).toMatchObject({ checked: false, action: { kind: 'set-start-at-login', enabled: true } });
  });

  it('after a port conflict: gateway items disabled, one-click other port, retry, files still reachable', () => {
    const menu = menuFor(trayFailed(initialTrayModel('binary', false), { message: 'port 8765 is already in use', suggestedPort: 8766 }));
    expect(item(menu, 'status')).toMatchObject({ label: 'Error: port 8765 is already in use', enabled: false });
    for (const id of ['open', 'mode', 'copy-base-url', 'copy-claude-setup', 'copy-api-key', 'pause']) {
      expect(item(menu, id)?.enabled, id).toBe(false);
    }
    expect(item(menu, 'mode-binary')?.checked).toBe(true);
    expect(item(menu, 'use-port')).toMatchObject({ label: 'Use port 8766 instead', action: { kind: 'use-port', port: 8766 } });
    expect(item(menu, 'restart')).toMatchObject({ label: 'Start gateway', action: { kind: 'restart-gateway' } });
    expect(item(menu, 'open-logs')?.enabled).not.toBe(false);
    expect(item(menu, 'quit')?.action).toEqual({ kind: 'quit' });
  });

  it('has no retry item while starting, and offers to create a missing config file', () => {
    const menu = menuFor(initialTrayModel('sdk', false), false);
    expect(item(menu, 'status')?.label).toBe('Starting…');
    expect(item(menu, 'restart')).toBeUndefined();
    expect(item(menu, 'use-port')).toBeUndefined();
    expect(item(menu, 'open-config')?.label).toBe('Create config file');
  });

  it('gives every item a unique id', () => {
    const ids = menuFor(running({ mode: modeState('binary', { previous: 'sdk' }) }))
      .flatMap((entry) => [entry, ...(entry.submenu ?? [])])
      .map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
