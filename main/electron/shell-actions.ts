// What each tray item, notification click and bridge call does. One dispatcher, so the tray menu, the
// notifications and the dashboard's shell actions share one behaviour. Failures are logged and shown,
// never thrown back into Electron's click handlers.
import type { Logger } from 'pino';
import type { Gateway } from '../core/gateway-types';
import { claudeCodeSetup } from './copy-text';
import type { ElectronFacade, TrayAction } from './facade-types';
import type { LoginItem } from './login-item';
import { notificationForLoginItem, notificationForModeResult, notificationForNoDashboard, type Notifier } from './notifications';
import type { SettingsAccess } from './settings/settings-store';
import type { TrayController } from './tray/tray-controller';
import { traySetStartAtLogin } from './tray/tray-state';
import type { MainWindowController } from './window/main-window';

export interface ShellActionsDeps {
  facade: Pick<ElectronFacade, 'platform' | 'writeClipboard' | 'openPath' | 'quit'>;
  gateway(): Gateway | null;
  window: MainWindowController;
  tray(): TrayController | null;
  settings: SettingsAccess;
  loginItem: LoginItem;
  notifier: Notifier;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  dataDir(): string;
  configFile(): string;
  ensureConfigFile(path: string): Promise<void>;
  startGateway(): Promise<void>;
}

export interface ShellActions {
  dispatch(action: TrayAction): Promise<void>;
}

export function createShellActions(deps: ShellActionsDeps): ShellActions {
  const { facade, settings, logger } = deps;

  const baseUrl = (): string | null => deps.tray()?.view().baseUrl ?? null;

  const openPath = async (path: string, what: string): Promise<void> => {
    const problem = await facade.openPath(path);
    if (problem) {
      deps.notifier.notify({ id: `open-${what}`, title: `Could not open the ${what}`, body: `${path}: ${problem}` });
    }
  };

  // Each click on a window-less app (Dock, second launch, tray) is answered, so repeats get their own id.
  let notRunningNotices = 0;
  const tellNotRunning = (): void => {
    notRunningNotices += 1;
    deps.notifier.notify(notificationForNoDashboard(deps.tray()?.view().status ?? null, notRunningNotices));
  };

  const run = async (action: TrayAction): Promise<void> => {
    const gateway = deps.gateway();
    switch (action.kind) {
      case 'open-window': {
        const url = baseUrl();
        // Without a gateway there is no dashboard to show; say why instead of doing nothing.
        if (url) await deps.window.show(url, undefined, action.near);
        else tellNotRunning();
        return;
      }
      case 'open-cutover': {
        const url = baseUrl();
        if (url) await deps.window.show(url, 'cutover');
        return;
      }
      case 'set-mode': {
        if (!gateway || gateway.admin.snapshot().mode.mode === action.mode) return;
        deps.notifier.notify(notificationForModeResult(await gateway.admin.setMode(action.mode), action.mode));
        return;
      }
      case 'rollback': {
        if (!gateway) return;
        const previous = gateway.admin.snapshot().mode.previous;
        const result = await gateway.admin.rollback();
        if (previous) deps.notifier.notify(notificationForModeResult(result, previous));
        return;
      }
      case 'copy-base-url': {
        const url = baseUrl();
        if (url) facade.writeClipboard(url);
        return;
      }
      case 'copy-claude-setup': {
        const url = baseUrl();
        if (gateway && url) facade.writeClipboard(claudeCodeSetup(url, gateway.admin.revealKey(), facade.platform));
        return;
      }
      case 'copy-api-key':
        if (gateway) facade.writeClipboard(gateway.admin.revealKey());
        return;
      case 'pause':
        gateway?.admin.pause();
        return;
      case 'resume':
        gateway?.admin.resume();
        return;
      case 'restart-gateway':
        await deps.startGateway();
        return;
      case 'use-port':
        settings.set('port', action.port);
        await deps.startGateway();
        return;
      case 'open-logs':
        await openPath(deps.dataDir(), 'logs folder');
        return;
      case 'open-config': {
        const file = deps.configFile();
        await deps.ensureConfigFile(file);
        deps.tray()?.refresh();
        await openPath(file, 'config file');
        return;
      }
      case 'set-start-at-login': {
        // The checkbox shows what the OS will do, not what was asked: macOS 13+ may wait for approval.
        const state = deps.loginItem.setEnabled(action.enabled);
        const enabled = state !== 'off';
        settings.set('startAtLogin', enabled);
        deps.tray()?.update((model) => traySetStartAtLogin(model, enabled));
        deps.notifier.notify(notificationForLoginItem(action.enabled, state, action.enabled ? deps.loginItem.caveat() : null));
        return;
      }
      case 'quit':
        facade.quit();
        return;
    }
  };

  return {
    async dispatch(action) {
      try {
        await run(action);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.error({ action: action.kind, message }, 'tray action failed');
        deps.notifier.notify({ id: `action-failed-${action.kind}`, title: 'Switchboard', body: message });
      }
    },
  };
}
