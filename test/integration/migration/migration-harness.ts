// A user's setup for validation runs: a real config file in a temp data dir, the fake LiteLLM as the
// legacy binary (steered by env), and the engine run in-process against it.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../main/core/config';
import type { GatewayConfig } from '../../../main/core/config';
import { createLogger } from '../../../main/core/events/logger';
import { createGateway } from '../../../main/core/gateway';
import { runValidation } from '../../../main/core/migration/run-validation';
import type { ValidationPhase, ValidationProgress, ValidationReport } from '../../../shared/protocol/validation';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';

export const NOWHERE = 'http://127.0.0.1:9';

/** The user's config: two providers (never called by pre/post), the fake LiteLLM as the binary. */
export function userYaml(binary: Record<string, string | number> = {}, extraModels = ''): string {
  const settings = { command: FAKE_LITELLM_PATH, ready_timeout_ms: 20_000, stop_grace_ms: 2_000, ...binary };
  const lines = Object.entries(settings).map(([k, v]) => `    ${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`);
  return twoProviderYaml(NOWHERE, NOWHERE, `  binary:\n${lines.join('\n')}\n`, extraModels);
}

export async function loadUserConfig(file: string, dataDir: string, env: Record<string, string> = TEST_PROVIDER_ENV): Promise<GatewayConfig> {
  return loadConfig({
    flags: { config: file, dataDir, port: 0, host: '127.0.0.1' },
    env: { SWITCHBOARD_MASTER_KEY: 'sk-sb-user-key-0123456789', SWITCHBOARD_ADMIN_TOKEN: 'sb-admin-user-token-0123', ...env },
    platform: process.platform,
    homeDir: dataDir,
  });
}

export async function validateInProcess(
  user: GatewayConfig,
  phase: ValidationPhase,
  binaryEnv: Record<string, string> = {},
  onProgress: (p: ValidationProgress) => void = () => undefined,
  signal: AbortSignal = new AbortController().signal,
): Promise<ValidationReport> {
  const logger = createLogger({ level: 'silent', destination: 2, secrets: () => [] });
  const env = { PATH: process.env.PATH, ...binaryEnv };
  return runValidation(
    {
      user,
      factory: (config) => createGateway(config, { logger, version: '0.0.0-test', env }),
      binaryEnv: env,
      now: Date.now,
      platform: process.platform,
      mode: () => 'sdk',
      userTarget: () => null,
      performanceProbes: 5,
    },
    { runId: randomUUID(), phase, live: false, signal, onProgress },
  );
}

export function failedIds(report: ValidationReport): string[] {
  return report.items.filter((i) => !i.ok).map((i) => i.id);
}
