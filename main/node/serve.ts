// `switchboard serve`: config -> createGateway -> listen; SIGINT/SIGTERM -> graceful stop -> exit 0.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isGatewayError } from '../../shared/errors';
import type { ConfigFlags, GatewayConfig } from '../core/config';
import { isConfigError, loadConfig } from '../core/config';
import { createLogger } from '../core/events/logger';
import { createGateway } from '../core/gateway';
import type { Gateway } from '../core/gateway';
import { limitHeapGrowth } from '../core/heap-growth';
import { bannerLines } from './banner';
import type { CliIo } from './cli-io';
import { removeInstance, writeInstance } from '../core/instance-file';
import { fileSystemErrorLine, isFileSystemError } from './fs-error';

/** dist/renderer next to the bundle (dist/node/cli.js) or, from sources, at the repo root. */
export function findRendererDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

const REPEAT_SIGNAL_WINDOW_MS = 1_000;

export async function serve(flags: ConfigFlags, io: CliIo): Promise<number> {
  let config: GatewayConfig;
  try {
    config = await loadConfig({ flags, env: io.env, platform: process.platform, homeDir: homedir() });
  } catch (error) {
    if (isConfigError(error)) {
      io.stderr(`Configuration error:\n${error.message}`);
      return 1;
    }
    if (isFileSystemError(error)) {
      io.stderr(`switchboard: ${fileSystemErrorLine(error, flags.dataDir ?? io.env.SWITCHBOARD_DATA_DIR ?? null)}`);
      return 1;
    }
    throw error;
  }
  // the gateway's own list (config secrets and cookie values); it exists only once the gateway does
  const holder: { gateway: Gateway | null } = { gateway: null };
  const logger = createLogger({ level: config.switchboard.log.level, destination: 2, secrets: () => holder.gateway?.secrets() ?? [] });
  for (const warning of config.warnings) io.stderr(`warning: ${warning}`);
  limitHeapGrowth();
  const gateway = createGateway(config, { logger, version: io.version, rendererDir: findRendererDir(), env: io.env });
  holder.gateway = gateway;
  io.onExit(() => gateway.killChildrenSync());
  const dataDir = config.switchboard.dataDir;
  let stoppingSince: number | null = null;

  // Signal handlers go in before the start: a SIGTERM while LiteLLM starts (or right after a mode switch
  // was answered) must stop cleanly, children included, not kill the process with the default action.
  const stopped = new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (stoppingSince !== null) {
        // Ctrl-C reaches every process of the terminal's group and `npm start` forwards it too, so one
        // key press can arrive two or three times at once: only a later press means "do not wait".
        if (Date.now() - stoppingSince < REPEAT_SIGNAL_WINDOW_MS) return;
        io.stderr(`switchboard: ${signal} again, exiting without waiting`);
        resolve(1);
        return;
      }
      stoppingSince = Date.now();
      io.stderr(`switchboard: ${signal}, finishing in-flight requests… (again to exit at once)`);
      gateway
        .stop()
        .then(() => removeInstance(dataDir, process.pid))
        .then(() => {
          io.stderr('switchboard: stopped');
          resolve(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          resolve(1);
        });
    };
    io.onSignal('SIGINT', onSignal);
    io.onSignal('SIGTERM', onSignal);
  });

  let info;
  try {
    info = await gateway.listen();
  } catch (error) {
    if (stoppingSince !== null) return stopped;
    if (isGatewayError(error) && (error.code === 'PORT_IN_USE' || error.code === 'PORT_FORBIDDEN')) {
      io.stderr(`switchboard: ${error.message}`);
      return 1;
    }
    if (isFileSystemError(error)) {
      io.stderr(`switchboard: ${fileSystemErrorLine(error, dataDir)}`);
      await gateway.stop().catch(() => undefined);
      return 1;
    }
    throw error;
  }
  if (stoppingSince !== null) return stopped;
  for (const line of bannerLines(info, config)) io.stdout(line);
  try {
    await writeInstance(dataDir, { pid: process.pid, baseUrl: info.baseUrl, startedAt: info.startedAt });
  } catch (error) {
    // only `switchboard mode` needs it; serving goes on
    if (!isFileSystemError(error)) throw error;
    io.stderr(`switchboard: warning: ${fileSystemErrorLine(error, dataDir)}; \`switchboard mode\` will not find this gateway`);
  }
  return stopped;
}
