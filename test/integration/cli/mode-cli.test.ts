// `switchboard mode [sdk|binary|rollback]` talks to the running instance through its admin API.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { modesYaml } from '../modes/mode-harness';
import { runCli } from './cli-process';
import type { CliRun } from './cli-process';

let dataDir: string;
let anthropic: FakeUpstream;
let openai: FakeUpstream;
let server: CliRun;

const env = () => ({ SWITCHBOARD_DATA_DIR: dataDir, HOME: dataDir, TEST_ANTHROPIC_KEY: 'sk-ant-x-12345678', TEST_OPENAI_KEY: 'sk-oai-x-12345678' });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'switchboard-mode-cli-'));
  anthropic = await startFakeAnthropic();
  openai = await startFakeOpenAI();
  const config = join(dataDir, 'config.yaml');
  await writeFile(config, modesYaml(anthropic.url, openai.url));
  server = runCli(['serve', '--port', '0'], env());
  await server.waitForStdout(/Dashboard:/);
});

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await anthropic?.close();
  await openai?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('switchboard mode', () => {
  it('switches to binary, reports status, and rolls back', async () => {
    const toBinary = runCli(['mode', 'binary'], env());
    expect(await toBinary.exited, toBinary.stderr()).toBe(0);
    expect(toBinary.stdout()).toContain('mode: binary (backend ready)');
    expect(toBinary.stdout()).toContain('switchboard mode rollback');

    const status = runCli(['mode'], env());
    expect(await status.exited).toBe(0);
    expect(status.stdout()).toContain('mode: binary');

    const back = runCli(['mode', 'rollback'], env());
    expect(await back.exited, back.stderr()).toBe(0);
    expect(back.stdout()).toContain('mode: sdk');
  });

  it('says clearly when no instance runs', async () => {
    const other = await mkdtemp(join(tmpdir(), 'switchboard-none-'));
    const run = runCli(['mode', 'sdk'], { ...env(), SWITCHBOARD_DATA_DIR: other });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/no running instance/);
    await rm(other, { recursive: true, force: true });
  });
});
