// Which file is read (--config > SWITCHBOARD_CONFIG > <data dir>/config.yaml > built-in) and which data
// dir is used (--data-dir > SWITCHBOARD_DATA_DIR > switchboard.data_dir of a named file > OS default).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/core/config';
import { fixture, load, loadError, useTempDirs } from './helpers';

const yamlFor = (name: string, extra = ''): string => `model_list:\n  - model_name: ${name}\n    litellm_params:\n      model: openai/gpt-4o\n${extra}`;

describe('config file lookup order', () => {
  const tempDir = useTempDirs();

  async function setup(): Promise<{ dataDir: string; flagFile: string; envFile: string }> {
    const dataDir = await tempDir();
    const other = await tempDir();
    await writeFile(path.join(dataDir, 'config.yaml'), yamlFor('from-data-dir'));
    const flagFile = path.join(other, 'flag.yaml');
    const envFile = path.join(other, 'env.yaml');
    await writeFile(flagFile, yamlFor('from-flag'));
    await writeFile(envFile, yamlFor('from-env'));
    return { dataDir, flagFile, envFile };
  }

  const cases = [
    { name: '--config beats everything', useFlag: true, useEnv: true, useDataDir: true, kind: 'flag', model: 'from-flag' },
    { name: 'SWITCHBOARD_CONFIG beats the data dir', useFlag: false, useEnv: true, useDataDir: true, kind: 'env', model: 'from-env' },
    { name: '<data dir>/config.yaml beats the built-in', useFlag: false, useEnv: false, useDataDir: true, kind: 'data-dir', model: 'from-data-dir' },
    { name: 'built-in default last', useFlag: false, useEnv: false, useDataDir: false, kind: 'default', model: 'claude-sonnet-4.5' },
  ] as const;

  it.each(cases)('$name', async ({ useFlag, useEnv, useDataDir, kind, model }) => {
    const { dataDir, flagFile, envFile } = await setup();
    const emptyDataDir = await tempDir();
    const config = await load({
      dataDir: useDataDir ? dataDir : emptyDataDir,
      flags: useFlag ? { config: flagFile } : {},
      env: useEnv ? { SWITCHBOARD_CONFIG: envFile } : {},
    });
    expect(config.source.kind).toBe(kind);
    expect(config.models[0]?.modelName).toBe(model);
    const expectedPath = { flag: flagFile, env: envFile, 'data-dir': path.join(dataDir, 'config.yaml'), default: null }[kind];
    expect(config.source.path).toBe(expectedPath);
  });

  it('a --config file that does not exist is an error naming it (no silent fallback)', async () => {
    const dataDir = await tempDir();
    const missing = path.join(dataDir, 'nope.yaml');
    const error = await loadError({ dataDir, flags: { config: missing } });
    expect(error.file).toBe(missing);
    expect(error.keyPath).toBe('--config');
    expect(error.message).toBe(`${missing}: --config: file not found`);
  });

  it('a SWITCHBOARD_CONFIG file that does not exist is an error naming the variable', async () => {
    const dataDir = await tempDir();
    const error = await loadError({ dataDir, env: { SWITCHBOARD_CONFIG: path.join(dataDir, 'nope.yaml') } });
    expect(error.keyPath).toBe('env SWITCHBOARD_CONFIG');
  });

  it('a folder given as --config is an error', async () => {
    const dataDir = await tempDir();
    const error = await loadError({ dataDir, flags: { config: dataDir } });
    expect(error.message).toContain('is a folder');
  });

  it('a relative --config is taken from the working directory', async () => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: 'missing-env.yaml' }, cwd: path.dirname(fixture('missing-env.yaml')) });
    expect(config.source.path).toBe(fixture('missing-env.yaml'));
  });
});

describe('data dir choice', () => {
  const tempDir = useTempDirs();

  it('uses the OS default under the home dir when nothing else is given', async () => {
    const home = await tempDir();
    const config = await loadConfig({ flags: {}, env: {}, platform: 'linux', homeDir: home, cwd: home });
    expect(config.switchboard.dataDir).toBe(path.join(home, '.config', 'switchboard'));
  });

  it('SWITCHBOARD_DATA_DIR beats the default, and its config.yaml is found', async () => {
    const home = await tempDir();
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, 'config.yaml'), yamlFor('env-dir-model'));
    const config = await loadConfig({ flags: {}, env: { SWITCHBOARD_DATA_DIR: dataDir }, platform: 'linux', homeDir: home, cwd: home });
    expect(config.switchboard.dataDir).toBe(dataDir);
    expect(config.models[0]?.modelName).toBe('env-dir-model');
  });

  it('--data-dir beats SWITCHBOARD_DATA_DIR', async () => {
    const flagDir = await tempDir();
    const envDir = await tempDir();
    const config = await loadConfig({ flags: { dataDir: flagDir }, env: { SWITCHBOARD_DATA_DIR: envDir }, platform: 'linux', homeDir: envDir, cwd: envDir });
    expect(config.switchboard.dataDir).toBe(flagDir);
  });

  it('switchboard.data_dir in a --config file moves the data dir, relative to the file', async () => {
    const home = await tempDir();
    // both secrets from the env, so nothing is generated into the fixtures folder
    const env = { SWITCHBOARD_MASTER_KEY: 'sk-test', SWITCHBOARD_ADMIN_TOKEN: 'adm-test' };
    const config = await loadConfig({ flags: { config: fixture('data-dir-relative.yaml') }, env, platform: 'linux', homeDir: home, cwd: home });
    expect(config.switchboard.dataDir).toBe(path.join(path.dirname(fixture('data-dir-relative.yaml')), 'state'));
  });

  it('switchboard.data_dir with ~ expands to the home dir; --data-dir still wins over it', async () => {
    const home = await tempDir();
    const file = path.join(home, 'sb.yaml');
    await writeFile(file, yamlFor('m', 'switchboard:\n  data_dir: ~/sb-state\n'));
    const env = { SWITCHBOARD_MASTER_KEY: 'sk-test', SWITCHBOARD_ADMIN_TOKEN: 'adm-test' };
    const fromFile = await loadConfig({ flags: { config: file }, env, platform: 'linux', homeDir: home, cwd: home });
    expect(fromFile.switchboard.dataDir).toBe(path.join(home, 'sb-state'));
    const flagDir = await tempDir();
    const fromFlag = await loadConfig({ flags: { config: file, dataDir: flagDir }, env, platform: 'linux', homeDir: home, cwd: home });
    expect(fromFlag.switchboard.dataDir).toBe(flagDir);
  });

  it('switchboard.data_dir inside <data dir>/config.yaml is ignored with a warning (it cannot move itself)', async () => {
    const home = await tempDir();
    const dataDir = path.join(home, '.config', 'switchboard');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'config.yaml'), yamlFor('m', 'switchboard:\n  data_dir: /somewhere/else\n'));
    const config = await loadConfig({ flags: {}, env: {}, platform: 'linux', homeDir: home, cwd: home });
    expect(config.source.kind).toBe('data-dir');
    expect(config.switchboard.dataDir).toBe(dataDir);
    expect(config.warnings.filter((w) => w.includes('switchboard.data_dir is ignored'))).toHaveLength(1);
    expect(config.warnings.find((w) => w.includes('data_dir'))).toMatch(/config\.yaml:6: /);
  });
});
