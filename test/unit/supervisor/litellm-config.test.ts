import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateLitellmConfig, writeLitellmConfig, MASTER_KEY_ENV } from '../../../main/core/backends/supervisor';

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
    const out = parse(generateLitellmConfig(userDoc)) as Record<string, unknown>;
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
    const text = generateLitellmConfig(userDoc);
    expect(text).not.toContain('sk-users-own-key-123456');
    expect(userDoc).toEqual(before);
  });

  it('drops a stray switchboard section and works without general_settings', () => {
    const out = parse(generateLitellmConfig({ switchboard: { port: 1 }, model_list: [] })) as Record<string, unknown>;
    expect(out.switchboard).toBeUndefined();
    expect(out.general_settings).toEqual({ forward_client_headers_to_llm_api: true, master_key: `os.environ/${MASTER_KEY_ENV}` });
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
