// Which config file to use: --config, then SWITCHBOARD_CONFIG, then <data dir>/config.yaml, then the
// built-in default. A file named explicitly must exist; the data-dir file is optional.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error';
import { resolveUserPath } from './data-dir';
import { EMBEDDED_DEFAULT_CONFIG, EMBEDDED_DEFAULT_LABEL } from './embedded-default';
import type { GatewayConfig } from './types';
import { DATA_FILES } from './data-files';


export interface LocatedConfig {
  kind: GatewayConfig['source']['kind'];
  /** absolute file path, null for the built-in default */
  path: string | null;
  /** name used in messages */
  label: string;
  text: string;
}

export interface LocateInput {
  flagPath: string | undefined;
  envPath: string | undefined;
  dataDir: string;
  cwd: string;
  homeDir: string;
}

export async function locateConfig(input: LocateInput): Promise<LocatedConfig> {
  if (input.flagPath) return readNamed('flag', resolveUserPath(input.flagPath, input.cwd, input.homeDir), '--config');
  if (input.envPath) return readNamed('env', resolveUserPath(input.envPath, input.cwd, input.homeDir), 'env SWITCHBOARD_CONFIG');
  const inDataDir = path.join(input.dataDir, DATA_FILES.config);
  const text = await readText(inDataDir, '', true);
  if (text !== null) return { kind: 'data-dir', path: inDataDir, label: inDataDir, text };
  return { kind: 'default', path: null, label: EMBEDDED_DEFAULT_LABEL, text: EMBEDDED_DEFAULT_CONFIG };
}

async function readNamed(kind: 'flag' | 'env', file: string, namedBy: string): Promise<LocatedConfig> {
  const text = await readText(file, namedBy, false);
  return { kind, path: file, label: file, text: text ?? '' };
}

/** null only when `optional` and the file does not exist. */
async function readText(file: string, namedBy: string, optional: boolean): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (optional && code === 'ENOENT') return null;
    const problem = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code})`;
    throw new ConfigError({ file, line: null, keyPath: namedBy, problem });
  }
}
