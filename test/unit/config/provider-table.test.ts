// The provider table is the one place that knows a provider: adding an OpenAI-dialect provider with its own
// auth header, quirks and reasoning support is one row, and every part of the request path follows it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SDK_PROVIDERS, type ProviderSpec } from '../../../main/core/config/provider-table';
import { upstreamTarget } from '../../../main/core/backends/sdk/upstream-target';
import { providerSupportsReasoningEffort, quirksFor } from '../../../main/core/translate';
import { KNOWN_PROVIDER_KEYS } from '../../../shared/protocol/ipc';
import { isSecretHeader } from '../../../shared/redact';
import { load, useTempDirs } from './helpers';

const rows = SDK_PROVIDERS as Record<string, ProviderSpec>;
const tempDir = useTempDirs();

afterEach(() => {
  delete rows.acme;
});

describe('provider table', () => {
  it('one row adds an OpenAI-dialect provider with its own auth header, quirks and reasoning', async () => {
    rows.acme = {
      provider: 'openai-compatible', dialect: 'openai', defaultApiBase: 'https://api.acme.example/v1',
      keyEnv: ['ACME_API_KEY'], keyRequired: true, authHeader: { name: 'api-key', prefix: '' },
      quirks: { supportsUser: false }, reasoningEffort: /^think-/,
    };
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'acme.yaml');
    await writeFile(file, 'model_list:\n  - model_name: acme\n    litellm_params:\n      model: acme/think-1\n');
    const config = await load({ dataDir, flags: { config: file }, env: { ACME_API_KEY: 'acme-key-1' } });
    const model = config.models.find((m) => m.modelName === 'acme')!;
    expect(model).toMatchObject({ error: null, dialect: 'openai', apiBase: 'https://api.acme.example/v1', apiKey: 'acme-key-1' });
    const target = upstreamTarget({ model, endpoint: 'chat.completions', identity: 'u', stream: false, userAgent: 'ua', supermemoryApiKey: null, clientHeaders: null, search: '' });
    expect(target.url).toBe('https://api.acme.example/v1/chat/completions');
    expect(target.headers['api-key']).toBe('acme-key-1');
    expect(target.headers.authorization).toBeUndefined();
    expect(quirksFor('acme').supportsUser).toBe(false);
    expect(providerSupportsReasoningEffort('acme', 'think-1')).toBe(true);
  });

  it('a key header named by any row is one the logs redact', () => {
    const names = Object.values(SDK_PROVIDERS).flatMap((spec) => (spec.authHeader ? [spec.authHeader.name] : []));
    expect(['authorization', 'x-api-key', ...names].filter((name) => !isSecretHeader(name))).toEqual([]);
  });

  it('the keys the desktop app offers to store are the variables provider rows read (plus Supermemory’s)', () => {
    const read = new Set(Object.values(SDK_PROVIDERS).flatMap((spec) => spec.keyEnv));
    expect(KNOWN_PROVIDER_KEYS.filter((name) => name !== 'SUPERMEMORY_API_KEY' && !read.has(name))).toEqual([]);
  });
});
