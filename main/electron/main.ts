// Electron composition root (bundled to dist/electron/main.cjs). Builds the real deps (Electron facade,
// electron-store, pino, loadConfig/createGateway) and hands them to runShell; no logic of its own.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import ElectronStore from 'electron-store';
import { defaultDataDir, loadConfig } from '../core/config';
import { EMBEDDED_DEFAULT_CONFIG } from '../core/config/embedded-default';
import { fingerprint } from '../core/events/fingerprint';
import { createLogger } from '../core/events/logger';
import { createGateway } from '../core/gateway';
import type { Gateway } from '../core/gateway-types';
import { limitHeapGrowth } from '../core/heap-growth';
import { removeInstance, writeInstance } from '../core/instance-file';
import { openAppLog } from './app-log';
import { createElectronFacade } from './electron-facade';
import { watchEventLoop } from './event-loop-watch';
import { createGatewayRunner, type GatewayRunner } from './gateway-runner';
import { autostartFilePath, createLoginItem, loginLaunch } from './login-item';
import { findFreePort } from './port-probe';
import { createSecretStore, SECRETS_FILE_NAME } from './secrets/secret-store';
import { SETTINGS_FILE_NAME } from './settings/settings-schema';
import { openSettings, type StoreLike } from './settings/settings-store';
import { runShell } from './shell';
import { captureShellEnv, type ShellRunResult } from './shell-env';

/** Runs the login shell for its environment; never rejects (a failure is an empty answer). */
function runForEnv(file: string, args: readonly string[], timeoutMs: number): Promise<ShellRunResult> {
  return new Promise((resolve) => {
    const child = execFile(file, [...args], { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      const killed = error !== null && (error as { killed?: boolean }).killed === true;
      resolve({ stdout: stdout ?? '', code: killed ? null : typeof error?.code === 'number' ? error.code : error ? 1 : 0 });
    });
    child.stdin?.end();
  });
}

async function ensureConfigFile(path: string): Promise<void> {
  if (existsSync(path)) return;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a file that appeared in the meantime.
  await writeFile(path, EMBEDDED_DEFAULT_CONFIG, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

async function main(): Promise<void> {
  // the gateway runs on this process's heap (the main thread also drives the tray and window)
  limitHeapGrowth();
  const platform = process.platform;
  const homeDir = homedir();
  const facade = createElectronFacade({ trayIconDir: join(__dirname, 'tray') });
  // Filled in by the build callback; a holder, because TypeScript does not see assignments in closures.
  const built: { runner: GatewayRunner | null } = { runner: null };

  const shell = await runShell(facade, async () => {
    // Started from the Dock or a desktop menu, the app lacks what the user's shell exports (keys, PATH).
    const shellEnv = await captureShellEnv({ platform, env: process.env, run: runForEnv });
    const env = shellEnv.env;
    const fallbackDataDir = defaultDataDir(platform, env, homeDir);
    let running: Gateway | null = null;
    const logger = createLogger({
      level: env.SWITCHBOARD_LOG_LEVEL ?? 'info',
      destination: openAppLog(fallbackDataDir),
      // the gateway's own list: provider and Supermemory keys and cookie values too, as the CLI's logger
      secrets: () => running?.secrets() ?? [],
    });

    const { settings, setAsideTo } = openSettings({
      createStore: (options) => new ElectronStore(options) as unknown as StoreLike,
      filePath: join(facade.getPath('userData'), `${SETTINGS_FILE_NAME}.json`),
      renameFile: renameSync,
      now: Date.now,
      logger,
    });
    if (setAsideTo) logger.warn({ setAsideTo }, 'settings reset to defaults');
    logger.info({ added: shellEnv.added, pathFromShell: shellEnv.pathFromShell, problem: shellEnv.problem }, 'environment from the login shell');
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    watchEventLoop({
      histogram: delay,
      logger,
      every(ms, fn) {
        const timer = setInterval(fn, ms);
        timer.unref();
        return () => clearInterval(timer);
      },
    });

    const secretStore = createSecretStore({
      file: new ElectronStore({ name: SECRETS_FILE_NAME }),
      safeStorage: facade.safeStorage,
      fingerprint,
      logger,
    });

    const runner = createGatewayRunner({
      loadConfig,
      createGateway,
      settings: () => settings.get(),
      providerKeys: () => secretStore.decryptAll(),
      env,
      platform,
      homeDir,
      version: facade.getVersion(),
      rendererDir: existsSync(join(__dirname, '..', 'renderer', 'index.html')) ? join(__dirname, '..', 'renderer') : null,
      logger,
      findFreePort,
      // `switchboard mode …` on the command line finds the app's gateway through <dataDir>/instance.json.
      async onListening(gateway, server) {
        running = gateway;
        await writeInstance(gateway.config.switchboard.dataDir, { pid: process.pid, baseUrl: server.baseUrl, startedAt: server.startedAt });
      },
      async onStopped(gateway) {
        if (running === gateway) running = null;
        await removeInstance(gateway.config.switchboard.dataDir, process.pid);
      },
    });

    const loginItem = createLoginItem({
      platform,
      facade,
      launch: loginLaunch({ platform, isPackaged: facade.isPackaged, execPath: facade.execPath, appPath: facade.appPath, appImage: env.APPIMAGE }),
      version: facade.getVersion(),
      autostartFile: autostartFilePath(homeDir, env),
      writeFile: (path, content) => {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content, { mode: 0o644 });
      },
      removeFile: (path) => rmSync(path, { force: true }),
      fileExists: existsSync,
      readFile: (path) => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return null;
        }
      },
    });

    built.runner = runner;
    return {
      runner,
      settings,
      secrets: secretStore,
      loginItem,
      logger,
      preloadPath: join(__dirname, 'preload.cjs'),
      fallbackDataDir,
      startupWarnings: shellEnv.problem ? [`your shell's environment could not be read (${shellEnv.problem}); keys exported there are missing`] : [],
      fileExists: existsSync,
      ensureConfigFile,
      now: Date.now,
      setTimer: (fn, ms) => {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
      },
    };
  });
  if (!shell) return;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => facade.quit());
  // Nothing can be awaited in 'exit': a LiteLLM child still running then is killed outright.
  process.on('exit', () => built.runner?.killChildrenSync());
}

main().catch((error: unknown) => {
  process.stderr.write(`switchboard: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
