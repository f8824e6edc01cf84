// Start at login per OS: the command registered (packaged, an AppImage, or `electron .` from a checkout),
// the XDG autostart entry on Linux, the macOS 13+ approval state, and an AppImage replaced by an update.
import { describe, expect, it } from 'vitest';
import type { ElectronFacade, LoginItemLaunch, LoginItemSettings } from '../../../main/electron/facade-types';
import {
  autostartDesktopEntry,
  autostartFilePath,
  createLoginItem,
  HIDDEN_ARG,
  launchedHidden,
  loginItemState,
  loginLaunch,
  type LoginLaunch,
} from '../../../main/electron/login-item';

const AUTOSTART = '/home/me/.config/autostart/switchboard.desktop';

function harness(platform: NodeJS.Platform, launch: LoginLaunch, status?: string) {
  const files = new Map<string, string>();
  const calls: Array<[boolean, LoginItemLaunch]> = [];
  const facade: Pick<ElectronFacade, 'setLoginItem' | 'getLoginItem'> = {
    setLoginItem: (open, registered) => void calls.push([open, registered]),
    getLoginItem: (): LoginItemSettings => ({ openAtLogin: calls.at(-1)?.[0] ?? false, ...(status ? { status } : {}) }),
  };
  const item = createLoginItem({
    platform,
    facade,
    launch,
    version: '0.1.0',
    autostartFile: AUTOSTART,
    writeFile: (path, content) => void files.set(path, content),
    removeFile: (path) => void files.delete(path),
    fileExists: (path) => files.has(path),
    readFile: (path) => files.get(path) ?? null,
  });
  return { item, files, calls };
}

describe('the command a login starts', () => {
  it('packaged on macOS and Windows: the app itself with --hidden', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(loginLaunch({ platform, isPackaged: true, execPath: '/A/Switchboard', appPath: '/A/app.asar' }).facade).toEqual({ path: null, args: [HIDDEN_ARG] });
    }
  });

  it('from a checkout (`electron .`): Electron plus the app folder, never Electron alone (its default app)', () => {
    expect(loginLaunch({ platform: 'darwin', isPackaged: false, execPath: '/n/Electron', appPath: '/src/switchboard' }).facade).toEqual({
      path: '/n/Electron',
      args: ['/src/switchboard', HIDDEN_ARG],
    });
    expect(loginLaunch({ platform: 'win32', isPackaged: false, execPath: 'C:\\n\\electron.exe', appPath: 'C:\\src' }).facade).toEqual({
      path: 'C:\\n\\electron.exe',
      args: ['C:\\src', HIDDEN_ARG],
    });
    expect(loginLaunch({ platform: 'linux', isPackaged: false, execPath: '/n/electron', appPath: '/src/switchboard' }).command).toEqual(['/n/electron', '/src/switchboard']);
  });

  it('Linux packaged: the .AppImage file when run as one (not its temporary mount), else the installed binary', () => {
    expect(loginLaunch({ platform: 'linux', isPackaged: true, execPath: '/tmp/.mount_Sw1/switchboard', appPath: '/tmp/.mount_Sw1/resources/app.asar', appImage: '/home/me/Apps/Switchboard.AppImage' }).command).toEqual([
      '/home/me/Apps/Switchboard.AppImage',
    ]);
    expect(loginLaunch({ platform: 'linux', isPackaged: true, execPath: '/opt/Switchboard/switchboard', appPath: '/opt/Switchboard/resources/app.asar' }).command).toEqual([
      '/opt/Switchboard/switchboard',
    ]);
  });
});

describe('start at login', () => {
  it('on Linux writes and removes an XDG autostart entry that starts hidden', () => {
    const { item, files, calls } = harness('linux', { command: ['/opt/Switchboard App/switchboard'], facade: { path: null, args: [] } });
    expect(item.state()).toBe('off');
    expect(item.setEnabled(true)).toBe('on');
    const entry = files.get(AUTOSTART);
    expect(entry).toContain('Exec="/opt/Switchboard App/switchboard" --hidden\n');
    expect(entry).toContain('Type=Application\n');
    expect(item.setEnabled(false)).toBe('off');
    expect(item.isEnabled()).toBe(false);
    expect(calls).toEqual([]);
  });

  it('on macOS and Windows registers the OS login item with what loginLaunch chose', () => {
    const launch = loginLaunch({ platform: 'win32', isPackaged: false, execPath: 'C:\\e.exe', appPath: 'C:\\src' });
    const { item, calls } = harness('win32', launch);
    expect(item.setEnabled(true)).toBe('on');
    expect(calls.at(-1)).toEqual([true, { path: 'C:\\e.exe', args: ['C:\\src', HIDDEN_ARG] }]);
  });

  it('macOS 13+: a login item waiting for approval reads as such, not as off', () => {
    const { item } = harness('darwin', { command: [], facade: { path: null, args: [HIDDEN_ARG] } }, 'requires-approval');
    expect(item.setEnabled(true)).toBe('requires-approval');
    expect(item.isEnabled()).toBe(true);
    expect(loginItemState({ openAtLogin: false, status: 'requires-approval' })).toBe('requires-approval');
    expect(loginItemState({ openAtLogin: false, status: 'enabled' })).toBe('on');
    expect(loginItemState({ openAtLogin: false, status: 'not-registered' })).toBe('off');
  });

  it('an AppImage replaced by an update: the new copy re-points the entry at itself; a versioned file name is called out', () => {
    const old = harness('linux', { command: ['/home/me/Switchboard-0.0.9-x86_64.AppImage'], facade: { path: null, args: [] } });
    old.item.setEnabled(true);
    const current = createLoginItem({
      platform: 'linux',
      facade: { setLoginItem: () => undefined, getLoginItem: () => ({ openAtLogin: false }) },
      launch: { command: ['/home/me/Switchboard-0.1.0-x86_64.AppImage'], facade: { path: null, args: [] } },
      version: '0.1.0',
      autostartFile: AUTOSTART,
      writeFile: (path, content) => void old.files.set(path, content),
      removeFile: (path) => void old.files.delete(path),
      fileExists: (path) => old.files.has(path),
      readFile: (path) => old.files.get(path) ?? null,
    });
    expect(current.refresh()).toBe(true);
    expect(old.files.get(AUTOSTART)).toContain('Exec=/home/me/Switchboard-0.1.0-x86_64.AppImage --hidden\n');
    expect(current.refresh()).toBe(false);
    expect(current.caveat()).toMatch(/Switchboard-0\.1\.0-x86_64\.AppImage.*start the new one once/);
    // off stays off: refreshing never turns it on
    current.setEnabled(false);
    expect(current.refresh()).toBe(false);
    expect(old.files.has(AUTOSTART)).toBe(false);
    const plain = harness('linux', { command: ['/home/me/Apps/Switchboard.AppImage'], facade: { path: null, args: [] } });
    expect(plain.item.caveat()).toBeNull();
  });

  it('escapes Exec per the desktop entry spec and finds the autostart folder', () => {
    expect(autostartDesktopEntry(['/a/b$c', '50%'])).toContain('Exec="/a/b\\$c" 50%% --hidden');
    expect(autostartFilePath('/home/me', {})).toBe(AUTOSTART);
    expect(autostartFilePath('/home/me', { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/autostart/switchboard.desktop');
    expect(autostartFilePath('/home/me', { XDG_CONFIG_HOME: 'relative' })).toBe(AUTOSTART);
  });

  it('knows a launch at login', () => {
    expect(launchedHidden(['app', HIDDEN_ARG], false)).toBe(true);
    expect(launchedHidden(['app'], true)).toBe(true);
    expect(launchedHidden(['app'], false)).toBe(false);
  });
});
