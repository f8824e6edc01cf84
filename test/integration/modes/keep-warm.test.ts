// binary.keep_warm: leaving binary mode keeps the LiteLLM child running, so going back is instant (the
// same child, no new start); the gateway's stop still ends it.
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import { readJson, startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV } from '../harness/test-gateway';
import { adminFetch, modesYaml, processAlive, waitUntil } from './mode-harness';

describe('keep_warm', () => {
  it('keeps the child across a rollback and reuses it on the next switch; stop ends it', async () => {
    const parts = await startTwoProviders((a, o) => modesYaml(a, o, { keep_warm: true }), { env: TEST_PROVIDER_ENV });
    const { gw } = parts;
    let pid = 0;
    try {
      const admin = adminFetch(gw.url, gw.adminToken);
      const toBinary = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
      expect(toBinary.ok).toBe(true);
      pid = toBinary.mode.backends.binary.pid!;
      const back = (await readJson(await admin('/admin/rollback', {}))) as ModeResult;
      expect(back).toMatchObject({ ok: true, mode: { mode: 'sdk' } });
      // requests go to sdk while the child stays up and ready
      const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
      await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] });
      expect(gw.gateway.admin.snapshot().log.at(-1)?.backend).toBe('sdk');
      expect(processAlive(pid)).toBe(true);
      expect(gw.gateway.admin.snapshot().mode.backends.binary).toMatchObject({ status: 'ready', pid });
      const again = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
      expect(again.ok).toBe(true);
      expect(again.mode.backends.binary.pid).toBe(pid);
      await gw.stop();
      await waitUntil(() => !processAlive(pid), 'the kept child to stop with the gateway');
    } finally {
      await stopTwoProviders(parts);
      if (pid && processAlive(pid)) process.kill(-pid, 'SIGKILL');
    }
  });
});
