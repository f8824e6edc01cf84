// What the shell does differently per OS, decided in one place (the facade only carries it out):
// - Windows delivers notifications by AppUserModelId, so the app registers the installer's id.
// - macOS: a tray (menu bar) app has no Dock icon (LSUIElement in the packaged Info.plist; hideDock for
//   `electron .`), and keeps its app menu: without it Cmd+C / Cmd+V do nothing in the dashboard.
// - Windows and Linux: no File/Edit/View bar over the dashboard (copy and paste keys work without it).
// - A left click on the icon opens the dashboard where the tray reports one: Windows, and Linux
//   StatusNotifier hosts (their "Activate"). macOS opens the menu on any click.
// - Tray pictures: macOS template images; Windows 16 px with @1.25x/@1.5x/@2x next to it, which Electron
//   picks by display scale; Linux panels draw 22-24 px, so they get the 24 px picture.
import { APP_ID } from './app-identity';
import type { TrayIconState } from './facade-types';

export interface PlatformPlan {
  appUserModelId: string | null;
  hideDock: boolean;
  removeMenuBar: boolean;
  trayClickOpensWindow: boolean;
}

export function platformPlan(platform: NodeJS.Platform): PlatformPlan {
  return {
    appUserModelId: platform === 'win32' ? APP_ID : null,
    hideDock: platform === 'darwin',
    removeMenuBar: platform !== 'darwin',
    trayClickOpensWindow: platform === 'win32' || platform === 'linux',
  };
}

/** File name (in the tray icon folder scripts/icons.mjs writes) of the picture for `state`. */
export function trayIconFile(platform: NodeJS.Platform, state: TrayIconState): string {
  if (platform === 'darwin') return `${state}Template.png`;
  if (platform === 'linux') return `${state}-24.png`;
  return `${state}.png`;
}
