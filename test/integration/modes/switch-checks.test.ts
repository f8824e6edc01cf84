// After a switch the gateway checks the backend now in use with one request through its front door and
// reports the result; the cookie summary follows the mode (binary: LiteLLM holds the cookies) by event.
import { describe, expect, it } from 'vitest';
import type { ModeResult } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import { readJson, startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV } from '../harness/test-gateway';
import { adminFetch, modesYaml } from './mode-harness';

describe('checks after a switch', () => {
  it('probes the new backend, reports the result and re-sends the cookie summary on each side', async () => {
    const parts = await startTwoProviders((a, o) => modesYaml(a, o), { env: TEST_PROVIDER_ENV });
    const { gw } = parts;
    const events: GatewayEvent[] = [];
    const stop = gw.gateway.admin.onEvent((event) => events.push(event));
    try {
      const admin = adminFetch(gw.url, gw.adminToken);
      const toBinary = (await readJson(await admin('/admin/mode', { mode: 'binary' }))) as ModeResult;
      expect(toBinary.ok).toBe(true);
      expect(toBinary.probe).toMatchObject({ backend: 'binary', ok: true, status: 200 });
      expect(toBinary.probe!.message).toMatch(/^GET \/v1\/models answered 200 in \d+ ms$/);
      const probeRecord = gw.gateway.admin.snapshot().log.at(-1)!;
      expect(probeRecord).toMatchObject({ identity: 'switchboard-health', backend: 'binary', path: '/v1/models' });
      expect(events.filter((e) => e.type === 'cookies.changed').map((e) => e.type === 'cookies.changed' && e.cookies.applies)).toEqual([false]);
      const back = (await readJson(await admin('/admin/rollback', {}))) as ModeResult;
      expect(back.probe).toMatchObject({ backend: 'sdk', ok: true });
      expect(events.filter((e) => e.type === 'cookies.changed').map((e) => e.type === 'cookies.changed' && e.cookies.applies)).toEqual([false, true]);
    } finally {
      stop();
      await stopTwoProviders(parts);
    }
  }, 60_000);
});
