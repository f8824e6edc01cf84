import { describe, it, expect } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFakeControl } from '../../fixtures/fake-litellm';
import { alive, createHarness, rejection, waitGone } from './harness';

async function controlFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'sb-ctl-')), 'control.json');
}

describe('supervisor crash handling', () => {
  it('restarts a crashed child with backoff: crashed -> starting -> ready', async () => {
    const control = await controlFile();
    writeFakeControl(control, {});
    const h = await createHarness({ childEnv: { FAKE_LITELLM_CONTROL: control } });
    await h.supervisor.start();
    const first = h.supervisor.state();
    writeFakeControl(control, { crashPid: first.pid as number });
    const crashed = await h.until((s) => s.status === 'crashed');
    expect(crashed.reason).toMatch(/exited with code 1; restarting in 50 ms/);
    expect(crashed.logTail.join('\n')).toContain('crash requested by the control file');
    const again = await h.until((s) => s.status === 'ready' && s.pid !== first.pid);
    expect(again.restarts).toBe(1);
    expect(alive(first.pid as number)).toBe(false);
    expect(h.statuses()).toEqual(['starting', 'ready', 'crashed', 'starting', 'ready']);
    expect(h.supervisor.baseUrl()).toBe(`http://127.0.0.1:${again.port}`);
    // the restarted child keeps the port, so the forwarder's base URL stays stable
    expect(again.port).toBe(first.port);
    await h.supervisor.stop();
    expect(alive(again.pid as number)).toBe(false);
  });

  it('three crashes within the window stop the retries and mark the backend failed with the log tail', async () => {
    const h = await createHarness({ childEnv: { FAKE_LITELLM_BEHAVIOUR: 'crash-after:500' } });
    await h.supervisor.start();
    const failed = await h.until((s) => s.status === 'failed');
    expect(failed.reason).toMatch(/crashed 3 times within 60 s/);
    expect(failed.reason).toContain('RuntimeError: fake-litellm: crash');
    expect(failed.logTail.join('\n')).toContain('Traceback (most recent call last):');
    expect(failed.restarts).toBe(2);
    // normally starting, ready, crashed ×3 then failed; a very slow machine may see a crash before ready
    expect(h.statuses().filter((s) => s === 'crashed')).toHaveLength(2);
    expect(h.statuses().at(-1)).toBe('failed');
    expect(h.spawns).toHaveLength(3);
    expect(h.supervisor.baseUrl()).toBeNull();
    await h.supervisor.stop();
    expect(h.supervisor.state().status).toBe('stopped');
  });

  it('a child that dies at every start makes start() reject with BINARY_CRASH_LOOP', async () => {
    const h = await createHarness({ childEnv: { FAKE_LITELLM_BEHAVIOUR: 'crash-at-start' } });
    const error = await rejection(h.supervisor.start());
    expect(error.code).toBe('BINARY_CRASH_LOOP');
    expect(error.message).toContain('crash at start');
    expect(h.spawns).toHaveLength(3);
    expect(h.statuses()).toEqual(['starting', 'crashed', 'starting', 'crashed', 'starting', 'failed']);
  });

  it('stop() during the restart backoff cancels the restart', async () => {
    const control = await controlFile();
    writeFakeControl(control, {});
    const h = await createHarness({ restartBackoffMs: [60_000], childEnv: { FAKE_LITELLM_CONTROL: control } });
    await h.supervisor.start();
    const { pid } = h.supervisor.state();
    writeFakeControl(control, { crashPid: pid as number });
    await h.until((s) => s.status === 'crashed');
    await waitGone(pid as number);
    await h.supervisor.stop();
    expect(h.statuses().slice(-2)).toEqual(['stopping', 'stopped']);
    expect(h.spawns).toHaveLength(1);
  });
});
