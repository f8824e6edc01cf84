import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { findFreePort, MASTER_KEY_ENV, writeLitellmConfig } from '../../../main/core/backends/supervisor';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { writePidFile } from '../../../main/core/backends/supervisor/stale-child';
import { probeLiveliness } from '../../../main/core/backends/supervisor/readiness';
import { alive, createHarness, MODEL_DOC, waitGone } from './harness';
import { DATA_FILES } from '../../../main/core/config/data-files';

const parentScript = join(import.meta.dirname, 'parent-process.ts');

async function untilLive(port: number): Promise<void> {
  while (!(await probeLiveliness('127.0.0.1', port, AbortSignal.timeout(1000)))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('supervisor leaves no orphans', () => {
  it('a child left running by a SIGKILLed gateway (real LiteLLM watches neither stdin nor parent) is stopped by the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sb-orphan-'));
    const parent = spawn(process.execPath, ['--import', 'tsx', parentScript, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // like the real LiteLLM: a closed stdin or a dead parent does not make it exit on its own
      env: { ...process.env, FAKE_LITELLM_IGNORE_STDIN: '1' },
    });
    const [line] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
    const { pid } = JSON.parse(line) as { pid: number };
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    await once(parent, 'exit');
    try {
      // nothing stopped it: the orphan is real, and only the supervisor's next start can end it
      expect(alive(pid)).toBe(true);
      const h = await createHarness({ dataDir });
      await h.supervisor.start();
      expect(alive(pid)).toBe(false);
      expect(h.supervisor.state().pid).not.toBe(pid);
      await h.supervisor.stop();
    } finally {
      if (alive(pid)) process.kill(-pid, 'SIGKILL');
    }
  });

  it('start() stops a child left behind by an earlier run (recorded in the pid file) and reuses its port', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sb-stale-'));
    const configFile = await writeLitellmConfig(dataDir, MODEL_DOC);
    const port = await findFreePort(0, '127.0.0.1');
    // Like real LiteLLM: it notices neither a closed stdin nor a dead parent.
    const stale = spawn(FAKE_LITELLM_PATH, ['--config', configFile, '--port', String(port), '--host', '127.0.0.1'], {
      detached: true,
      stdio: 'ignore',
      env: { PATH: process.env.PATH, [MASTER_KEY_ENV]: 'sk-old-run-token-0123456789', FAKE_LITELLM_IGNORE_STDIN: '1' },
    });
    const stalePid = stale.pid as number;
    await writePidFile(dataDir, { pid: stalePid, port, configFile, startedAt: Date.now() });
    await untilLive(port);

    const h = await createHarness({ dataDir, preferredPort: port });
    await h.supervisor.start();
    expect(alive(stalePid)).toBe(false);
    expect(h.supervisor.state()).toMatchObject({ status: 'ready', port });
    expect(h.supervisor.state().pid).not.toBe(stalePid);
    await h.supervisor.stop();
  });

  it('does not touch a live process whose pid was reused by another program', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sb-reuse-'));
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await writePidFile(dataDir, { pid: other.pid as number, port: 1, configFile: join(dataDir, 'litellm.config.yaml'), startedAt: 0 });
      const h = await createHarness({ dataDir });
      await h.supervisor.start();
      expect(alive(other.pid as number)).toBe(true);
      // the record now names our own child
      const record = JSON.parse(await readFile(join(dataDir, DATA_FILES.litellmPid), 'utf8')) as { pid: number };
      expect(record.pid).toBe(h.supervisor.state().pid);
      await h.supervisor.stop();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('killSync() kills the child group at once (for process exit handlers)', async () => {
    const h = await createHarness({ childEnv: { FAKE_LITELLM_BEHAVIOUR: 'slow-exit:60000' } });
    await h.supervisor.start();
    const pid = h.supervisor.state().pid as number;
    h.supervisor.killSync();
    await waitGone(pid);
    expect(alive(pid)).toBe(false);
    await h.supervisor.stop(); // still safe afterwards
    expect(h.supervisor.state().status).toBe('stopped');
  });
});
