// `switchboard serve` as a user runs it: banner without the key, generated secrets (0600), graceful
// SIGTERM with an in-flight request finishing, one-line port-in-use and config errors.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicStreamSteps, gate, startFakeAnthropic } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { runCli } from './cli-process';

let dataDir: string;
let anthropic: FakeUpstream;
let configFile: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  anthropic = await startFakeAnthropic();
  configFile = join(dataDir, 'my-litellm-config.yaml');
  await writeFile(configFile, `model_list:
  - model_name: claude-*
    litellm_params:
      model: anthropic/claude-*
      api_base: ${anthropic.url}
      api_key: os.environ/CLI_TEST_ANTHROPIC_KEY
`);
});

afterAll(async () => {
  await anthropic?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const env = () => ({ SWITCHBOARD_DATA_DIR: dataDir, CLI_TEST_ANTHROPIC_KEY: 'sk-ant-cli-test-key-987654321', HOME: dataDir });

describe('switchboard serve', () => {
  it('prints where to point clients, never the key; keeps generated secrets at 0600; stops gracefully on SIGTERM', async () => {
    const run = runCli(['serve', '--config', configFile, '--port', '0'], env());
    const out = await run.waitForStdout(/Dashboard:.*\n/);
    const base = /ANTHROPIC_BASE_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const key = (await readFile(join(dataDir, 'master-key'), 'utf8')).trim();
    expect((await stat(join(dataDir, 'master-key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'admin-token'))).mode & 0o777).toBe(0o600);
    expect(out).toContain('/v1');
    expect(out).toMatch(/fingerprint [0-9a-f]{8}/);
    expect(out + run.stderr()).not.toContain(key);

    // a stream in flight when SIGTERM arrives still finishes
    const hold = gate();
    const steps = anthropicStreamSteps(['a', 'b']);
    steps[3] = { ...steps[3]!, waitFor: hold.promise };
    anthropic.queue({ kind: 'sse', steps });
    const res = await fetch(`${base}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-opus-4-8', max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'x' }] }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    run.child.kill('SIGTERM');
    // the shutdown has begun (new requests are refused) before the held stream may go on
    await run.waitForStderr(/SIGTERM, finishing in-flight requests/);
    const refused = await fetch(`${base}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ model: 'claude-opus-4-8', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    }).then((r) => r.status, () => 'connection refused');
    expect([503, 'connection refused']).toContain(refused);
    hold.open();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('message_stop');
    expect(await run.exited).toBe(0);
    expect(run.stdout() + run.stderr()).not.toContain(key);
  });

  it('reuses the generated key on the next start, and one Ctrl-C delivered twice still stops gracefully', async () => {
    const key = (await readFile(join(dataDir, 'master-key'), 'utf8')).trim();
    const run = runCli(['serve', '--config', configFile, '--port', '0'], env());
    await run.waitForStdout(/Dashboard:/);
    expect((await readFile(join(dataDir, 'master-key'), 'utf8')).trim()).toBe(key);
    // the terminal signals every process of the group and `npm start` forwards it as well
    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).not.toContain('without waiting');
  });

  it('says in one line that the port is taken, and exits non-zero', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    const run = runCli(['serve', '--config', configFile, '--port', String(port)], env());
    const code = await run.exited;
    blocker.close();
    expect(code).not.toBe(0);
    const lines = run.stderr().trim().split('\n').filter((l) => l.includes(String(port)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--port/);
  });

  it('names the file, line and key of a config error, and exits non-zero', async () => {
    const bad = join(dataDir, 'bad.yaml');
    await writeFile(bad, 'model_list:\n  - model_name: x\n    litellm_params:\n      model: anthropic/x\nswitchboard:\n  port: "not a port"\n');
    const run = runCli(['serve', '--config', bad], env());
    expect(await run.exited).not.toBe(0);
    expect(run.stderr()).toContain(`${bad}:6`);
    expect(run.stderr()).toContain('switchboard.port');
  });

  it('stops cleanly on a SIGTERM during start-up (LiteLLM spawned, not ready yet), leaving no child', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-start-'));
    try {
      const config = join(dir, 'binary.yaml');
      await writeFile(config, `model_list:\n  - model_name: claude-*\n    litellm_params:\n      model: anthropic/claude-*\n      api_key: x\nswitchboard:\n  mode: binary\n  binary:\n    command: ${JSON.stringify(FAKE_LITELLM_PATH)}\n    ready_timeout_ms: 60000\n    stop_grace_ms: 1000\n`);
      const run = runCli(['serve', '--config', config, '--port', '0'], {
        SWITCHBOARD_DATA_DIR: dir,
        HOME: dir,
        // listens but never answers liveliness: start-up lasts until the signal; real LiteLLM ignores stdin
        FAKE_LITELLM_BEHAVIOUR: 'hang',
        FAKE_LITELLM_IGNORE_STDIN: '1',
      });
      const pidFile = join(dir, 'litellm.pid');
      for (let i = 0; i < 800 && !(await readFile(pidFile, 'utf8').catch(() => '')); i++) await new Promise((r) => setTimeout(r, 25));
      const childPid = (JSON.parse(await readFile(pidFile, 'utf8')) as { pid: number }).pid;
      expect(run.stdout()).not.toContain('Dashboard:');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.stdout()).not.toContain('Dashboard:');
      expect(run.stderr()).toContain('stopped');
      expect(() => process.kill(childPid, 0)).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a data dir it cannot write: serves with the disk log off, one warning naming the file, no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-ro-'));
    try {
      // a directory where the request log should be: open() fails for root too (EISDIR)
      await mkdir(join(dir, 'requests.jsonl'));
      const run = runCli(['serve', '--config', configFile, '--port', '0'], { ...env(), SWITCHBOARD_DATA_DIR: dir, HOME: dir });
      await run.waitForStdout(/Dashboard:/);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      const said = run.stderr();
      expect(said).not.toMatch(/\n\s+at /);
      const lines = said.split('\n').filter((l) => l.includes('requests.jsonl'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/request log .*off/i);
      expect(lines[0]).toContain('--data-dir');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a data dir that cannot be created: one line naming it and --data-dir, no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-nodir-'));
    try {
      // a file where the data dir should be: mkdir fails with ENOTDIR/EEXIST for root too
      const notDir = join(dir, 'file');
      await writeFile(notDir, 'x');
      const target = join(notDir, 'data');
      const run = runCli(['serve', '--config', configFile, '--port', '0', '--data-dir', target], { ...env(), HOME: dir });
      expect(await run.exited).toBe(1);
      const said = run.stderr().trim();
      expect(said).not.toMatch(/\n\s+at /);
      const lines = said.split('\n').filter((l) => l.includes(target));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('--data-dir');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a SIGKILL during a burst loses at most the last 32 answered requests from requests.jsonl', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-kill-'));
    try {
      const run = runCli(['serve', '--config', configFile, '--port', '0'], { ...env(), SWITCHBOARD_DATA_DIR: dir, HOME: dir });
      const out = await run.waitForStdout(/Dashboard:.*\n/);
      const base = /ANTHROPIC_BASE_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const key = (await readFile(join(dir, 'master-key'), 'utf8')).trim();
      const answered = 100;
      for (let i = 0; i < answered; i++) {
        const res = await fetch(`${base}/v1/messages`, {
          method: 'POST',
          headers: { 'x-api-key': key, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'claude-opus-4-8', max_tokens: 5, messages: [{ role: 'user', content: `${i}` }] }),
        });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
      run.child.kill('SIGKILL');
      await run.exited;
      const lines = (await readFile(join(dir, 'requests.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThanOrEqual(answered - 32);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects unknown flags with usage', async () => {
    const run = runCli(['serve', '--prot', '1'], env());
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('Usage:');
  });
});
