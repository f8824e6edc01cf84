// The migration assistant as the gateway exposes it: start a validation run (one at a time), follow it
// through `validation.progress` / `validation.finished` / `cutover.updated` events on the bus, keep the
// history, record the cutover decision, test the way back on the real instance, and report status.
// HTTP (admin/migration-routes.ts), the CLI and the tray are thin skins over these methods.
import { GatewayError } from '../../../shared/errors';
import type { GatewayEventBody } from '../../../shared/protocol/events';
import type { Mode } from '../../../shared/protocol/records';
import type {
  CutoverState,
  LiveRequestPlan,
  RollbackTestResult,
  StartValidationRequest,
  StatusReport,
  ValidationProgress,
  ValidationReport,
} from '../../../shared/protocol/validation';
import type { AdminModel } from '../admin/admin-model-types';
import type { GatewayConfig } from '../config/types';
import type { HistoryStore, MigrationRecord } from './history-store';
import { emptyRecord } from './history-store';
import { livePlan } from './live-requests';
import { runValidation } from './run-validation';
import type { ValidationEnvironment } from './run-validation';
import { statusReport } from './status-report';
import { testRollback } from './rollback-test';

export interface MigrationModel {
  cutover(): Promise<CutoverState>;
  /** starts a run in the background; VALIDATION_BUSY while one is under way, LIVE_NOT_CONFIRMED for an unconfirmed --live */
  startValidation(request: StartValidationRequest): Promise<{ runId: string }>;
  /** the report of a run started here, once it ends */
  finished(runId: string): Promise<ValidationReport>;
  /** interrupts the run under way (its temp gateway and LiteLLM child stop); false when none runs */
  cancelValidation(): boolean;
  livePlan(): LiveRequestPlan[];
  /** CUTOVER_NOT_READY unless the newest post/all run passed; records the decision and switches to sdk */
  makeDefault(): Promise<CutoverState>;
  testRollback(): Promise<RollbackTestResult>;
  status(): Promise<StatusReport>;
  /** cancels a run under way and waits for it to clean up */
  close(): Promise<void>;
}

export interface MigrationModelDeps {
  config: GatewayConfig;
  /** the user's gateway */
  admin: AdminModel;
  emit: (body: GatewayEventBody) => void;
  /** what a run needs besides the user's config, mode and address */
  environment: Omit<ValidationEnvironment, 'user' | 'mode' | 'userTarget'>;
  store: HistoryStore;
  newId: () => string;
}

interface Running {
  runId: string;
  controller: AbortController;
  progress: ValidationProgress;
  done: Promise<ValidationReport>;
}

export function createMigrationModel(deps: MigrationModelDeps): MigrationModel {
  const { admin, emit, store } = deps;
  const now = deps.environment.now;
  let record: MigrationRecord = emptyRecord();
  const loaded = store.load().then((r) => {
    record = r;
  });
  let running: Running | null = null;
  const reports = new Map<string, Promise<ValidationReport>>();
  let rollbackBusy = false;

  const currentMode = (): Mode => {
    try {
      return admin.snapshot().mode.mode;
    } catch {
      return deps.config.switchboard.mode;
    }
  };
  const userTarget = () => {
    try {
      return { url: admin.snapshot().server.baseUrl, key: deps.config.masterKey, now };
    } catch {
      return null;
    }
  };
  const state = (): CutoverState => {
    const newestDecisive = record.history.find((r) => r.phase !== 'pre');
    return {
      history: record.history,
      running: running?.progress ?? null,
      decision: record.decision,
      canMakeDefault: Boolean(newestDecisive?.ok && !newestDecisive.interrupted),
      lastRollbackTest: record.lastRollbackTest,
    };
  };
  const changed = () => emit({ type: 'cutover.updated', cutover: state() });
  const persist = async () => {
    await store.save(record).catch(() => undefined);
    changed();
  };

  return {
    async cutover() {
      await loaded;
      return state();
    },
    async startValidation(request) {
      await loaded;
      if (running) throw new GatewayError('VALIDATION_BUSY', `A validation run (${running.runId}) is under way; wait for it or cancel it`);
      const live = request.live === true;
      if (live && request.confirmCost !== true) {
        throw new GatewayError('LIVE_NOT_CONFIRMED', 'A live run sends one real request per configured model (costs tokens): confirm it with confirmCost: true');
      }
      const runId = deps.newId();
      const controller = new AbortController();
      const progress: ValidationProgress = { runId, step: 'starting', done: 0, total: 0, item: null };
      // registered before the run starts: its first progress events arrive synchronously
      const current = { runId, controller, progress } as Running;
      running = current;
      current.done = runValidation(
        { ...deps.environment, user: deps.config, mode: currentMode, userTarget },
        {
          runId,
          phase: request.phase,
          live,
          signal: controller.signal,
          onProgress: (p) => {
            current.progress = p;
            emit({ type: 'validation.progress', progress: p });
          },
        },
      ).then(async (report) => {
        running = null;
        record = { ...record, history: [report, ...record.history].slice(0, 20) };
        emit({ type: 'validation.finished', report });
        await persist();
        return report;
      }, (error: unknown) => {
        running = null;
        changed();
        throw error;
      });
      reports.set(runId, current.done);
      current.done.catch(() => undefined);
      changed();
      return { runId };
    },
    finished(runId) {
      const report = reports.get(runId);
      if (!report) return Promise.reject(new GatewayError('NOT_FOUND', `No validation run ${runId} here`));
      return report;
    },
    cancelValidation() {
      if (!running) return false;
      running.controller.abort();
      return true;
    },
    livePlan: () => livePlan(deps.config),
    async makeDefault() {
      await loaded;
      const now_ = state();
      if (!now_.canMakeDefault) {
        throw new GatewayError('CUTOVER_NOT_READY', 'Make SDK the default needs a passing post or all validation run first (run: switchboard validate --phase all)');
      }
      const reportId = record.history.find((r) => r.phase !== 'pre')!.id;
      const result = await admin.setMode('sdk');
      if (!result.ok) throw new GatewayError('MODE_SWITCH_FAILED', `Could not switch to SDK mode: ${result.error?.message ?? 'unknown reason'}`);
      record = { ...record, decision: { at: now(), reportId, mode: 'sdk' } };
      await persist();
      return state();
    },
    async testRollback() {
      await loaded;
      if (rollbackBusy) throw new GatewayError('MODE_SWITCH_BUSY', 'A rollback test is already under way');
      rollbackBusy = true;
      try {
        const result = await testRollback({ admin, masterKey: deps.config.masterKey, now });
        record = { ...record, lastRollbackTest: result };
        await persist();
        return result;
      } finally {
        rollbackBusy = false;
      }
    },
    async status() {
      await loaded;
      return statusReport({ admin, history: record.history, platform: deps.environment.platform });
    },
    async close() {
      const current = running;
      if (!current) return;
      current.controller.abort();
      await current.done.catch(() => undefined);
    },
  };
}
