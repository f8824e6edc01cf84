// loadConfig: flags + env + (config file | built-in default) -> GatewayConfig, or a ConfigError that
// lists every problem with file, line and key path. The only config function that touches the disk:
// it reads the config file and creates the secret files in the data dir.
import { ConfigError } from './config-error';
import type { LoadConfigOptions } from './config-flags';
import { defaultDataDir, resolveUserPath } from './data-dir';
import { interpretDocument } from './interpret-document';
import { locateConfig } from './locate-config';
import { resolveSecrets } from './resolve-secrets';
import type { GatewayConfig } from './types';
import { parseYamlSource } from './yaml-source';

export type { ConfigFlags, LoadConfigOptions } from './config-flags';

export async function loadConfig(options: LoadConfigOptions): Promise<GatewayConfig> {
  const { flags, env, platform, homeDir } = options;
  const cwd = options.cwd ?? process.cwd();
  const dataDirFromUser = Boolean(flags.dataDir || env.SWITCHBOARD_DATA_DIR);
  const dataDir = resolveUserPath(flags.dataDir || defaultDataDir(platform, env, homeDir), cwd, homeDir);

  const located = await locateConfig({ flagPath: flags.config, envPath: env.SWITCHBOARD_CONFIG, dataDir, cwd, homeDir });
  const parsed = parseYamlSource(located.text, located.label);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  const interpreted = interpretDocument({
    source: parsed.source,
    kind: located.kind,
    filePath: located.path,
    flags,
    env,
    homeDir,
    dataDir,
    dataDirFromUser,
  });
  if (!interpreted.ok) throw new ConfigError(interpreted.problems);
  const config = interpreted.value;

  const secrets = await resolveSecrets({
    configMasterKey: config.masterKey.raw,
    configLocation: { file: located.label, line: config.masterKey.line },
    env,
    dataDir: config.settings.dataDir,
  });
  const notes = located.kind === 'default' ? [`no config file found; using the built-in config (write ${dataDir}/config.yaml or pass --config to change it)`] : [];
  return {
    source: { kind: located.kind, path: located.path },
    models: config.models,
    identity: config.identity,
    masterKey: secrets.masterKey,
    masterKeySource: secrets.masterKeySource,
    adminToken: secrets.adminToken,
    adminTokenSource: secrets.adminTokenSource,
    switchboard: config.settings,
    litellmDocument: config.litellmDocument,
    binaryOnlySections: config.binaryOnlySections,
    warnings: [...notes, ...config.warnings, ...secrets.warnings],
  };
}
