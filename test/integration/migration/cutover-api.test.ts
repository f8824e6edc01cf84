// The migration assistant through the running gateway's admin API: a misbehaving legacy binary is
// caught by item id and keeps "Make SDK the default" disabled; a passing run enables it; the rollback
// test and the status report work on the real instance.
import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { CutoverState, RollbackTestResult, StatusReport, ValidationReport } from '../../../shared/protocol/validation';
import { MIGRATION_PATHS } from '../../../shared/protocol/validation';
import { runCli } from '../cli/cli-process';
import { TEST_PROVIDER_ENV, readJson, startTestGateway } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';
import { adminFetch, waitUntil } from '../modes/mode-harness';
import { failedIds, userYaml } from './migration-harness';

let gw: TestGateway | null = null;

afterEach(async () => {
  await gw?.dispose();
  gw = null;
});

async function start(behaviour = ''): Promise<TestGateway> {
  gw = await startTestGateway({ yaml: userYaml(), env: { ...TEST_PROVIDER_ENV, FAKE_LITELLM_BEHAVIOUR: behaviour } });
  return gw;
}

async function validate(g: TestGateway, phase: 'pre' | 'post' | 'all'): Promise<ValidationReport> {
  const admin = adminFetch(g.url, g.adminToken);
  const finished = new Promise<ValidationReport>((resolve) => {
    const off = g.gateway.admin.onEvent((event) => {
      if (event.type === 'validation.finished') {
        off();
        resolve(event.report);
      }
    });
  });
  const res = await admin(MIGRATION_PATHS.validation, { phase });
  expect(res.status).toBe(202);
  const { runId } = (await res.json()) as { runId: string };
  const report = await finished;
  expect(report.id).toBe(runId);
  return report;
}

describe('a legacy binary that misbehaves is caught by item id and blocks Make SDK the default', () => {
  const cases: Array<[string, string[]]> = [
    ['drop-identity', ['pre.identity.custom-header', 'pre.identity.pattern-1', 'pre.identity.pattern-2', 'pre.identity.default', 'pre.identity.supermemory-key', 'post.parity.identity', 'decision.identities']],
    ['wrong-shape', ['pre.binary.probe.openai', 'pre.binary.probe.anthropic', 'post.parity.shape', 'post.parity.tool-call', 'decision.parity']],
    ['wrong-status', ['pre.binary.probe.openai', 'pre.binary.probe.anthropic', 'post.parity.status', 'post.parity.error-shape', 'decision.parity']],
  ];
  test.each(cases)('%s', async (behaviour, expected) => {
    const g = await start(behaviour);
    const report = await validate(g, 'all');
    const failed = failedIds(report);
    for (const id of expected) expect(failed, `${id} should fail`).toContain(id);
    // the SDK side stays clean: the blame is on the binary
    expect(failed.filter((id) => id.startsWith('post.endpoints.') || id.startsWith('post.cookies.'))).toEqual([]);
    const failedItem = report.items.find((i) => i.id === expected[0])!;
    expect(failedItem.fix).toBeTruthy();
    const admin = adminFetch(g.url, g.adminToken);
    const cutover = (await readJson(await admin(MIGRATION_PATHS.cutover))) as CutoverState;
    expect(cutover.canMakeDefault).toBe(false);
    const refused = await admin(MIGRATION_PATHS.makeDefault, {});
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).error.code).toBe('CUTOVER_NOT_READY');
  }, 60_000);
});

describe('cutover on a clean setup', () => {
  test('pre and post pass; a passing post run enables Make SDK the default, which records the decision', async () => {
    const g = await start();
    const events: GatewayEvent[] = [];
    g.gateway.admin.onEvent((e) => events.push(e));
    const admin = adminFetch(g.url, g.adminToken);
    const before = (await readJson(await admin(MIGRATION_PATHS.makeDefault, {})));
    expect(before.error.code).toBe('CUTOVER_NOT_READY');

    const pre = await validate(g, 'pre');
    expect(failedIds(pre)).toEqual([]);
    expect(pre.items.every((i) => i.phase === 'pre')).toBe(true);
    expect((await readJson(await admin(MIGRATION_PATHS.cutover))).canMakeDefault).toBe(false);

    const post = await validate(g, 'post');
    expect(failedIds(post)).toEqual([]);
    expect(post.items.every((i) => i.phase === 'post')).toBe(true);
    expect(events.some((e) => e.type === 'validation.progress' && e.progress.runId === post.id && e.progress.item !== null)).toBe(true);
    // the cutover state follows once the history is saved
    await waitUntil(() => events.some((e) => e.type === 'cutover.updated' && e.cutover.history[0]?.id === post.id), 'cutover.updated with the run');

    const made = await admin(MIGRATION_PATHS.makeDefault, {});
    expect(made.status).toBe(200);
    const state = (await readJson(made)) as CutoverState;
    expect(state.decision).toMatchObject({ reportId: post.id, mode: 'sdk' });
    expect(g.gateway.admin.snapshot().mode.mode).toBe('sdk');
    const file = join(g.dataDir, 'validations.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, 'utf8')) as CutoverState;
    expect(saved.history.map((r) => r.id)).toEqual([post.id, pre.id]);
    expect(saved.decision?.reportId).toBe(post.id);
    // the user's own mode never moved during the runs
    expect(events.filter((e) => e.type === 'mode.changed')).toEqual([]);
  }, 60_000);

  test('a second run while one is under way answers 409; a bad body 400', async () => {
    const g = await start('slow-start:1500');
    const admin = adminFetch(g.url, g.adminToken);
    expect((await admin(MIGRATION_PATHS.validation, { phase: 'sideways' })).status).toBe(400);
    expect((await admin(MIGRATION_PATHS.validation, { phase: 'pre', live: true })).status).toBe(400);
    expect((await admin(MIGRATION_PATHS.validation, { phase: 'pre' })).status).toBe(202);
    const busy = await admin(MIGRATION_PATHS.validation, { phase: 'pre' });
    expect(busy.status).toBe(409);
    expect((await readJson(busy)).error.code).toBe('VALIDATION_BUSY');
    expect(await readJson(await admin(MIGRATION_PATHS.cancelValidation, {}))).toEqual({ cancelled: true });
  }, 60_000);

  test('Test rollback switches the real instance to binary, probes it and comes back, timed', async () => {
    const g = await start();
    const admin = adminFetch(g.url, g.adminToken);
    const res = await admin(MIGRATION_PATHS.testRollback, {});
    expect(res.status).toBe(200);
    const result = (await readJson(res)) as RollbackTestResult;
    expect(result).toMatchObject({ ok: true, probeOk: true });
    expect(result.toBinaryMs).toBeGreaterThan(0);
    expect(result.backMs).toBeGreaterThanOrEqual(0);
    expect(g.gateway.admin.snapshot().mode.mode).toBe('sdk');
    expect(((await readJson(await admin(MIGRATION_PATHS.cutover))) as CutoverState).lastRollbackTest?.ok).toBe(true);
  }, 60_000);

  test('GET /admin/status and switchboard status (--json and human) against the running instance', async () => {
    const g = await start();
    await fetch(`${g.url}/v1/models`, { headers: { authorization: `Bearer ${g.key}` } });
    const report = (await readJson(await adminFetch(g.url, g.adminToken)(MIGRATION_PATHS.status))) as StatusReport;
    expect(report).toMatchObject({ baseUrl: g.url, mode: 'sdk', lastValidation: null, cookies: { applies: true } });
    expect(report.backends.sdk.status).toBe('ready');
    expect(report.resources.gatewayRssBytes).toBeGreaterThan(0);
    expect(report.window.minutes).toBe(15);

    const env = { HOME: g.dataDir, SWITCHBOARD_ADMIN_TOKEN: g.adminToken };
    const json = runCli(['status', '--json', '--port', String(g.info.port), '--data-dir', g.dataDir], env);
    expect(await json.exited).toBe(0);
    expect((JSON.parse(json.stdout()) as StatusReport).mode).toBe('sdk');
    const human = runCli(['status', '--port', String(g.info.port), '--data-dir', g.dataDir], env);
    expect(await human.exited).toBe(0);
    expect(human.stdout()).toMatch(/mode: +sdk \(sdk ready; binary stopped\)/);
    expect(human.stdout()).toMatch(/last validation: never run/);
    expect(human.stdout()).toMatch(/memory: +gateway \d+ MB/);
  }, 60_000);

  test('switchboard validate runs on the running instance when there is one, with its progress', async () => {
    const g = await start();
    const run = runCli(['validate', '--phase', 'pre', '--port', String(g.info.port), '--data-dir', g.dataDir], { HOME: g.dataDir, SWITCHBOARD_ADMIN_TOKEN: g.adminToken });
    expect(await run.exited, run.stderr()).toBe(0);
    expect(run.stdout()).toContain(`on the running instance at ${g.url}`);
    expect(run.stdout()).toMatch(/\[\d+\/\d+\] PASS pre\.binary\.found/);
    expect(run.stdout()).toMatch(/Passed: all \d+ checks/);
    const cutover = (await readJson(await adminFetch(g.url, g.adminToken)(MIGRATION_PATHS.cutover))) as CutoverState;
    expect(cutover.history).toHaveLength(1);
  }, 60_000);

  test('Ctrl-C on a run against the running instance cancels it there; the instance keeps its mode', async () => {
    const g = await start('slow-start:10000');
    const run = runCli(['validate', '--phase', 'all', '--port', String(g.info.port), '--data-dir', g.dataDir], { HOME: g.dataDir, SWITCHBOARD_ADMIN_TOKEN: g.adminToken });
    await run.waitForStdout(/starting the legacy binary/, 30_000);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stdout()).toMatch(/Interrupted after/);
    const cutover = (await readJson(await adminFetch(g.url, g.adminToken)(MIGRATION_PATHS.cutover))) as CutoverState;
    expect(cutover.running).toBeNull();
    expect(cutover.history[0]).toMatchObject({ interrupted: true, ok: false, modeBefore: 'sdk', modeAfter: 'sdk' });
    expect(g.gateway.admin.snapshot().mode).toMatchObject({ mode: 'sdk', switching: null });
    // a new run can start at once
    expect((await adminFetch(g.url, g.adminToken)(MIGRATION_PATHS.validation, { phase: 'pre' })).status).toBe(202);
    await adminFetch(g.url, g.adminToken)(MIGRATION_PATHS.cancelValidation, {});
  }, 60_000);
});
