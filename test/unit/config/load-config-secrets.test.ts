// Master key and admin token: where each comes from, generated once into the data dir (0600), stable.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, load, useTempDirs } from './helpers';

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('master key and admin token', () => {
  const tempDir = useTempDirs();

  const sources: Array<{ name: string; file: string; env: Record<string, string>; key: string | RegExp; source: string | 'file' }> = [
    { name: 'general_settings.master_key literal wins over the env', file: 'master-key-literal.yaml', env: { SWITCHBOARD_MASTER_KEY: 'sk-env' }, key: 'sk-1234', source: 'config' },
    { name: 'general_settings.master_key via os.environ/', file: 'litellm-real-world.yaml', env: { LITELLM_MASTER_KEY: 'sk-from-litellm-var', SWITCHBOARD_MASTER_KEY: 'sk-env' }, key: 'sk-from-litellm-var', source: 'config (env LITELLM_MASTER_KEY)' },
    { name: 'SWITCHBOARD_MASTER_KEY when the config has none', file: 'missing-env.yaml', env: { SWITCHBOARD_MASTER_KEY: 'sk-env' }, key: 'sk-env', source: 'env SWITCHBOARD_MASTER_KEY' },
    { name: 'generated into the data dir otherwise', file: 'missing-env.yaml', env: {}, key: /^sk-sb-[A-Za-z0-9]{32}$/, source: 'file' },
    { name: 'a master_key variable that is not set falls through to the next source', file: 'litellm-real-world.yaml', env: { SWITCHBOARD_MASTER_KEY: 'sk-env' }, key: 'sk-env', source: 'env SWITCHBOARD_MASTER_KEY' },
  ];

  it.each(sources)('$name', async ({ file, env, key, source }) => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture(file) }, env });
    if (typeof key === 'string') expect(config.masterKey).toBe(key);
    else expect(config.masterKey).toMatch(key);
    expect(config.masterKeySource).toBe(source === 'file' ? path.join(dataDir, 'master-key') : source);
  });

  it('says so when a master_key variable is missing, without any key value in the warning', async () => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture('litellm-real-world.yaml') }, env: { SWITCHBOARD_MASTER_KEY: 'sk-env-secret' } });
    const warning = config.warnings.find((w) => w.includes('LITELLM_MASTER_KEY'));
    expect(warning).toBe(`${fixture('litellm-real-world.yaml')}:61: general_settings.master_key: environment variable LITELLM_MASTER_KEY is not set; using the next key source`);
    expect(config.warnings.join('\n')).not.toContain('sk-env-secret');
  });

  posixOnly('generated secrets are 0600 files, and stay the same across loads', async () => {
    const dataDir = await tempDir();
    const first = await load({ dataDir, flags: { config: fixture('missing-env.yaml') } });
    const second = await load({ dataDir, flags: { config: fixture('missing-env.yaml') } });
    expect(second.masterKey).toBe(first.masterKey);
    expect(second.adminToken).toBe(first.adminToken);
    expect(first.adminToken).toMatch(/^sb-admin-[A-Za-z0-9]{32}$/);
    expect(first.adminToken).not.toBe(first.masterKey);
    for (const name of ['master-key', 'admin-token']) {
      expect((await stat(path.join(dataDir, name))).mode & 0o777).toBe(0o600);
    }
    expect((await readFile(path.join(dataDir, 'master-key'), 'utf8')).trim()).toBe(first.masterKey);
    expect(first.adminTokenSource).toBe(path.join(dataDir, 'admin-token'));
  });

  it('SWITCHBOARD_ADMIN_TOKEN wins over the file, and no file is written for it', async () => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture('missing-env.yaml') }, env: { SWITCHBOARD_ADMIN_TOKEN: 'adm-env', SWITCHBOARD_MASTER_KEY: 'sk-env' } });
    expect(config.adminToken).toBe('adm-env');
    expect(config.adminTokenSource).toBe('env SWITCHBOARD_ADMIN_TOKEN');
    await expect(stat(path.join(dataDir, 'admin-token'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(path.join(dataDir, 'master-key'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
