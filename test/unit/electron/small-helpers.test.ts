import { describe, expect, it } from 'vitest';
import { claudeCodeSetup } from '../../../main/electron/copy-text';
import type { ElectronFacade } from '../../../main/electron/facade-types';
import { autostartDesktopEntry, autostartFilePath, createLoginItem, HIDDEN_ARG, launchedHidden } from '../../../main/electron/login-item';

describe('Claude Code setup text', () => {
  it('exports the base URL and the key as Bearer token for POSIX shells', () => {
    expect(claudeCodeSetup('http://127.0.0.1:8765', 'sk-sb-abc', 'darwin')).toBe(
      'export ANTHROPIC_BASE_URL=http://127.0.0.1:8765\nexport ANTHROPIC_AUTH_TOKEN=sk-sb-abc\n',
    );
  });

  it('quotes a key with shell characters so pasting cannot run anything', () => {
    expect(claudeCodeSetup('http://127.0.0.1:8765', "k$(rm -rf ~)'x", 'linux')).toContain(`ANTHROPIC_AUTH_TOKEN='k$(rm -rf ~)'\\''x'`);
  });

  it('uses PowerShell syntax on Windows, single-quoted (no expansion)', () => {
    expect(claudeCodeSetup('http://127.0.0.1:8765', "a$b'c", 'win32')).toBe(
      "$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8765'\r\n$env:ANTHROPIC_AUTH_TOKEN = 'a$b''c'\r\n",
    );
  });
});

describe('start at login', () => {
  const files = new Map<string, string>();
  const facadeCalls: Array<[boolean, readonly string[]]> = [];
  const facade: Pick<ElectronFacade, 'setLoginItem' | 'getLoginItem'> = {
    setLoginItem: (open, args) => void facadeCalls.push([open, args]),
    getLoginItem: () => facadeCalls.at(-1)?.[0] ?? false,
  };
  const make = (platform: NodeJS.Platform) =>
    createLoginItem({
      platform,
      facade,
      autostartFile: '/home/me/.config/autostart/switchboard.desktop',
      command: ['/opt/Switchboard App/switchboard'],
      writeFile: (path, content) => void files.set(path, content),
      removeFile: (path) => void files.delete(path),
      fileExists: (path) => files.has(path),
    });

  it('on Linux writes and removes an XDG autostart entry that starts hidden', () => {
    const item = make('linux');
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    expect(item.isEnabled()).toBe(true);
    const entry = files.get('/home/me/.config/autostart/switchboard.desktop');
    expect(entry).toContain('Exec="/opt/Switchboard App/switchboard" --hidden\n');
    expect(entry).toContain('Type=Application\n');
    item.setEnabled(false);
    expect(item.isEnabled()).toBe(false);
    expect(facadeCalls).toEqual([]);
  });

  it('on macOS and Windows uses the OS login item with --hidden', () => {
    const item = make('win32');
    item.setEnabled(true);
    expect(facadeCalls.at(-1)).toEqual([true, [HIDDEN_ARG]]);
    expect(item.isEnabled()).toBe(true);
  });

  it('escapes Exec per the desktop entry spec and finds the autostart folder', () => {
    expect(autostartDesktopEntry(['/a/b$c', '50%'])).toContain('Exec="/a/b\\$c" 50%% --hidden');
    expect(autostartFilePath('/home/me', {})).toBe('/home/me/.config/autostart/switchboard.desktop');
    expect(autostartFilePath('/home/me', { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/autostart/switchboard.desktop');
    expect(autostartFilePath('/home/me', { XDG_CONFIG_HOME: 'relative' })).toBe('/home/me/.config/autostart/switchboard.desktop');
  });

  it('knows a launch at login', () => {
    expect(launchedHidden(['app', HIDDEN_ARG], false)).toBe(true);
    expect(launchedHidden(['app'], true)).toBe(true);
    expect(launchedHidden(['app'], false)).toBe(false);
  });
});
