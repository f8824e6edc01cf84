// The separate gateway a validation run builds: its own temp data dir, port 0, the probe model set and
// dummy keys. The user's running gateway, its mode and its files are never touched by a run. It can be
// stopped and started again on the same data dir (the cookie jar restart check).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Mode } from '../../../shared/protocol/records';
import { loadConfig } from '../config';
import type { GatewayConfig } from '../config/types';
import type { ServerInfo } from '../../../shared/protocol/records';
import type { AdminModel } from '../admin/admin-model-types';
import { probeConfigDocument } from './probe-config';
import { writeFileAtomic } from '../atomic-file';
import { DATA_FILES } from '../config/data-files';
import { markRunDir, RUN_DIR_PREFIX, sweepStaleRunDirs } from './stale-run-dirs';

/** What a validation run needs of a gateway; createGateway's Gateway has it (the migration layer sits below the composition root). */
export interface ProbeGateway {
  readonly admin: AdminModel;
  listen(): Promise<ServerInfo>;
  stop(): Promise<void>;
}

/** Builds a gateway for a config; the run passes createGateway with its own deps (pass I/O in). */
export type GatewayFactory = (config: GatewayConfig) => ProbeGateway;

export interface TempGateway {
  readonly url: string;
  readonly key: string;
  readonly config: GatewayConfig;
  /** the supermemory key the probe models use, to compare fingerprints */
  readonly supermemoryKey: string;
  readonly gateway: ProbeGateway;
  setMode(mode: Mode): Promise<{ ok: boolean; code: string | null; message: string | null; ms: number }>;
  /** stop and start again on the same data dir */
  restart(): Promise<void>;
  /** stops the gateway (and any LiteLLM child) and removes the temp data dir; safe to call twice */
  dispose(): Promise<void>;
}

export interface TempGatewayOptions {
  user: GatewayConfig;
  probeUrl: string;
  factory: GatewayFactory;
  now: () => number;
}

export async function startTempGateway(options: TempGatewayOptions): Promise<TempGateway> {
  // wall clock: it is compared with the dirs' modification times
  await sweepStaleRunDirs(tmpdir(), Date.now());
  const dataDir = await mkdtemp(join(tmpdir(), RUN_DIR_PREFIX));
  await markRunDir(dataDir, process.pid);
  const secret = () => randomBytes(18).toString('hex');
  const supermemoryKey = `sm_probe_${secret()}`;
  const file = join(dataDir, DATA_FILES.probeConfig);
  await writeFileAtomic(file, stringify(probeConfigDocument(options.user, options.probeUrl, { provider: `sk-probe-${secret()}` })));
  let config: GatewayConfig;
  try {
    config = await loadConfig({
      flags: { config: file, dataDir, port: 0, host: '127.0.0.1', mode: 'sdk' },
      env: { SWITCHBOARD_MASTER_KEY: `sk-sb-probe-${secret()}`, SWITCHBOARD_ADMIN_TOKEN: secret(), SUPERMEMORY_API_KEY: supermemoryKey },
      platform: process.platform,
      homeDir: dataDir,
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let gateway = options.factory(config);
  let url = '';
  let disposed = false;
  let disposing: Promise<void> | null = null;
  const listen = async () => {
    url = (await gateway.listen()).baseUrl;
  };
  try {
    await listen();
  } catch (error) {
    await gateway.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    get url() {
      return url;
    },
    key: config.masterKey,
    config,
    supermemoryKey,
    get gateway() {
      return gateway;
    },
    async setMode(mode) {
      const started = options.now();
      const result = await gateway.admin.setMode(mode);
      return { ok: result.ok, code: result.error?.code ?? null, message: result.error?.message ?? null, ms: options.now() - started };
    },
    async restart() {
      await gateway.stop();
      if (disposed) return;
      gateway = options.factory(config);
      await listen();
    },
    dispose() {
      // one clean-up shared by every caller: an abort starts it, the run's end waits for the same one
      disposing ??= (async () => {
        disposed = true;
        await gateway.stop().catch(() => undefined);
        await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
      })();
      return disposing;
    },
  };
}
