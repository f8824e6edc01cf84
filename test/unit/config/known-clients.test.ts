// A LiteLLM file has no user_id_mappings (that section belonged to the memory proxy): the known clients
// must still get their identities. A file that has the section gets exactly what it says.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/core/config';
import { resolveIdentity } from '../../../main/core/clients/identity';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-known-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(yaml: string) {
  const file = join(dir, `c-${Math.random()}.yaml`);
  await writeFile(file, yaml);
  return loadConfig({ flags: { config: file, dataDir: dir }, env: {}, platform: 'linux', homeDir: dir });
}

const models = 'model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: sk-test-000000000\n';

describe('known client identities', () => {
  it('applies them when the file has no user_id_mappings', async () => {
    const config = await load(models);
    const id = (ua: string) => resolveIdentity({ 'user-agent': ua }, config.identity).userId;
    expect(id('OpenAIClientImpl/Java 1.0')).toBe('pycharm-ai');
    expect(id('claude-cli/2.0.14 (external, cli)')).toBe('claude-cli');
    expect(id('Anthropic/Python 0.40.0')).toBe('anthropic-python');
    expect(id('OpenAI/JS 6.2.0')).toBe('openai-sdk');
    expect(id('curl/8.0')).toBe('default-dev');
  });

  it('uses only the file’s own rules when it has the section', async () => {
    const config = await load(`${models}user_id_mappings:\n  default_user_id: mine\n`);
    expect(config.identity.patterns).toEqual([]);
    expect(resolveIdentity({ 'user-agent': 'OpenAIClientImpl/Java' }, config.identity).userId).toBe('mine');
  });
});
