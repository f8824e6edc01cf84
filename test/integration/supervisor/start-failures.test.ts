import { describe, it, expect } from 'vitest';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHarness, alive, rejection } from './harness';
import type { SpawnFn } from '../../../main/core/backends/supervisor';

function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

describe('supervisor start failures', () => {
  it('a missing command fails with BINARY_NOT_FOUND and the pinned pip install hint', async () => {
    const h = await createHarness({ command: 'switchboard-no-such-litellm', pinnedVersion: '1.77.5' });
    const error = await rejection(h.supervisor.start());
    expect(error.code).toBe('BINARY_NOT_FOUND');
    expect(error.message).toContain('"switchboard-no-such-litellm" was not found');
    expect(error.message).toContain("pip install 'litellm[proxy]==1.77.5'");
    expect(error.message).toMatch(/pin that version/);
    expect(h.supervisor.state()).toMatchObject({ status: 'failed', pid: null });
    expect(h.supervisor.state().reason).toContain('pip install');
  });

  it('litellm installed without the proxy extras fails with BINARY_NOT_FOUND and the hint', async () => {
    const script = "console.error(\"ModuleNotFoundError: No module named 'uvicorn'\"); process.exit(1)";
    const h = await createHarness({ command: process.execPath, args: ['-e', script, '--'] });
    const error = await rejection(h.supervisor.start());
    expect(error.code).toBe('BINARY_NOT_FOUND');
    expect(error.message).toContain("litellm[proxy]==1.77.5");
    expect(error.message).toContain("No module named 'uvicorn'");
  });

  it('a port taken under the child fails with BINARY_PORT_CONFLICT after one retry on a fresh port', async () => {
    const { server, port: taken } = await holdPort();
    try {
      // Simulates the race findFreePort cannot prevent: the child is pointed at a port someone holds.
      const wrapSpawn = (spawn: SpawnFn): SpawnFn => (command, args, options) =>
        spawn(command, args.map((arg, i) => (args[i - 1] === '--port' ? String(taken) : arg)), options);
      const h = await createHarness({ wrapSpawn });
      const error = await rejection(h.supervisor.start());
      expect(error.code).toBe('BINARY_PORT_CONFLICT');
      expect(error.message).toMatch(/already in use/);
      expect(error.message).toContain('address already in use');
      expect(h.spawns).toHaveLength(2);
      expect(h.supervisor.state().status).toBe('failed');
    } finally {
      server.close();
    }
  });

  it('the fake told to report a port conflict is recognised the same way', async () => {
    const h = await createHarness({ childEnv: { FAKE_LITELLM_BEHAVIOUR: 'port-conflict' } });
    const error = await rejection(h.supervisor.start());
    expect(error.code).toBe('BINARY_PORT_CONFLICT');
    expect(error.message).toContain('[Errno 98]');
  });

  it('recovers by itself when only the first port was in conflict', async () => {
    const { server, port: taken } = await holdPort();
    try {
      let calls = 0;
      const wrapSpawn = (spawn: SpawnFn): SpawnFn => (command, args, options) => {
        calls += 1;
        return spawn(command, calls === 1 ? args.map((a, i) => (args[i - 1] === '--port' ? String(taken) : a)) : args, options);
      };
      const h = await createHarness({ wrapSpawn });
      await h.supervisor.start();
      expect(h.supervisor.state()).toMatchObject({ status: 'ready' });
      expect(h.supervisor.state().port).not.toBe(taken);
      await h.supervisor.stop();
    } finally {
      server.close();
    }
  });

  it('a rejected config fails with BINARY_CONFIG_REJECTED quoting the error lines', async () => {
    const h = await createHarness({ childEnv: { FAKE_LITELLM_BEHAVIOUR: 'reject-config' } });
    const error = await rejection(h.supervisor.start());
    expect(error.code).toBe('BINARY_CONFIG_REJECTED');
    expect(error.message).toContain('exited with code 1');
    expect(error.message).toContain('ScannerError');
    expect(h.spawns).toHaveLength(1); // no restarts for a config problem
  });

  it('a config LiteLLM cannot load (model without litellm_params.model) is a config rejection too', async () => {
    const h = await createHarness({ litellmDocument: { model_list: [{ model_name: 'broken', litellm_params: {} }] } });
    const error = await rejection(h.supervisor.start());
    expect(error.code).toBe('BINARY_CONFIG_REJECTED');
    expect(error.message).toContain('model_list[0]');
  });

  it('an unusable data dir fails with a catalogued error instead of a raw exception', async () => {
    const h = await createHarness({ dataDir: join(fileURLToPath(import.meta.url), 'not-a-dir') });
    const error = await rejection(h.supervisor.start());
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/ENOTDIR|EEXIST/);
    expect(h.supervisor.state().status).toBe('failed');
    expect(h.spawns).toHaveLength(0);
  });

  it('a child that never becomes ready is killed after readyTimeoutMs', async () => {
    const h = await createHarness({ readyTimeoutMs: 1500, childEnv: { FAKE_LITELLM_BEHAVIOUR: 'hang' } });
    const starting = rejection(h.supervisor.start());
    const { pid } = await h.until((s) => s.status === 'starting');
    const error = await starting;
    expect(error.code).toBe('BINARY_READY_TIMEOUT');
    expect(error.message).toContain('within 1500 ms');
    expect(error.message).toContain('/health/liveliness');
    expect(alive(pid as number)).toBe(false);
    expect(h.supervisor.state()).toMatchObject({ status: 'failed', pid: null });
  });
});
