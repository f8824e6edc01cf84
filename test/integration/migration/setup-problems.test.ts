// Problems in the user's setup rather than in the binary's behaviour: each is reported by its item with
// the fix a user can act on, and the rest of the run still says what works.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeDataDir } from '../harness/test-gateway';
import { failedIds, loadUserConfig, userYaml, validateInProcess } from './migration-harness';

async function userConfig(yaml: string) {
  const dir = await makeDataDir();
  const file = join(dir, 'config.yaml');
  await writeFile(file, yaml);
  return loadUserConfig(file, dir);
}

describe('setup problems are reported with the fix', () => {
  test('a model whose key variable is missing', async () => {
    const extra = `  - model_name: gemini-2.5-pro
    litellm_params:
      model: gemini/gemini-2.5-pro
      api_key: os.environ/SB_TEST_MISSING_GEMINI_KEY
`;
    const report = await validateInProcess(await userConfig(userYaml({}, extra)), 'all');
    const item = report.items.find((i) => i.id === 'pre.models.keys')!;
    expect(item.ok).toBe(false);
    expect(item.detail).toContain('gemini-2.5-pro');
    expect(item.detail).toContain('SB_TEST_MISSING_GEMINI_KEY');
    expect(item.fix).toMatch(/^Set SB_TEST_MISSING_GEMINI_KEY in the environment/);
    // only the key items fail: the probes never needed the user's keys
    expect(failedIds(report)).toEqual(['pre.models.keys', 'decision.keys', 'decision.validation']);
  }, 60_000);

  test('a legacy binary that is not installed', async () => {
    const dir = await makeDataDir();
    const report = await validateInProcess(await userConfig(userYaml({ command: join(dir, 'bin', 'litellm') })), 'all');
    const found = report.items.find((i) => i.id === 'pre.binary.found')!;
    expect(found).toMatchObject({ ok: false, skipped: false });
    expect(found.detail).toContain('was not found');
    expect(found.fix).toMatch(/pip install 'litellm\[proxy\]==1\.80\.17'/);
    expect(found.fix).toContain('switchboard.binary.command');
    for (const id of ['pre.binary.version', 'pre.binary.ready', 'pre.binary.probe.openai', 'pre.identity.default', 'post.parity.status', 'post.performance.latency']) {
      expect(report.items.find((i) => i.id === id), id).toMatchObject({ ok: false, skipped: true });
    }
    // the SDK side is still checked, and passes
    expect(report.items.filter((i) => i.id.startsWith('post.endpoints.') || i.id.startsWith('post.cookies.')).every((i) => i.ok)).toBe(true);
    expect(failedIds(report)).toContain('decision.binary-healthy');
    expect(failedIds(report)).toContain('decision.rollback');
  }, 60_000);

  test('a legacy binary older than the minimum', async () => {
    const report = await validateInProcess(await userConfig(userYaml()), 'pre', { FAKE_LITELLM_VERSION: '1.77.5' });
    const version = report.items.find((i) => i.id === 'pre.binary.version')!;
    expect(version.ok).toBe(false);
    expect(version.detail).toContain('LiteLLM 1.77.5 is too old');
    expect(version.fix).toBe("pip install 'litellm[proxy]==1.80.17'");
  }, 60_000);
});
