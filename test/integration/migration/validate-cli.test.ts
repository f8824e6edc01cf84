// `switchboard validate` as a user runs it: the real CLI process, the fake LiteLLM as the legacy binary,
// no running instance (the CLI starts one for the run). The JSON report is checked against the published
// schema; Ctrl-C during a run must leave the mode as it was and nothing running, and a run removes the
// temp dir a killed run left behind.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { markRunDir, RUN_DIR_PREFIX } from '../../../main/core/migration/stale-run-dirs';
import type { ValidationReport } from '../../../shared/protocol/validation';
import { runCli } from '../cli/cli-process';
import { TEST_PROVIDER_ENV, makeDataDir } from '../harness/test-gateway';
import { userYaml } from './migration-harness';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'validation-schema.json'), 'utf8')) as object;
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

let dataDir: string;
let configFile: string;

function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { HOME: dataDir, SWITCHBOARD_MASTER_KEY: 'sk-sb-cli-test-key-0123456789', SWITCHBOARD_ADMIN_TOKEN: 'sb-admin-cli-token-0123456789', ...TEST_PROVIDER_ENV, ...extra };
}

beforeEach(async () => {
  dataDir = await makeDataDir();
  configFile = join(dataDir, 'config.yaml');
  await writeFile(configFile, userYaml());
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Temporary data dirs of validation runs still on disk, and processes still running from one. */
function leftovers(): { dirs: string[]; processes: number[] } {
  const dirs = readdirSync(tmpdir()).filter((name) => name.startsWith('switchboard-validate-'));
  const processes: number[] = [];
  if (process.platform === 'linux') {
    for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('switchboard-validate-')) processes.push(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
  }
  return { dirs, processes };
}

describe('switchboard validate', () => {
  test('a clean setup passes --phase all; --json prints a report that matches docs/validation-schema.json', async () => {
    const before = leftovers().dirs;
    const started = Date.now();
    const run = runCli(['validate', '--phase', 'all', '--json', '--config', configFile, '--data-dir', dataDir], cliEnv());
    const code = await run.exited;
    const seconds = (Date.now() - started) / 1000;
    // the figure the acceptance asks about (under 30 s with the fake binary); measured, not asserted
    console.log(`validate --phase all with the fake LiteLLM: ${seconds.toFixed(1)} s`);
    const report = JSON.parse(run.stdout()) as ValidationReport;
    expect(report.items.filter((i) => !i.ok), run.stderr()).toEqual([]);
    expect(code).toBe(0);
    expect(validateSchema(report), JSON.stringify(validateSchema.errors)).toBe(true);
    expect(report).toMatchObject({ schema: 'switchboard.validation/1', phase: 'all', ok: true, interrupted: false, modeBefore: 'sdk', modeAfter: 'sdk' });
    const ids = report.items.map((i) => i.id);
    for (const id of ['pre.binary.found', 'pre.binary.version', 'pre.identity.pattern-1', 'post.cookies.restart', 'post.parity.stream-events', 'decision.validation']) expect(ids).toContain(id);
    expect(report.performance?.sdk?.p50Ms).toBeTypeOf('number');
    expect(report.performance?.binary?.p50Ms).toBeTypeOf('number');
    // the total announced while running was the real one
    expect(run.stderr()).toContain(`[${report.items.length}/${report.items.length}]`);
    // no key, token or cookie value anywhere in the output
    for (const secret of [...Object.values(TEST_PROVIDER_ENV), cliEnv().SWITCHBOARD_MASTER_KEY, cliEnv().SWITCHBOARD_ADMIN_TOKEN]) {
      expect(run.stdout() + run.stderr()).not.toContain(secret);
    }
    // progress went to stderr while it ran
    expect(run.stderr()).toMatch(/\[\d+\/\d+\] PASS pre\.models\.keys/);
    // the run kept its history in the user's data dir, and left nothing behind
    const history = JSON.parse(await readFile(join(dataDir, 'validations.json'), 'utf8')) as { history: ValidationReport[] };
    expect(history.history[0]?.id).toBe(report.id);
    expect(leftovers().dirs.filter((d) => !before.includes(d))).toEqual([]);
  }, 60_000);

  test('a run removes the temp dir a killed run left behind (its owner process is gone), not those of live runs', async () => {
    const killed = await mkdtemp(join(tmpdir(), RUN_DIR_PREFIX));
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await markRunDir(killed, Number(exited.stdout));
    const live = await mkdtemp(join(tmpdir(), RUN_DIR_PREFIX));
    await markRunDir(live, process.pid);
    try {
      const run = runCli(['validate', '--phase', 'pre', '--config', configFile, '--data-dir', dataDir], cliEnv());
      await run.exited;
      expect(existsSync(killed)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      await rm(killed, { recursive: true, force: true });
      await rm(live, { recursive: true, force: true });
    }
  });

  test('a failing report (missing binary: skipped items, fixes) also matches the schema, with exit 1 and a readable checklist', async () => {
    await writeFile(configFile, userYaml({ command: join(dataDir, 'no-such-litellm') }));
    const json = runCli(['validate', '--phase', 'pre', '--json', '--config', configFile, '--data-dir', dataDir], cliEnv());
    expect(await json.exited).toBe(1);
    const report = JSON.parse(json.stdout()) as ValidationReport;
    expect(validateSchema(report), JSON.stringify(validateSchema.errors)).toBe(true);
    expect(report.items.some((i) => i.skipped)).toBe(true);

    const human = runCli(['validate', '--phase', 'pre', '--config', configFile, '--data-dir', dataDir], cliEnv());
    expect(await human.exited).toBe(1);
    const out = human.stdout();
    expect(out).toContain('FAIL  The legacy LiteLLM binary is found  (pre.binary.found)');
    expect(out).toMatch(/fix: Install LiteLLM \(pip install 'litellm\[proxy\]==[\d.]+'\)/);
    expect(out).toMatch(/Failed: \d+ of \d+ checks/);
  }, 60_000);

  test('Ctrl-C during a run stops it, leaves the previous mode and nothing running', async () => {
    await writeFile(join(dataDir, 'mode.json'), `${JSON.stringify({ mode: 'sdk', previous: 'binary' })}\n`);
    const modeBefore = await readFile(join(dataDir, 'mode.json'), 'utf8');
    const before = leftovers();
    // the binary takes 10 s to become ready: the run is inside the temp gateway's switch when interrupted
    const run = runCli(['validate', '--phase', 'all', '--config', configFile, '--data-dir', dataDir], cliEnv({ FAKE_LITELLM_BEHAVIOUR: 'slow-start:10000' }));
    await run.waitForStdout(/starting the legacy binary/, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    const interruptedAt = Date.now();
    run.child.kill('SIGINT');
    const code = await run.exited;
    expect(code).toBe(130);
    expect(Date.now() - interruptedAt).toBeLessThan(8_000);
    expect(run.stdout()).toMatch(/Interrupted after [\d.]+ s; mode unchanged \(sdk\); nothing was left running\./);
    expect(await readFile(join(dataDir, 'mode.json'), 'utf8')).toBe(modeBefore);
    const after = leftovers();
    expect(after.dirs.filter((d) => !before.dirs.includes(d))).toEqual([]);
    expect(after.processes.filter((p) => !before.processes.includes(p))).toEqual([]);
    const history = JSON.parse(await readFile(join(dataDir, 'validations.json'), 'utf8')) as { history: ValidationReport[] };
    expect(history.history[0]).toMatchObject({ interrupted: true, ok: false, modeBefore: 'sdk', modeAfter: 'sdk' });
  }, 60_000);

  test('--live asks first: refused without a terminal, listed with --dry-run, nothing sent either way', async () => {
    const refused = runCli(['validate', '--phase', 'pre', '--live', '--config', configFile, '--data-dir', dataDir], cliEnv());
    expect(await refused.exited).toBe(2);
    expect(refused.stderr()).toContain('pass --yes to confirm');
    expect(refused.stdout()).toMatch(/--live sends 2 real requests/);
    expect(existsSync(join(dataDir, 'validations.json'))).toBe(false);

    const dry = runCli(['validate', '--phase', 'pre', '--live', '--dry-run', '--config', configFile, '--data-dir', dataDir], cliEnv());
    expect(await dry.exited).toBe(0);
    expect(dry.stdout()).toMatch(/claude-sonnet-4\.5 \(anthropic\): ~\d+ tokens/);
    expect(dry.stdout()).toMatch(/gpt-4o \(openai\): ~\d+ tokens/);
    expect(dry.stdout()).toContain('Dry run: nothing was sent.');
    expect(existsSync(join(dataDir, 'validations.json'))).toBe(false);
  }, 60_000);
});
