// The dashboard window: created on first use, hidden (not closed) by its close button so the app lives on
// in the tray, really closed only when the app quits. Remembers its bounds across runs.
import { UI_PATH } from '../../../shared/protocol/admin-api';
import type { Bounds, ElectronFacade, WindowHandle } from '../facade-types';
import { compactBoundsNear } from './compact-bounds';
import { restoreBounds, type SavedBounds } from './window-bounds';
import { decideNavigation, mainWindowSpec, originOf } from './window-security';

export interface MainWindowOptions {
  facade: Pick<ElectronFacade, 'createWindow' | 'displayWorkAreas' | 'openExternal'>;
  preloadPath: string;
  loadBounds(): SavedBounds | null;
  saveBounds(bounds: SavedBounds): void;
  onError(message: string): void;
  /** the dashboard finished loading (logged; the smoke test waits for it) */
  onLoaded?(url: string): void;
}

export interface MainWindowController {
  /**
   * Shows the dashboard at baseUrl (creating or re-pointing the window as needed) and focuses it; with a
   * view, opens that view (`#view=<id>`: a fragment change, so an open page switches without reloading).
   * With `near` (the tray icon's bounds), a window created now opens compact beside the icon.
   */
  show(baseUrl: string, view?: string, near?: Bounds): Promise<void>;
  /** the gateway moved (new port) or stopped: reload or blank the open window */
  gatewayChanged(baseUrl: string | null): Promise<void>;
  /** true when a window exists and is visible (single-instance focus, tests) */
  isVisible(): boolean;
  /** from now on the close button closes for real (quit sequence) */
  allowClose(): void;
  close(): void;
  /** webContents id of the open window, for IPC sender checks */
  webContentsId(): number | null;
}

export function dashboardUrl(baseUrl: string, view?: string): string {
  const url = `${baseUrl.replace(/\/$/, '')}${UI_PATH}`;
  return view ? `${url}#view=${encodeURIComponent(view)}` : url;
}

export function createMainWindowController(options: MainWindowOptions): MainWindowController {
  const { facade } = options;
  let window: WindowHandle | null = null;
  let loadedBase: string | null = null;
  let closing = false;
  let lastBounds: Bounds | null = null;

  const persistBounds = (): void => {
    if (lastBounds) options.saveBounds(lastBounds);
  };

  const load = async (baseUrl: string, view?: string): Promise<void> => {
    if (!window) return;
    loadedBase = baseUrl;
    const url = dashboardUrl(baseUrl, view);
    try {
      await window.loadURL(url);
      options.onLoaded?.(url);
    } catch (error) {
      options.onError(`The dashboard did not load: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const create = (baseUrl: string, near?: Bounds): WindowHandle => {
    const bounds = near ? compactBoundsNear(near, facade.displayWorkAreas()) : restoreBounds(options.loadBounds(), facade.displayWorkAreas());
    const spec = mainWindowSpec({ preloadPath: options.preloadPath, bounds, show: false });
    const created = facade.createWindow(spec, {
      onCloseRequested(preventClose) {
        persistBounds();
        if (closing) return;
        preventClose();
        created.hide();
      },
      onBoundsChanged(next) {
        lastBounds = next;
      },
      onClosed() {
        window = null;
        loadedBase = null;
      },
      // Read the origin at decision time: the gateway may have restarted on another port.
      decideNavigation: (url) => decideNavigation(url, originOf(loadedBase ?? baseUrl) ?? '', UI_PATH),
      openExternal(url) {
        facade.openExternal(url).catch((error: unknown) => options.onError(`Could not open ${originOf(url) ?? 'the link'}: ${String(error)}`));
      },
    });
    lastBounds = created.getBounds();
    return created;
  };

  return {
    async show(baseUrl, view, near) {
      if (!window || window.isDestroyed()) window = create(baseUrl, near);
      // the dashboard drops `#view=` once read, so asking for the same view again is still a change
      if (loadedBase !== baseUrl || view) await load(baseUrl, view);
      if (!window) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    async gatewayChanged(baseUrl) {
      if (!window || window.isDestroyed()) return;
      if (baseUrl === null) {
        loadedBase = null;
        window.hide();
        return;
      }
      if (baseUrl !== loadedBase) await load(baseUrl);
    },
    isVisible: () => window !== null && !window.isDestroyed() && window.isVisible(),
    allowClose() {
      closing = true;
    },
    close() {
      closing = true;
      persistBounds();
      if (window && !window.isDestroyed()) window.close();
    },
    webContentsId: () => (window && !window.isDestroyed() ? window.webContentsId : null),
  };
}
