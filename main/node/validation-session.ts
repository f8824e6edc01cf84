// Where a `switchboard validate` run happens: on the running instance (POST to its admin API, progress
// from /admin/events) or, when none runs, on an instance started for the run and stopped after it.
// Both give the same small interface, so the command does not care which.
import { homedir } from 'node:os';
import type { GatewayEvent } from '../../shared/protocol/events';
import type { CutoverState, LiveRequestPlan, StartValidationRequest, StartValidationResponse, ValidationProgress, ValidationReport } from '../../shared/protocol/validation';
import { MIGRATION_PATHS } from '../../shared/protocol/validation';
import type { ConfigFlags, GatewayConfig } from '../core/config';
import { loadConfig } from '../core/config';
import { collectConfigSecrets } from '../core/config-secrets';
import { createLogger } from '../core/events/logger';
import { createGateway } from '../core/gateway';
import type { Gateway } from '../core/gateway';
import type { CliIo } from './cli-io';
import type { InstanceClient } from './instance-client';

export interface ValidationSession {
  /** "the running instance at …" or "a temporary instance …", for the first line */
  where: string;
  livePlan(): Promise<LiveRequestPlan[]>;
  /** starts the run; progress goes to `onProgress`; resolves with the finished report */
  run(request: StartValidationRequest, onProgress: (p: ValidationProgress) => void): Promise<ValidationReport>;
  /** interrupts the run under way */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

export class SessionError extends Error {}

const POLL_MS = 1_000;

export function remoteSession(client: InstanceClient): ValidationSession {
  const stream = new AbortController();
  return {
    where: `the running instance at ${client.baseUrl}`,
    async livePlan() {
      return (await client.call<LiveRequestPlan[]>('GET', MIGRATION_PATHS.livePlan)).body;
    },
    async run(request, onProgress) {
      let runId: string | null = null;
      const early: GatewayEvent[] = [];
      let resolveReport!: (report: ValidationReport) => void;
      const report = new Promise<ValidationReport>((resolve) => {
        resolveReport = resolve;
      });
      const handle = (event: GatewayEvent) => {
        if (event.type === 'validation.progress' && event.progress.runId === runId) onProgress(event.progress);
        if (event.type === 'validation.finished' && event.report.id === runId) resolveReport(event.report);
      };
      // subscribed before the POST: the first progress events follow it at once
      await client.events((event) => (runId === null ? early.push(event) : handle(event)), stream.signal);
      const started = await client.call<StartValidationResponse & { error?: { code: string; message: string } }>('POST', MIGRATION_PATHS.validation, request);
      if (started.status !== 202) throw new SessionError(started.body?.error?.message ?? `the instance answered ${started.status}`);
      runId = started.body.runId;
      for (const event of early.splice(0)) handle(event);
      // the history is the fallback should the event stream drop
      const poll = setInterval(() => {
        client.call<CutoverState>('GET', MIGRATION_PATHS.cutover).then((state) => {
          const done = state.body?.history?.find((r) => r.id === runId);
          if (done) resolveReport(done);
        }, () => undefined);
      }, POLL_MS);
      try {
        return await report;
      } finally {
        clearInterval(poll);
      }
    },
    async cancel() {
      await client.call('POST', MIGRATION_PATHS.cancelValidation, {}).catch(() => undefined);
    },
    async close() {
      stream.abort();
    },
  };
}

/** Loads the user's config and starts an instance for the run (on --port, else any free port). */
export async function localSession(flags: ConfigFlags, io: CliIo): Promise<ValidationSession> {
  const config: GatewayConfig = await loadConfig({ flags: { ...flags, port: flags.port ?? 0 }, env: io.env, platform: process.platform, homeDir: homedir() });
  const secrets = collectConfigSecrets(config);
  const logger = createLogger({ level: 'error', destination: 2, secrets: () => secrets });
  const gateway: Gateway = createGateway(config, { logger, version: io.version, rendererDir: null, env: io.env });
  io.onExit(() => gateway.killChildrenSync());
  const info = await gateway.listen();
  return {
    where: `a temporary instance at ${info.baseUrl} (no running instance found; it stops after the run)`,
    livePlan: async () => gateway.migration.livePlan(),
    async run(request, onProgress) {
      let runId: string | null = null;
      const unsubscribe = gateway.admin.onEvent((event) => {
        if (event.type === 'validation.progress' && (runId === null || event.progress.runId === runId)) onProgress(event.progress);
      });
      try {
        runId = (await gateway.migration.startValidation(request)).runId;
        return await gateway.migration.finished(runId);
      } finally {
        unsubscribe();
      }
    },
    async cancel() {
      gateway.migration.cancelValidation();
    },
    close: () => gateway.stop(),
  };
}
