// The master key clients present and the admin token the dashboard presents. Each comes from config or
// env when the user chose one, else is generated once into the data dir, so it survives restarts and both
// the tray app and `switchboard serve` use the same one. Values never appear in messages.
import path from 'node:path';
import { ConfigError } from './config-error';
import type { ConfigProblem } from './config-error';
import { resolveEnvRef } from './env-ref';
import { ensureSecretFile, generateSecret } from './secret-file';
import { DATA_FILES } from './data-files';

export const MASTER_KEY_PREFIX = 'sk-sb-';
export const ADMIN_TOKEN_PREFIX = 'sb-admin-';

export interface SecretsInput {
  /** general_settings.master_key as written (literal or os.environ/VAR), or null */
  configMasterKey: string | null;
  /** where general_settings.master_key is written, for problems */
  configLocation: { file: string; line: number | null };
  env: Record<string, string | undefined>;
  dataDir: string;
}

export interface Secrets {
  masterKey: string;
  masterKeySource: string;
  adminToken: string;
  adminTokenSource: string;
  warnings: string[];
}

// The key travels in Authorization / x-api-key headers: visible ASCII only, no spaces.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export async function resolveSecrets(input: SecretsInput): Promise<Secrets> {
  const warnings: string[] = [];
  const problems: ConfigProblem[] = [];
  const badValue = (keyPath: string, file: string | null = null, line: number | null = null): void => {
    problems.push({ file, line, keyPath, problem: 'must be visible ASCII characters without spaces (the value is not shown)' });
  };

  let master: { value: string; source: string } | null = null;
  if (input.configMasterKey !== null) {
    const { file, line } = input.configLocation;
    const lookup = resolveEnvRef(input.configMasterKey.trim(), input.env);
    if (lookup.kind === 'invalid') {
      problems.push({ file, line, keyPath: 'general_settings.master_key', problem: 'os.environ/ must name a variable' });
    } else if (lookup.kind === 'missing') {
      // LiteLLM would run without auth here; we fall back to a key of our own instead and say so
      warnings.push(`${file}:${line ?? '?'}: general_settings.master_key: environment variable ${lookup.variable} is not set; using the next key source`);
    } else if (!HEADER_SAFE.test(lookup.value)) {
      badValue('general_settings.master_key', file, line);
    } else {
      master = { value: lookup.value, source: lookup.kind === 'env' ? `config (env ${lookup.variable})` : 'config' };
    }
  }
  const envMaster = input.env.SWITCHBOARD_MASTER_KEY?.trim();
  if (!master && envMaster) {
    if (HEADER_SAFE.test(envMaster)) master = { value: envMaster, source: 'env SWITCHBOARD_MASTER_KEY' };
    else badValue('env SWITCHBOARD_MASTER_KEY');
  }
  const envAdmin = input.env.SWITCHBOARD_ADMIN_TOKEN?.trim();
  if (envAdmin && !HEADER_SAFE.test(envAdmin)) badValue('env SWITCHBOARD_ADMIN_TOKEN');
  if (problems.length > 0) throw new ConfigError(problems);

  if (!master) master = await fromFile(path.join(input.dataDir, DATA_FILES.masterKey), MASTER_KEY_PREFIX, warnings);
  const admin = envAdmin
    ? { value: envAdmin, source: 'env SWITCHBOARD_ADMIN_TOKEN' }
    : await fromFile(path.join(input.dataDir, DATA_FILES.adminToken), ADMIN_TOKEN_PREFIX, warnings);
  return { masterKey: master.value, masterKeySource: master.source, adminToken: admin.value, adminTokenSource: admin.source, warnings };
}

async function fromFile(file: string, prefix: string, warnings: string[]): Promise<{ value: string; source: string }> {
  const result = await ensureSecretFile(file, () => generateSecret(prefix));
  if (result.modeFixed) warnings.push(`${file} was readable by other users; its mode is now 0600`);
  if (!HEADER_SAFE.test(result.value)) {
    throw new ConfigError({ file, line: null, keyPath: '', problem: 'must hold visible ASCII characters without spaces (the value is not shown)' });
  }
  return { value: result.value, source: file };
}
