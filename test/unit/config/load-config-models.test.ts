// model_list -> ModelConfig: providers, api_base, keys and os.environ/ resolution, Supermemory, params.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GatewayConfig, ModelConfig } from '../../../main/core/config';
import { fixture, load, useTempDirs } from './helpers';

function byName(config: GatewayConfig, name: string): ModelConfig {
  const found = config.models.find((m) => m.modelName === name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
}

describe('a real-world LiteLLM config', () => {
  const tempDir = useTempDirs();
  const env = {
    ANTHROPIC_API_KEY: 'sk-ant-test',
    OPENAI_API_KEY: 'sk-openai-test',
    SUPERMEMORY_API_KEY: 'sm-test',
    LITELLM_MASTER_KEY: 'sk-litellm-master',
  };
  const loadIt = async (): Promise<GatewayConfig> => load({ dataDir: await tempDir(), flags: { config: fixture('litellm-real-world.yaml') }, env });

  it('routes Claude through the Supermemory router with both keys and applies thinking and max_tokens', async () => {
    const config = await loadIt();
    expect(byName(config, 'claude-sonnet-4.5')).toEqual({
      modelName: 'claude-sonnet-4.5',
      litellmModel: 'anthropic/claude-sonnet-4-5-20250929',
      providerPrefix: 'anthropic',
      provider: 'anthropic',
      dialect: 'anthropic',
      providerModel: 'claude-sonnet-4-5-20250929',
      apiBase: 'https://api.supermemory.ai/v3/https://api.anthropic.com',
      apiKey: 'sk-ant-test',
      extraHeaders: { 'x-supermemory-api-key': 'sm-test' },
      supermemory: true,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      reasoningEffort: null,
      maxTokens: 8192,
      extraParams: {},
      error: null,
      source: { file: fixture('litellm-real-world.yaml'), line: 4 },
    });
    expect(config.switchboard.supermemoryApiKey).toBe('sm-test');
  });

  it('keeps request parameters as defaults and reasoning_effort; the Ollama root api_base gets /v1', async () => {
    const config = await loadIt();
    expect(byName(config, 'gpt-4o')).toMatchObject({ extraParams: { temperature: 0.2, top_p: 0.9 }, apiKey: 'sk-openai-test', supermemory: false });
    expect(byName(config, 'o3-mini')).toMatchObject({ reasoningEffort: 'high', apiKey: 'sk-openai-test', extraParams: {} });
    expect(byName(config, 'llama3')).toMatchObject({ provider: 'openai-compatible', apiBase: 'http://localhost:11434/v1', providerModel: 'llama3.1', apiKey: null, error: null });
  });

  it('lists LiteLLM-only sections and params once, and keeps them for binary mode', async () => {
    const config = await loadIt();
    expect(config.binaryOnlySections).toEqual(['litellm_settings', 'router_settings', 'general_settings.forward_client_headers_to_llm_api']);
    expect(config.warnings.filter((w) => w.startsWith('used only in binary mode: '))).toEqual([
      'used only in binary mode: litellm_settings, router_settings, general_settings.forward_client_headers_to_llm_api',
    ]);
    expect(config.warnings.filter((w) => w.includes('litellm_params ignored'))).toEqual([
      'litellm_params ignored in SDK mode (used in binary mode): rpm, timeout, tpm',
    ]);
    expect(config.litellmDocument).toMatchObject({
      litellm_settings: { drop_params: true, success_callback: ['langfuse'], cache: false },
      router_settings: { routing_strategy: 'simple-shuffle', num_retries: 2 },
      general_settings: { master_key: 'os.environ/LITELLM_MASTER_KEY', forward_client_headers_to_llm_api: true },
    });
    expect(config.litellmDocument).not.toHaveProperty('switchboard');
    const entry = (config.litellmDocument.model_list as Array<Record<string, unknown>>)[0];
    expect(entry?.model_info).toEqual({ mode: 'chat', supports_vision: true });
  });

  it('lower-cases header names and compiles patterns case-insensitively (a Python "(?i)" prefix is accepted)', async () => {
    const config = await loadIt();
    expect(config.identity.customHeader).toBe('x-memory-user-id');
    expect(config.identity.defaultUserId).toBe('default-dev');
    const [jetbrains, claude] = config.identity.patterns;
    expect(jetbrains).toMatchObject({ header: 'user-agent', pattern: '(?i)OpenAIClientImpl/Java', user_id: 'pycharm-ai' });
    expect(jetbrains?.regex.test('openaiclientimpl/java 1.0')).toBe(true);
    expect(claude?.regex.test('CLAUDE-CLI/2.0.14 (external, cli)')).toBe(true);
    expect(claude?.regex.test('curl/8.5.0')).toBe(false);
  });

  it('takes the master key named by general_settings.master_key from the env', async () => {
    const config = await loadIt();
    expect(config.masterKey).toBe('sk-litellm-master');
    expect(config.masterKeySource).toBe('config (env LITELLM_MASTER_KEY)');
  });

  it('produces no warning that holds a secret value', async () => {
    const config = await loadIt();
    const text = config.warnings.join('\n');
    for (const secret of Object.values(env)) expect(text).not.toContain(secret);
  });
});

describe('providers', () => {
  const tempDir = useTempDirs();
  const cases: Array<{ name: string; provider: string; dialect: string; apiBase: string; providerModel: string; key: string | null; error: RegExp | null }> = [
    { name: 'gemini-flash', provider: 'openai-compatible', dialect: 'openai', apiBase: 'https://generativelanguage.googleapis.com/v1beta/openai', providerModel: 'gemini-2.5-flash', key: 'gem-key', error: null },
    { name: 'router', provider: 'openai-compatible', dialect: 'openai', apiBase: 'https://openrouter.ai/api/v1', providerModel: 'anthropic/claude-3.5-sonnet', key: 'or-key', error: null },
    { name: 'local-ollama', provider: 'openai-compatible', dialect: 'openai', apiBase: 'http://127.0.0.1:11434/v1', providerModel: 'qwen2.5', key: null, error: null },
    { name: 'vllm-no-base', provider: 'openai-compatible', dialect: 'openai', apiBase: '', providerModel: 'meta-llama/Llama-3-8B', key: null, error: /hosted_vllm needs litellm_params.api_base/ },
    { name: 'vllm', provider: 'openai-compatible', dialect: 'openai', apiBase: 'http://127.0.0.1:8000/v1', providerModel: 'meta-llama/Llama-3-8B', key: null, error: null },
    // OPENAI_API_KEY is set, but must not be sent to a non-OpenAI server
    { name: 'lmstudio', provider: 'openai-compatible', dialect: 'openai', apiBase: 'http://127.0.0.1:1234/v1', providerModel: 'qwen-coder', key: null, error: null },
    { name: 'custom', provider: 'openai-compatible', dialect: 'openai', apiBase: 'http://127.0.0.1:5000/v1', providerModel: 'my-model', key: null, error: null },
    { name: 'bedrock-claude', provider: 'openai-compatible', dialect: 'openai', apiBase: '', providerModel: 'anthropic.claude-3-sonnet', key: null, error: /^provider bedrock is supported only in binary mode$/ },
    { name: 'azure-gpt', provider: 'openai-compatible', dialect: 'openai', apiBase: 'https://example.openai.azure.com', providerModel: 'gpt-4o', key: null, error: /^provider azure is supported only in binary mode$/ },
    { name: 'bare-claude', provider: 'anthropic', dialect: 'anthropic', apiBase: 'https://api.anthropic.com', providerModel: 'claude-3-5-haiku-latest', key: 'ant-key', error: null },
    { name: 'bare-unknown', provider: 'openai-compatible', dialect: 'openai', apiBase: '', providerModel: 'command-r', key: null, error: /cannot tell the provider of "command-r"/ },
    // LiteLLM accepts the full endpoint as an Anthropic api_base
    { name: 'anthropic-endpoint', provider: 'anthropic', dialect: 'anthropic', apiBase: 'https://proxy.example.com', providerModel: 'claude-opus-4-1', key: 'ant-key', error: null },
    // OpenAI behind Supermemory is still OpenAI, with its key
    { name: 'sm-openai', provider: 'openai', dialect: 'openai', apiBase: 'https://api.supermemory.ai/v3/https://api.openai.com/v1', providerModel: 'gpt-4o-mini', key: 'oa-key', error: null },
  ];
  const env = { GOOGLE_API_KEY: 'gem-key', OPENROUTER_API_KEY: 'or-key', OPENAI_API_KEY: 'oa-key', ANTHROPIC_API_KEY: 'ant-key', SUPERMEMORY_API_KEY: 'sm' };

  it.each(cases)('$name', async ({ name, provider, dialect, apiBase, providerModel, key, error }) => {
    const config = await load({ dataDir: await tempDir(), flags: { config: fixture('providers.yaml') }, env });
    const model = byName(config, name);
    expect({ provider: model.provider, dialect: model.dialect, apiBase: model.apiBase, providerModel: model.providerModel, key: model.apiKey }).toEqual({
      provider,
      dialect,
      apiBase,
      providerModel,
      key,
    });
    if (error) expect(model.error).toMatch(error);
    else expect(model.error).toBeNull();
  });

  it('names binary-only providers in one warning', async () => {
    const config = await load({ dataDir: await tempDir(), flags: { config: fixture('providers.yaml') }, env });
    expect(config.warnings).toContain('models served only in binary mode: bedrock-claude (bedrock), azure-gpt (azure)');
  });

  it('prefers GEMINI_API_KEY over GOOGLE_API_KEY', async () => {
    const config = await load({ dataDir: await tempDir(), flags: { config: fixture('providers.yaml') }, env: { ...env, GEMINI_API_KEY: 'gemini-first' } });
    expect(byName(config, 'gemini-flash').apiKey).toBe('gemini-first');
  });
});

describe('env resolution', () => {
  const tempDir = useTempDirs();

  it('a missing os.environ/ variable fails only its model, with one warning naming model and variable', async () => {
    const config = await load({ dataDir: await tempDir(), flags: { config: fixture('missing-env.yaml') }, env: { OPENAI_API_KEY: 'oa' } });
    expect(byName(config, 'needs-key')).toMatchObject({ apiKey: null, error: 'environment variable MY_ANTHROPIC_KEY is not set (litellm_params.api_key)' });
    expect(byName(config, 'needs-header')).toMatchObject({
      extraHeaders: { 'x-static': '7' },
      error: 'environment variable TEAM_ID is not set (litellm_params.extra_headers.x-team)',
    });
    expect(byName(config, 'fine')).toMatchObject({ apiKey: 'literal-key-for-tests', error: null });
    expect(config.warnings.filter((w) => w.startsWith('model '))).toEqual([
      'model needs-key: environment variable MY_ANTHROPIC_KEY is not set (litellm_params.api_key); this model fails until it is set',
      'model needs-header: environment variable TEAM_ID is not set (litellm_params.extra_headers.x-team); this model fails until it is set',
    ]);
  });

  it('resolves the variables when they are set (trimmed; an empty one counts as missing)', async () => {
    const env = { OPENAI_API_KEY: 'oa', MY_ANTHROPIC_KEY: ' ant-from-env\n', TEAM_ID: '' };
    const config = await load({ dataDir: await tempDir(), flags: { config: fixture('missing-env.yaml') }, env });
    expect(byName(config, 'needs-key')).toMatchObject({ apiKey: 'ant-from-env', error: null });
    expect(byName(config, 'needs-header').error).toMatch(/TEAM_ID is not set/);
  });

  it('falls back to the provider key variable, grouping models that lack it into one warning', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'c.yaml');
    await writeFile(
      file,
      ['claude-a', 'claude-b'].map((name) => `  - model_name: ${name}\n    litellm_params:\n      model: anthropic/${name}\n`).join('').replace(/^/, 'model_list:\n'),
    );
    const missing = await load({ dataDir, flags: { config: file } });
    expect(missing.models.map((m) => m.error)).toEqual([
      'no API key: set ANTHROPIC_API_KEY, or litellm_params.api_key',
      'no API key: set ANTHROPIC_API_KEY, or litellm_params.api_key',
    ]);
    expect(missing.warnings).toContain('no API key for claude-a, claude-b: set ANTHROPIC_API_KEY (or litellm_params.api_key); these models fail until then');
    const present = await load({ dataDir, flags: { config: file }, env: { ANTHROPIC_API_KEY: 'k' } });
    expect(present.models.map((m) => [m.apiKey, m.error])).toEqual([['k', null], ['k', null]]);
  });
});

describe('Supermemory', () => {
  const tempDir = useTempDirs();
  const write = async (dir: string, body: string): Promise<string> => {
    const file = path.join(dir, 'c.yaml');
    await writeFile(file, body);
    return file;
  };

  it('detects models under a configured (fake) Supermemory base URL, and only those', async () => {
    const dir = await tempDir();
    const file = await write(
      dir,
      `switchboard:
  supermemory_base_url: http://127.0.0.1:4567/
model_list:
  - model_name: via-fake
    litellm_params:
      model: anthropic/claude-haiku-4-5
      api_base: http://127.0.0.1:4567/v3/http://127.0.0.1:9/
  - model_name: look-alike
    litellm_params:
      model: anthropic/claude-haiku-4-5
      api_base: http://127.0.0.1:45678/v3
  - model_name: real-host-not-configured
    litellm_params:
      model: anthropic/claude-haiku-4-5
      api_base: https://api.supermemory.ai/v3/https://api.anthropic.com
`,
    );
    const config = await load({ dataDir: dir, flags: { config: file }, env: { ANTHROPIC_API_KEY: 'a', SUPERMEMORY_API_KEY: 's' } });
    expect(config.switchboard.supermemoryBaseUrl).toBe('http://127.0.0.1:4567');
    expect(config.models.map((m) => [m.modelName, m.supermemory, m.apiBase])).toEqual([
      ['via-fake', true, 'http://127.0.0.1:4567/v3/http://127.0.0.1:9'],
      ['look-alike', false, 'http://127.0.0.1:45678/v3'],
      ['real-host-not-configured', false, 'https://api.supermemory.ai/v3/https://api.anthropic.com'],
    ]);
  });

  it('a Supermemory model without any Supermemory key gets an error; the header key alone suffices', async () => {
    const dir = await tempDir();
    const file = await write(
      dir,
      `model_list:
  - model_name: no-sm-key
    litellm_params:
      model: anthropic/claude-haiku-4-5
      api_base: https://api.supermemory.ai/v3/https://api.anthropic.com
  - model_name: header-key
    litellm_params:
      model: anthropic/claude-haiku-4-5
      api_base: https://api.supermemory.ai/v3/https://api.anthropic.com
      extra_headers:
        X-Supermemory-Api-Key: sm-literal
`,
    );
    const config = await load({ dataDir: dir, flags: { config: file }, env: { ANTHROPIC_API_KEY: 'a' } });
    expect(byName(config, 'no-sm-key').error).toBe('Supermemory needs a key: set SUPERMEMORY_API_KEY or extra_headers x-supermemory-api-key');
    expect(byName(config, 'header-key')).toMatchObject({ error: null, extraHeaders: { 'x-supermemory-api-key': 'sm-literal' } });
    expect(config.switchboard.supermemoryApiKey).toBeNull();
  });

  it('warns once about a model_name declared twice (SDK mode uses the first)', async () => {
    const dir = await tempDir();
    const entry = '  - model_name: twin\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: k\n';
    const file = await write(dir, `model_list:\n${entry}${entry}`);
    const config = await load({ dataDir: dir, flags: { config: file } });
    expect(config.warnings).toContain('model_name twin is declared 2 times (lines 2, 6): SDK mode uses the first, binary mode load-balances across them');
  });
});
