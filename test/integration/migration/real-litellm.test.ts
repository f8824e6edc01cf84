// validate --phase all against the REAL LiteLLM proxy (the version CI installs), started offline.
// Locally it is skipped unless SWITCHBOARD_TEST_LITELLM names the `litellm` executable; under CI a
// missing proxy is a failure, not a skip.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ValidationReport } from '../../../shared/protocol/validation';
import { runCli } from '../cli/cli-process';
import { TEST_PROVIDER_ENV, makeDataDir } from '../harness/test-gateway';
import { userYaml } from './migration-harness';

const LITELLM = process.env.SWITCHBOARD_TEST_LITELLM;
const INSTALL = "python3 -m venv .venv-litellm && .venv-litellm/bin/pip install 'litellm[proxy]==1.80.17', then SWITCHBOARD_TEST_LITELLM=$PWD/.venv-litellm/bin/litellm";

if (!LITELLM && !process.env.CI) {
  console.warn(`real-litellm.test.ts skipped: SWITCHBOARD_TEST_LITELLM is not set. To run it: ${INSTALL}`);
}

describe.skipIf(!LITELLM && !process.env.CI)('validate against the real LiteLLM proxy', () => {
  test('validate --phase all passes', async () => {
    if (!LITELLM) throw new Error(`CI must run this test: SWITCHBOARD_TEST_LITELLM is not set (${INSTALL})`);
    const dataDir = await makeDataDir();
    try {
      const config = join(dataDir, 'config.yaml');
      // importing LiteLLM takes 5-15 s, more on a busy machine
      await writeFile(config, userYaml({ command: LITELLM, ready_timeout_ms: 120_000, stop_grace_ms: 5_000 }));
      const started = Date.now();
      const run = runCli(['validate', '--phase', 'all', '--json', '--config', config, '--data-dir', dataDir], {
        HOME: dataDir,
        SWITCHBOARD_MASTER_KEY: 'sk-sb-real-litellm-test-0123456789',
        SWITCHBOARD_ADMIN_TOKEN: 'sb-admin-real-litellm-0123456789',
        // offline: no cost map download, no telemetry, no schema update
        LITELLM_LOCAL_MODEL_COST_MAP: 'True',
        LITELLM_TELEMETRY: 'False',
        DISABLE_SCHEMA_UPDATE: 'true',
        ...TEST_PROVIDER_ENV,
      });
      const code = await run.exited;
      console.log(`validate --phase all with the real LiteLLM: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const report = JSON.parse(run.stdout()) as ValidationReport;
      expect(report.items.filter((i) => !i.ok), run.stderr()).toEqual([]);
      expect(code).toBe(0);
      expect(report.items.find((i) => i.id === 'pre.binary.version')?.detail).toMatch(/LiteLLM 1\.8\d\.\d+/);
      expect(report.performance?.litellmRssBytes ?? 0).toBeGreaterThan(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
