import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../main/core/config';

describe('defaultDataDir', () => {
  const cases: Array<{ name: string; platform: NodeJS.Platform; env: Record<string, string>; home: string; expected: string }> = [
    { name: 'linux default', platform: 'linux', env: {}, home: '/home/ann', expected: '/home/ann/.config/switchboard' },
    { name: 'linux XDG_CONFIG_HOME', platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/ann', expected: '/xdg/switchboard' },
    { name: 'linux relative XDG is ignored', platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, home: '/home/ann', expected: '/home/ann/.config/switchboard' },
    { name: 'darwin', platform: 'darwin', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/Users/ann', expected: '/Users/ann/Library/Application Support/switchboard' },
    { name: 'win32 APPDATA', platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, home: 'C:\\Users\\ann', expected: 'C:\\Users\\ann\\AppData\\Roaming\\switchboard' },
    { name: 'win32 without APPDATA', platform: 'win32', env: {}, home: 'C:\\Users\\ann', expected: 'C:\\Users\\ann\\AppData\\Roaming\\switchboard' },
    { name: 'SWITCHBOARD_DATA_DIR wins on linux', platform: 'linux', env: { SWITCHBOARD_DATA_DIR: '/data/sb', XDG_CONFIG_HOME: '/xdg' }, home: '/h', expected: '/data/sb' },
    { name: 'SWITCHBOARD_DATA_DIR wins on win32', platform: 'win32', env: { SWITCHBOARD_DATA_DIR: 'D:\\sb', APPDATA: 'C:\\x' }, home: 'C:\\h', expected: 'D:\\sb' },
    { name: 'empty SWITCHBOARD_DATA_DIR is unset', platform: 'linux', env: { SWITCHBOARD_DATA_DIR: '' }, home: '/h', expected: '/h/.config/switchboard' },
  ];
  it.each(cases)('$name', ({ platform, env, home, expected }) => {
    expect(defaultDataDir(platform, env, home)).toBe(expected);
  });
});
