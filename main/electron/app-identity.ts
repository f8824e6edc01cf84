// Who the app is to the OS. The Windows shell delivers and groups notifications by the AppUserModelId,
// which must equal the one electron-builder's installer writes into the Start-menu shortcut (its
// `appId`); Linux desktops match windows and notifications to the launcher by the .desktop file name.
// test/unit/electron/electron-builder-config.test.ts and packaging.test.ts hold these to the packaging.

export const APP_ID = 'dev.switchboard.app';
export const DESKTOP_FILE_NAME = 'switchboard.desktop';
