// "Test rollback" on the real instance: switch to the legacy binary, prove it answers, switch back to
// the mode that was active, and time both ways. The way back is what matters in an incident.
import type { RollbackTestResult } from '../../../shared/protocol/validation';
import type { AdminModel } from '../admin/admin-model-types';

export async function testRollback(deps: { admin: AdminModel; masterKey: string; now: () => number }): Promise<RollbackTestResult> {
  const { admin, now } = deps;
  const at = now();
  const before = admin.snapshot().mode.mode;
  const started = now();
  if (before !== 'binary') {
    const to = await admin.setMode('binary');
    if (!to.ok) {
      return { at, ok: false, toBinaryMs: null, backMs: null, probeOk: false, detail: `the switch to binary failed; still in ${before} mode: ${to.error?.message ?? 'unknown reason'}` };
    }
  }
  const toBinaryMs = before === 'binary' ? 0 : now() - started;
  // GET /v1/models goes to the LiteLLM child in binary mode and costs nothing
  const probe = await probeModels(admin.snapshot().server.baseUrl, deps.masterKey);
  const { ok: probeOk, detail: probeDetail } = probe;
  let backMs: number | null = 0;
  let backDetail = 'it was already the active mode, so it stays';
  if (before !== 'binary') {
    const backStarted = now();
    const back = await admin.setMode(before);
    backMs = back.ok ? now() - backStarted : null;
    backDetail = back.ok ? `back to ${before} in ${backMs} ms` : `the way back to ${before} failed: ${back.error?.message ?? 'unknown reason'}`;
  }
  const ok = probeOk && backMs !== null;
  return { at, ok, toBinaryMs, backMs, probeOk, detail: `to binary in ${toBinaryMs} ms; ${probeDetail}; ${backDetail}` };
}

async function probeModels(baseUrl: string, key: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const response = await fetch(`${baseUrl}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    await response.body?.cancel();
    return { ok: response.status === 200, detail: `GET /v1/models through the binary: ${response.status}` };
  } catch (error) {
    return { ok: false, detail: `GET /v1/models through the binary failed: ${(error as Error).message}` };
  }
}
