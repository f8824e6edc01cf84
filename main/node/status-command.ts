// `switchboard status [--json]`: the running instance's mode and backends, last validation, the last 15
// minutes (error rate, p50/p95), in-flight requests, cookies and resident memory.
import type { StatusReport } from '../../shared/protocol/validation';
import { MIGRATION_PATHS } from '../../shared/protocol/validation';
import type { ConfigFlags } from '../core/config';
import type { CliIo } from './cli-io';
import { findInstance } from './instance-client';

export async function statusCommand(json: boolean, flags: ConfigFlags, io: CliIo): Promise<number> {
  const found = await findInstance(flags, io);
  if (found.kind !== 'running') {
    io.stderr(`switchboard: no running instance (${found.reason}); start it with: switchboard serve`);
    return 1;
  }
  const { status, body } = await found.client.call<StatusReport & { error?: { message: string } }>('GET', MIGRATION_PATHS.status);
  if (status !== 200) {
    io.stderr(`switchboard: status failed: ${body?.error?.message ?? status}`);
    return 1;
  }
  if (json) io.stdout(JSON.stringify(body, null, 2));
  else for (const line of statusLines(body)) io.stdout(line);
  return 0;
}

export function statusLines(report: StatusReport): string[] {
  const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
  const backend = (kind: 'sdk' | 'binary') => {
    const b = report.backends[kind];
    return `${kind} ${b.status}${b.reason ? ` (${b.reason})` : ''}${b.pid ? `, pid ${b.pid}` : ''}`;
  };
  const last = report.lastValidation;
  const w = report.window;
  return [
    `Switchboard ${report.version} at ${report.baseUrl}`,
    `  mode:            ${report.mode} (${backend('sdk')}; ${backend('binary')})`,
    `  last validation: ${last ? `${last.phase} ${last.ok ? 'passed' : 'failed'} at ${new Date(last.finishedAt).toISOString()} (${last.id})` : 'never run (switchboard validate --phase all)'}`,
    `  last ${w.minutes} min:     ${w.requests} requests, ${w.errors} errors${w.errorRate === null ? '' : ` (${(w.errorRate * 100).toFixed(1)} %)`}, p50 ${w.p50Ms ?? '-'} ms, p95 ${w.p95Ms ?? '-'} ms`,
    `  in flight:       ${report.resources.inFlight}`,
    `  cookies:         ${report.cookies.applies ? report.cookies.total : 'held by LiteLLM in binary mode'}`,
    `  memory:          gateway ${mb(report.resources.gatewayRssBytes)}, LiteLLM ${mb(report.resources.litellmRssBytes)}`,
  ];
}
