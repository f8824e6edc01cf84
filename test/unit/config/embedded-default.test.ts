// The built-in config: what a user gets with no file at all.
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { findModel } from '../../../main/core/config';
import type { GatewayConfig, IdentityConfig } from '../../../main/core/config';
import { load, useTempDirs } from './helpers';

/** The user id the built-in patterns give a User-Agent: first matching pattern, else the default. */
function userIdFor(identity: IdentityConfig, userAgent: string): string {
  return identity.patterns.find((rule) => rule.header === 'user-agent' && rule.regex.test(userAgent))?.user_id ?? identity.defaultUserId;
}

describe('embedded default config', () => {
  const tempDir = useTempDirs();
  const loadDefault = async (env: Record<string, string> = {}): Promise<GatewayConfig> => load({ dataDir: await tempDir(), env });

  it('is used when there is no file, and missing provider keys give one summary line, not a wall', async () => {
    const config = await loadDefault();
    expect(config.source).toEqual({ kind: 'default', path: null });
    expect(config.warnings).toHaveLength(2);
    expect(config.warnings[0]).toMatch(/^no config file found; using the built-in config/);
    expect(config.warnings[1]).toBe(
      "built-in config: no key in ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY; those providers' models answer an error until it is set",
    );
    expect(config.models.every((m) => m.error !== null && m.source.file === null)).toBe(true);
    expect(config.binaryOnlySections).toEqual([]);
    expect(config.litellmDocument).toHaveProperty('model_list');
  });

  it('with every key set there is no key warning and no model error', async () => {
    const config = await loadDefault({ ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o', GEMINI_API_KEY: 'g' });
    expect(config.warnings.filter((w) => w.startsWith('built-in config'))).toEqual([]);
    expect(config.models.filter((m) => m.error !== null)).toEqual([]);
  });

  const routes: Array<{ name: string; provider: string; providerModel: string; apiBase: string }> = [
    // Claude Code's names, dated or not, with no list to keep current
    { name: 'claude-opus-4-8', provider: 'anthropic', providerModel: 'claude-opus-4-8', apiBase: 'https://api.anthropic.com' },
    { name: 'claude-haiku-4-5-20251001', provider: 'anthropic', providerModel: 'claude-haiku-4-5-20251001', apiBase: 'https://api.anthropic.com' },
    // the dotted aliases the old setup used
    { name: 'claude-sonnet-4.5', provider: 'anthropic', providerModel: 'claude-sonnet-4-5', apiBase: 'https://api.anthropic.com' },
    { name: 'claude-haiku-4.5', provider: 'anthropic', providerModel: 'claude-haiku-4-5', apiBase: 'https://api.anthropic.com' },
    { name: 'gpt-4o', provider: 'openai', providerModel: 'gpt-4o', apiBase: 'https://api.openai.com/v1' },
    { name: 'gpt-5-mini', provider: 'openai', providerModel: 'gpt-5-mini', apiBase: 'https://api.openai.com/v1' },
    { name: 'o3-mini', provider: 'openai', providerModel: 'o3-mini', apiBase: 'https://api.openai.com/v1' },
    { name: 'o4-mini', provider: 'openai', providerModel: 'o4-mini', apiBase: 'https://api.openai.com/v1' },
    { name: 'gemini-2.5-pro', provider: 'openai-compatible', providerModel: 'gemini-2.5-pro', apiBase: 'https://generativelanguage.googleapis.com/v1beta/openai' },
  ];
  it.each(routes)('routes $name', async ({ name, provider, providerModel, apiBase }) => {
    const config = await loadDefault({ ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o', GEMINI_API_KEY: 'g' });
    const match = findModel(config.models, name);
    expect(match?.providerModel).toBe(providerModel);
    expect(match?.config).toMatchObject({ provider, apiBase, error: null });
  });

  it('does not claim names it cannot serve', async () => {
    const config = await loadDefault();
    expect(findModel(config.models, 'llama3')).toBeNull();
    expect(findModel(config.models, 'mistral-large')).toBeNull();
  });

  const agents: Array<[string, string]> = [
    ['OpenAIClientImpl/Java 1.0', 'pycharm-ai'],
    ['claude-cli/2.0.14 (external, cli)', 'claude-cli'],
    ['Claude Code/1.0', 'claude-cli'],
    ['Anthropic/Python 0.69.0', 'anthropic-python'],
    ['anthropic-sdk-python/0.40', 'anthropic-python'],
    ['OpenAI/Python 1.109.1', 'openai-sdk'],
    ['OpenAI/JS 6.49.0', 'openai-sdk'],
    ['curl/8.5.0', 'default-dev'],
    ['', 'default-dev'],
  ];
  it.each(agents)('User-Agent %j -> %s', async (userAgent, userId) => {
    const config = await loadDefault();
    expect(userIdFor(config.identity, userAgent)).toBe(userId);
  });

  it("matches the User-Agent the installed openai JS SDK really sends", async () => {
    const config = await loadDefault();
    const client = new OpenAI({ apiKey: 'test', baseURL: 'http://127.0.0.1:9' });
    const userAgent = (Reflect.get(client, 'getUserAgent') as () => string).call(client);
    expect(userAgent).toMatch(/^OpenAI\/JS /);
    expect(userIdFor(config.identity, userAgent)).toBe('openai-sdk');
  });

  it('uses x-memory-user-id as the custom header and default-dev as the default', async () => {
    const config = await loadDefault();
    expect(config.identity.customHeader).toBe('x-memory-user-id');
    expect(config.identity.defaultUserId).toBe('default-dev');
  });
});
