// `--live`: one tiny real request per configured model, through the user's running gateway and its
// providers (fakes here). Wildcard names and models missing a key are not asked.
import { describe, expect, test } from 'vitest';
import { runCli } from '../cli/cli-process';
import { TEST_PROVIDER_ENV, startTwoProviders, stopTwoProviders } from '../harness/test-gateway';
import type { TwoProviders } from '../harness/test-gateway';
import { userYaml } from './migration-harness';
import type { ValidationReport } from '../../../shared/protocol/validation';

describe('validate --live', () => {
  test('--yes sends one request per concrete model with max_tokens 5 and reports each', async () => {
    let parts: Partial<TwoProviders> = {};
    try {
      parts = await startTwoProviders((anthropicUrl, openaiUrl) => userYaml().replaceAll('http://127.0.0.1:9/v1', `${openaiUrl}/v1`).replaceAll('http://127.0.0.1:9', anthropicUrl), { env: TEST_PROVIDER_ENV });
      const { gw, anthropic, openai } = parts as TwoProviders;
      const run = runCli(['validate', '--phase', 'pre', '--live', '--yes', '--json', '--port', String(gw.info.port), '--data-dir', gw.dataDir], { HOME: gw.dataDir, SWITCHBOARD_ADMIN_TOKEN: gw.adminToken });
      const code = await run.exited;
      const report = JSON.parse(run.stdout()) as ValidationReport;
      expect(report.items.filter((i) => !i.ok), run.stderr()).toEqual([]);
      expect(code).toBe(0);
      expect(report.live).toBe(true);
      expect(report.items.filter((i) => i.phase === 'live').map((i) => i.id)).toEqual(['live.claude-sonnet-4.5', 'live.gpt-4o']);
      const sent = [...anthropic.requests, ...openai.requests].filter((r) => r.method === 'POST');
      expect(sent).toHaveLength(2);
      for (const request of sent) {
        const body = request.body as { max_tokens?: number; max_completion_tokens?: number };
        expect(body.max_tokens ?? body.max_completion_tokens).toBe(5);
      }
      expect(run.stderr()).toMatch(/--live sends 2 real requests/);
    } finally {
      await stopTwoProviders(parts);
    }
  }, 60_000);
});
