// The desktop around the gateway: single instance, tray, window, notifications, quit. Everything it touches
// comes in through ShellDeps (the Electron facade, the gateway runner, settings, secrets), so the whole
// lifecycle runs in plain Node under test with fakes.
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { GatewayEvent } from '../../shared/protocol/events';
import type { Gateway } from '../core/gateway-types';
import { createCrashGuard } from './crash-guard';
import type { Bounds, ElectronFacade } from './facade-types';
import type { GatewayRunner } from './gateway-runner';
import { registerIpcHandlers } from './ipc-handlers';
import { launchedHidden, type LoginItem } from './login-item';
import {
  createNotifier,
  notificationForEvent,
  notificationForKeyChangeRestart,
  notificationForStartProblem,
  notificationForStartWarnings,
  type Notifier,
} from './notifications';
import { platformPlan } from './platform-plan';
import { createProviderKeyActions, type ProviderKeyChange } from './provider-keys';
import { createQuitSequence, type QuitSequence } from './quit-sequence';
import { withoutValues } from './secrets/key-input';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsAccess } from './settings/settings-store';
import { createShellActions, type ShellActions } from './shell-actions';
import { createTrayController, type TrayController } from './tray/tray-controller';
import { initialTrayModel, trayFailed, trayStarting, trayStopping } from './tray/tray-state';
import { createMainWindowController, type MainWindowController } from './window/main-window';
import { allowPermission } from './window/permission-policy';
import { DASHBOARD_CSP, originOf } from './window/window-security';
import { DATA_FILES } from '../core/config/data-files';

/** Everything besides the facade; built only once this process holds the single-instance lock. */
export interface ShellDeps {
  runner: GatewayRunner;
  settings: SettingsAccess;
  /** provider keys entered in the app (the runner decrypts them at each start) */
  secrets: SecretStore;
  loginItem: LoginItem;
  logger: Logger;
  preloadPath: string;
  /** data dir used while no gateway runs (defaultDataDir); logs and config.yaml are found there */
  fallbackDataDir: string;
  fileExists(path: string): boolean;
  /** writes the embedded default config to `path` if nothing is there yet */
  ensureConfigFile(path: string): Promise<void>;
  now(): number;
  setTimer(fn: () => void, ms: number): () => void;
  /** extra time past the gateway's shutdown grace before quitting regardless */
  quitMarginMs?: number;
  /** problems found while building the deps (e.g. the shell's environment could not be read), shown at start */
  startupWarnings?: string[];
}

export interface Shell {
  tray: TrayController;
  window: MainWindowController;
  quit: QuitSequence;
  actions: ShellActions;
  /** (re)starts the gateway; resolves when it listens or has failed */
  startGateway(): Promise<void>;
  gateway(): Gateway | null;
}

const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Returns null when another instance already runs: this one quits before `build` opens any file, and
 * the running one shows its window.
 */
export async function runShell(facade: ElectronFacade, build: () => ShellDeps | Promise<ShellDeps>): Promise<Shell | null> {
  if (!facade.requestSingleInstanceLock()) {
    facade.quit();
    return null;
  }
  const plan = platformPlan(facade.platform);
  // Before anything can show a notification: Windows matches them to the installer's shortcut by this id.
  if (plan.appUserModelId) facade.setAppUserModelId(plan.appUserModelId);
  const deps = await build();
  const { runner, settings, logger } = deps;

  let tray: TrayController | null = null;
  let stopFollowing: (() => void) | null = null;
  let lastGrace = DEFAULT_SHUTDOWN_GRACE_MS;

  const gateway = (): Gateway | null => runner.current();
  const dataDir = (): string => gateway()?.config.switchboard.dataDir ?? deps.fallbackDataDir;
  const configFile = (): string =>
    gateway()?.config.source.path ?? settings.get().configPath ?? join(dataDir(), DATA_FILES.config);
  const secrets = (): string[] => {
    const config = gateway()?.config;
    if (!config) return [];
    const keys = config.models.map((m) => m.apiKey).filter((k): k is string => Boolean(k));
    return [config.masterKey, config.adminToken, ...keys, ...(config.switchboard.supermemoryApiKey ? [config.switchboard.supermemoryApiKey] : [])];
  };

  const notifier: Notifier = createNotifier({
    now: deps.now,
    secrets,
    show: (spec) => {
      if (!facade.notificationsSupported()) return;
      facade.showNotification(spec, () => {
        if (spec.action) void actions.dispatch(spec.action);
      });
    },
  });

  const window = createMainWindowController({
    facade,
    preloadPath: deps.preloadPath,
    loadBounds: () => settings.get().windowBounds,
    saveBounds: (bounds) => settings.set('windowBounds', bounds),
    onError: (message) => logger.warn({ message }, 'window problem'),
    onLoaded: (url) => logger.info({ url }, 'dashboard loaded'),
  });

  facade.onUncaughtError(createCrashGuard({ logger, notify: (spec) => void notifier.notify(spec) }));

  const quit = createQuitSequence({
    stopGateway: () => runner.stop(),
    beforeStop() {
      window.allowClose();
      stopFollowing?.();
      stopFollowing = null;
      tray?.detach();
      tray?.update(trayStopping);
    },
    afterStop() {
      // After a clean stop there is nothing left; past the deadline a LiteLLM child must not outlive us.
      runner.killChildrenSync();
      window.close();
      tray?.destroy();
      logger.flush?.();
    },
    quit: () => facade.quit(),
    deadlineMs: () => lastGrace + (deps.quitMarginMs ?? 5_000),
    setTimer: deps.setTimer,
    logger,
  });

  const follow = (running: Gateway): void => {
    stopFollowing?.();
    stopFollowing = running.admin.onEvent((event: GatewayEvent) => {
      notifier.notify(notificationForEvent(event));
      if (event.type === 'mode.changed' && settings.get().mode !== event.mode.mode) {
        settings.set('mode', event.mode.mode);
      }
    });
  };

  /** `keyChange`: this start makes a provider key change take effect (its value is kept out of reports) */
  const start = async (keyChange: ProviderKeyChange | null): Promise<void> => {
    // The runner's queue keeps a start from overlapping the quit's stop, not from running after it: a
    // restart queued behind a key change (or a notification clicked late) would bring the gateway back.
    if (quit.state() !== 'running') return;
    stopFollowing?.();
    stopFollowing = null;
    tray?.detach();
    tray?.update(trayStarting);
    const outcome = await runner.restart();
    if (quit.state() !== 'running') return;
    const hidden = keyChange?.secrets ?? [];
    if (outcome.ok) {
      lastGrace = outcome.gateway.config.switchboard.shutdownGraceMs;
      const warnings = [...(deps.startupWarnings ?? []), ...outcome.warnings].map((warning) => withoutValues(warning, hidden));
      for (const warning of warnings) logger.warn({ warning }, 'config warning');
      // Logged only, a missing key would leave the tray green while a model fails on every request.
      notifier.notify(notificationForStartWarnings(warnings));
      const dashboardOrigin = originOf(outcome.server.baseUrl) ?? '';
      facade.installSessionPolicy({
        dashboardOrigin,
        contentSecurityPolicy: DASHBOARD_CSP,
        allowPermission: (permission, requestingUrl) => allowPermission(permission, requestingUrl, dashboardOrigin),
      });
      const gateway = outcome.gateway;
      tray?.attach(gateway.admin, () => gateway.migration.cutover());
      follow(outcome.gateway);
      await window.gatewayChanged(outcome.server.baseUrl);
      return;
    }
    // The config loader quotes what it could not use; after a key change that may be the new value.
    const problem = { ...outcome.problem, message: withoutValues(outcome.problem.message, hidden) };
    logger.error({ code: problem.code, message: problem.message }, 'gateway did not start');
    tray?.update((model) => trayFailed(model, { message: problem.message, suggestedPort: problem.suggestedPort }));
    notifier.notify(keyChange ? notificationForKeyChangeRestart(problem, keyChange) : notificationForStartProblem(problem));
    await window.gatewayChanged(null);
  };
  const startGateway = (): Promise<void> => start(null);

  const providerKeys = createProviderKeyActions({
    store: deps.secrets,
    async restartGateway(change) {
      try {
        await start(change);
      } catch (error) {
        // The key is stored (or removed) either way; the dashboard call resolves and the user learns
        // about the gateway from the notification.
        const message = withoutValues(error instanceof Error ? error.message : String(error), change.secrets);
        logger.error({ name: change.name, message }, 'restart after a key change failed');
        tray?.update((model) => trayFailed(model, { message, suggestedPort: null }));
        notifier.notify(notificationForKeyChangeRestart({ code: 'INTERNAL', message, port: null, suggestedPort: null }, change));
      }
    },
  });

  const actions = createShellActions({
    facade,
    gateway,
    window,
    tray: () => tray,
    settings,
    loginItem: deps.loginItem,
    notifier,
    logger,
    dataDir,
    configFile,
    ensureConfigFile: deps.ensureConfigFile,
    startGateway,
  });

  facade.onSecondInstance(() => void actions.dispatch({ kind: 'open-window' }));
  facade.onActivate(() => void actions.dispatch({ kind: 'open-window' }));
  // A tray app keeps running with no window open.
  facade.onWindowAllClosed(() => undefined);
  facade.onBeforeQuit((preventQuit) => quit.onBeforeQuit(preventQuit));

  await facade.whenReady();
  if (plan.hideDock) facade.hideDock();
  if (plan.removeMenuBar) facade.removeApplicationMenu();

  // A registration left by another copy of the app (an AppImage since updated) now starts this one.
  if (deps.loginItem.refresh()) logger.info('start-at-login entry re-pointed at this copy of the app');
  const startAtLogin = deps.loginItem.isEnabled();
  if (settings.get().startAtLogin !== startAtLogin) settings.set('startAtLogin', startAtLogin);
  const openWindow = (near?: Bounds): void => void actions.dispatch({ kind: 'open-window', near });
  tray = createTrayController({
    tray: facade.createTray('switching', 'Switchboard · Starting…', (action) => void actions.dispatch(action), plan.trayClickOpensWindow ? openWindow : null),
    initial: initialTrayModel(settings.get().mode, startAtLogin),
    menuContext: () => ({ configFileExists: deps.fileExists(configFile()) }),
  });
  logger.info('tray created');

  registerIpcHandlers(facade, {
    bootstrap: () => {
      const running = gateway();
      const baseUrl = tray?.view().baseUrl;
      return running && baseUrl ? { adminUrl: baseUrl, adminToken: running.config.adminToken } : null;
    },
    openExternal: (url) => facade.openExternal(url),
    openLogsFolder: () => actions.dispatch({ kind: 'open-logs' }),
    openConfigFile: () => actions.dispatch({ kind: 'open-config' }),
    setStartAtLogin: (enabled) => actions.dispatch({ kind: 'set-start-at-login', enabled }),
    quit: () => actions.dispatch({ kind: 'quit' }),
    listProviderKeys: () => providerKeys.list(),
    providerKeyStorage: () => providerKeys.storage(),
    setProviderKey: (name, value) => providerKeys.set(name, value),
    deleteProviderKey: (name) => providerKeys.remove(name),
  });

  await startGateway();
  if (gateway() && !launchedHidden(facade.argv, facade.wasOpenedAtLogin())) {
    await actions.dispatch({ kind: 'open-window' });
  }

  return {
    tray,
    window,
    quit,
    actions,
    startGateway,
    gateway,
  };
}
