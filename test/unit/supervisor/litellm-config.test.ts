import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateLitellmConfig, writeLitellmConfig, MASTER_KEY_ENV } from '../../../main/core/backends/supervisor';
import { childEnvironment } from '../../../main/core/backends/supervisor/litellm-config';
import { inlineIncludes } from '../../../main/core/backends/supervisor/litellm-includes';

const userDoc = {
  model_list: [
    { model_name: 'claude-*', litellm_params: { model: 'anthropic/claude-*', api_key: 'os.environ/ANTHROPIC_API_KEY' } },
    { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o', extra_headers: { 'x-a': 'b' } }, model_info: { id: 1 } },
  ],
  litellm_settings: { drop_params: true, success_callback: ['langfuse'] },
  router_settings: { routing_strategy: 'simple-shuffle' },
  general_settings: { master_key: 'sk-users-own-key-123456', alerting: ['slack'] },
  user_id_mappings: { jetbrains: 'pycharm' },
};

describe('generateLitellmConfig', () => {
  it('keeps the LiteLLM sections unchanged and adds header forwarding and the env master key', () => {
    const out = parse(generateLitellmConfig(userDoc).yaml) as Record<string, unknown>;
    expect(out.model_list).toEqual(userDoc.model_list);
    expect(out.litellm_settings).toEqual(userDoc.litellm_settings);
    expect(out.router_settings).toEqual(userDoc.router_settings);
    expect(out.user_id_mappings).toEqual(userDoc.user_id_mappings);
    expect(out.general_settings).toEqual({
      alerting: ['slack'],
      forward_client_headers_to_llm_api: true,
      master_key: `os.environ/${MASTER_KEY_ENV}`,
    });
  });

  it("replaces the user's own master key and never mutates the input", () => {
    const before = structuredClone(userDoc);
    const text = generateLitellmConfig(userDoc).yaml;
    expect(text).not.toContain('sk-users-own-key-123456');
    expect(userDoc).toEqual(before);
  });

  it('drops a stray switchboard section and works without general_settings', () => {
    const out = parse(generateLitellmConfig({ switchboard: { port: 1 }, model_list: [] }).yaml) as Record<string, unknown>;
    expect(out.switchboard).toBeUndefined();
    expect(out.general_settings).toEqual({ forward_client_headers_to_llm_api: true, master_key: `os.environ/${MASTER_KEY_ENV}` });
  });
});

describe('a user config that could take the child over', () => {
  it('loses the auth and database settings, keeping everything else', () => {
    const risky = {
      ...userDoc,
      general_settings: {
        alerting: ['slack'],
        litellm_key_header_name: 'x-team-key',
        custom_auth: 'my_auth.user_api_key_auth',
        enable_jwt_auth: true,
        enable_oauth2_auth: true,
        database_url: 'postgresql://u:p@db/litellm',
        store_model_in_db: true,
      },
    };
    const { yaml, removed } = generateLitellmConfig(risky);
    expect((parse(yaml) as { general_settings: unknown }).general_settings).toEqual({
      alerting: ['slack'],
      forward_client_headers_to_llm_api: true,
      master_key: `os.environ/${MASTER_KEY_ENV}`,
    });
    expect(yaml).not.toContain('postgresql');
    expect(removed).toEqual([
      'general_settings.litellm_key_header_name', 'general_settings.custom_auth', 'general_settings.enable_jwt_auth',
      'general_settings.enable_oauth2_auth', 'general_settings.database_url', 'general_settings.store_model_in_db',
    ]);
  });

  it('gives the child no database variables', () => {
    const env = childEnvironment({ PATH: '/bin', DATABASE_URL: 'postgresql://x', DIRECT_URL: 'postgresql://y', DATABASE_PASSWORD: 'p', OPENAI_API_KEY: 'k', UNSET: undefined });
    expect(env).toEqual({ PATH: '/bin', OPENAI_API_KEY: 'k' });
  });
});

describe('include: files', () => {
  it("are inlined from the user's config folder with LiteLLM's merge rule (lists extend, the rest replaces)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sb-inc-'));
    await writeFile(join(dir, 'models.yaml'), 'model_list:\n  - model_name: extra\n    litellm_params: { model: openai/gpt-4o-mini }\nlitellm_settings: { drop_params: false }\n');
    const doc = { include: ['models.yaml'], model_list: [{ model_name: 'main', litellm_params: { model: 'openai/gpt-4o' } }], litellm_settings: { drop_params: true } };
    const out = await inlineIncludes(doc, dir);
    expect(out).toEqual({
      model_list: [{ model_name: 'main', litellm_params: { model: 'openai/gpt-4o' } }, { model_name: 'extra', litellm_params: { model: 'openai/gpt-4o-mini' } }],
      litellm_settings: { drop_params: false },
    });
    const written = parse(await readFile(await writeLitellmConfig(join(dir, 'data'), doc, dir), 'utf8')) as Record<string, unknown>;
    expect(written.include).toBeUndefined();
    expect(written.model_list).toHaveLength(2);
  });

  it('a missing or malformed include is refused with a clear error naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sb-inc-'));
    await expect(inlineIncludes({ include: ['nope.yaml'] }, dir)).rejects.toMatchObject({ code: 'BINARY_CONFIG_REJECTED', message: expect.stringContaining(join(dir, 'nope.yaml')) });
    await expect(inlineIncludes({ include: 'models.yaml' }, dir)).rejects.toMatchObject({ code: 'BINARY_CONFIG_REJECTED', message: expect.stringContaining('must be a list') });
    await expect(inlineIncludes({ include: ['x.yaml'] }, null)).rejects.toMatchObject({ code: 'BINARY_CONFIG_REJECTED' });
  });
});

describe('writeLitellmConfig', () => {
  it('writes the file with mode 0600, tightening an existing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sb-cfg-'));
    const target = join(dir, 'litellm.config.yaml');
    await writeFile(target, 'old');
    await chmod(target, 0o644);
    const file = await writeLitellmConfig(dir, userDoc);
    expect(file).toBe(target);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(parse(await readFile(file, 'utf8'))).toMatchObject({ general_settings: { forward_client_headers_to_llm_api: true } });
  });
});
