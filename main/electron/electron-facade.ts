// The one real ElectronFacade: thin translations onto Electron's API, no decisions (those live in the
// pure modules and arrive here as hooks). Not unit-tested (it needs the Electron binary); the smoke test
// exercises it where the binary exists.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import type { ElectronFacade, LoginItemLaunch, MenuItemSpec, NotificationSpec, TrayAction, TrayIconState } from './facade-types';
import { trayIconFile } from './platform-plan';
import { originOf, withCsp } from './window/window-security';

export interface ElectronFacadeOptions {
  /** folder of the tray icons scripts/icons.mjs generates (<state>.png, <state>Template.png, @2x) */
  trayIconDir: string;
}

export function createElectronFacade(options: ElectronFacadeOptions): ElectronFacade {
  const platform = process.platform;
  // Notifications lose their click handler when garbage-collected; keep them until closed.
  const liveNotifications = new Set<Notification>();

  const trayImage = (state: TrayIconState): Electron.NativeImage => {
    // Electron loads the @1.25x/@1.5x/@2x files next to it as the same image's scale variants.
    const image = nativeImage.createFromPath(join(options.trayIconDir, trayIconFile(platform, state)));
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  };

  const toTemplate = (items: MenuItemSpec[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] =>
    items.map((item) => {
      const action = item.action;
      return {
        id: item.id,
        type: item.type,
        ...(item.label !== undefined ? { label: item.label } : {}),
        ...(item.enabled !== undefined ? { enabled: item.enabled } : {}),
        ...(item.checked !== undefined ? { checked: item.checked } : {}),
        ...(item.submenu ? { submenu: toTemplate(item.submenu, onAction) } : {}),
        ...(action ? { click: () => onAction(action) } : {}),
      };
    });

  // macOS 13+: the app registers itself as a login item through SMAppService, which reports whether the
  // user still has to approve it in System Settings.
  const loginItemOptions = (launch: LoginItemLaunch) => ({
    ...(platform === 'darwin' ? { type: 'mainAppService' as const } : {}),
    ...(launch.path ? { path: launch.path } : {}),
    args: [...launch.args],
  });

  return {
    platform,
    argv: process.argv,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    execPath: process.execPath,
    requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
    onSecondInstance: (listener) => void app.on('second-instance', () => listener()),
    whenReady: () => app.whenReady(),
    onBeforeQuit: (listener) => void app.on('before-quit', (event) => listener(() => event.preventDefault())),
    onWindowAllClosed: (listener) => void app.on('window-all-closed', listener),
    onActivate: (listener) => void app.on('activate', () => listener()),
    quit: () => app.quit(),
    exit: (code) => app.exit(code),
    getVersion: () => app.getVersion(),
    getPath: (name) => app.getPath(name),
    wasOpenedAtLogin: () => (platform === 'darwin' ? app.getLoginItemSettings().wasOpenedAtLogin === true : false),
    setAppUserModelId: (id) => app.setAppUserModelId(id),
    hideDock: () => app.dock?.hide(),
    removeApplicationMenu: () => Menu.setApplicationMenu(null),
    onUncaughtError(listener) {
      process.on('uncaughtException', (error) => listener('exception', error));
      process.on('unhandledRejection', (reason) => listener('rejection', reason));
    },

    createTray(state, toolTip, onAction, onClick) {
      const tray = new Tray(trayImage(state));
      tray.setToolTip(toolTip);
      // Electron passes the icon's bounds with the click (macOS, Windows; empty on some Linux panels)
      if (onClick) tray.on('click', (_event, bounds) => onClick(bounds && bounds.width > 0 ? bounds : undefined));
      return {
        setIcon: (next) => tray.setImage(trayImage(next)),
        setToolTip: (text) => tray.setToolTip(text),
        setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(toTemplate(items, onAction))),
        destroy: () => tray.destroy(),
      };
    },

    createWindow(spec, hooks) {
      const win = new BrowserWindow(spec);
      const contents = win.webContents;
      win.on('close', (event) => hooks.onCloseRequested(() => event.preventDefault()));
      const bounds = () => hooks.onBoundsChanged(win.getNormalBounds());
      win.on('resize', bounds);
      win.on('move', bounds);
      win.on('closed', () => hooks.onClosed());
      const guard = (event: { preventDefault(): void }, url: string): void => {
        const decision = hooks.decideNavigation(url);
        if (decision === 'allow') return;
        event.preventDefault();
        if (decision === 'open-external') hooks.openExternal(url);
      };
      contents.on('will-navigate', (event) => guard(event, event.url));
      contents.on('will-redirect', (event) => guard(event, event.url));
      contents.on('will-frame-navigate', (event) => {
        if (!event.isMainFrame && hooks.decideNavigation(event.url) !== 'allow') event.preventDefault();
      });
      contents.setWindowOpenHandler(({ url }) => {
        if (hooks.decideNavigation(url) !== 'block') hooks.openExternal(url);
        return { action: 'deny' };
      });
      contents.on('will-attach-webview', (event) => event.preventDefault());
      return {
        webContentsId: contents.id,
        loadURL: (url) => win.loadURL(url),
        show: () => win.show(),
        focus: () => win.focus(),
        hide: () => win.hide(),
        restore: () => win.restore(),
        isMinimized: () => win.isMinimized(),
        isVisible: () => win.isVisible(),
        getBounds: () => win.getNormalBounds(),
        close: () => win.close(),
        isDestroyed: () => win.isDestroyed(),
      };
    },

    installSessionPolicy(policy) {
      const ses = session.defaultSession;
      // Replaces the previous listener (one per event), so a restart on another port re-targets it.
      ses.webRequest.onHeadersReceived((details, callback) => {
        if (originOf(details.url) !== policy.dashboardOrigin) return callback({});
        callback({ responseHeaders: withCsp(details.responseHeaders ?? {}, policy.contentSecurityPolicy) });
      });
      // Decided by window/permission-policy.ts: clipboard writes from the dashboard, nothing else.
      ses.setPermissionRequestHandler((contents, permission, callback, details) =>
        callback(policy.allowPermission(permission, details.requestingUrl ?? contents?.getURL() ?? null)),
      );
      ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => policy.allowPermission(permission, requestingOrigin || null));
    },

    displayWorkAreas: () => screen.getAllDisplays().map((display) => display.workArea),

    notificationsSupported: () => Notification.isSupported(),
    showNotification(spec: NotificationSpec, onClick) {
      const notification = new Notification({ title: spec.title, body: spec.body });
      liveNotifications.add(notification);
      notification.on('click', () => onClick());
      notification.on('close', () => liveNotifications.delete(notification));
      notification.show();
    },

    writeClipboard: (text) => clipboard.writeText(text),
    openExternal: (url) => shell.openExternal(url),
    openPath: (path) => shell.openPath(path),

    safeStorage: {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      encryptString: (plainText) => safeStorage.encryptString(plainText),
      decryptString: (encrypted) => safeStorage.decryptString(encrypted),
      ...(platform === 'linux' ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() } : {}),
    },
    setLoginItem: (openAtLogin, launch) => app.setLoginItemSettings({ openAtLogin, ...loginItemOptions(launch) }),
    getLoginItem(launch) {
      const settings = app.getLoginItemSettings(loginItemOptions(launch));
      return { openAtLogin: settings.openAtLogin, ...(settings.status ? { status: settings.status } : {}) };
    },

    handleIpc(channel, handler) {
      ipcMain.handle(channel, (event, ...args: unknown[]) => handler({ senderUrl: event.senderFrame?.url ?? null }, ...args));
    },
    handleIpcSync(channel, handler) {
      ipcMain.on(channel, (event) => {
        event.returnValue = handler({ senderUrl: event.senderFrame?.url ?? null });
      });
    },
  };
}
