// `switchboard status` / GET /admin/status: mode and backends, the last validation, the last 15 minutes'
// error rate and latency, in-flight requests, cookies, and resident memory (gateway and LiteLLM child).
import type { Mode } from '../../../shared/protocol/records';
import type { StatusReport, ValidationReport } from '../../../shared/protocol/validation';
import type { AdminModel } from '../admin/admin-model-types';
import { residentBytes } from './performance';

export async function statusReport(deps: { admin: AdminModel; history: ValidationReport[]; platform: NodeJS.Platform }): Promise<StatusReport> {
  const snapshot = deps.admin.snapshot();
  const { mode, metrics, cookies, server } = snapshot;
  const backends = {} as StatusReport['backends'];
  for (const kind of ['sdk', 'binary'] as Mode[]) {
    const backend = mode.backends[kind];
    backends[kind] = { status: backend.status, reason: backend.reason, pid: backend.pid };
  }
  const last = deps.history[0] ?? null;
  const { requests, errors, p50Ms, p95Ms } = metrics.totals;
  const childPid = mode.backends.binary.pid;
  return {
    version: server.version,
    baseUrl: server.baseUrl,
    mode: mode.mode,
    backends,
    lastValidation: last ? { id: last.id, phase: last.phase, ok: last.ok, finishedAt: last.finishedAt } : null,
    window: { minutes: metrics.windowMinutes, requests, errors, errorRate: requests > 0 ? Math.round((errors / requests) * 10_000) / 10_000 : null, p50Ms, p95Ms },
    cookies: { applies: cookies.applies, total: cookies.total },
    resources: {
      gatewayRssBytes: process.memoryUsage().rss,
      litellmRssBytes: childPid ? await residentBytes(childPid, deps.platform, true) : null,
      inFlight: mode.backends.sdk.inFlight + mode.backends.binary.inFlight,
    },
  };
}
