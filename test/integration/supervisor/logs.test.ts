import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHarness } from './harness';
import { DATA_FILES } from '../../../main/core/config/data-files';

describe('supervisor logs', () => {
  it('scrubs secrets the child prints from the log tail, the state events and the log file', async () => {
    // not key-shaped on purpose: only the secrets() list can catch it
    const providerKey = 'provider-secret-0123456789';
    const h = await createHarness({
      secrets: () => [providerKey],
      childEnv: { ANTHROPIC_API_KEY: providerKey, FAKE_LITELLM_LOG_SECRETS: '1' },
    });
    await h.supervisor.start();
    const token = h.supervisor.token();
    await h.supervisor.stop();

    const tail = h.supervisor.logTail(500).join('\n');
    expect(tail).toContain('DEBUG:    claude-sonnet api_key=[redacted]');
    expect(tail).toContain('general_settings.master_key=[redacted]');
    const everything = [tail, JSON.stringify(h.states), await readFile(join(h.dataDir, DATA_FILES.litellmLog), 'utf8')].join('\n');
    expect(everything).not.toContain(providerKey);
    expect(everything).not.toContain(token);
  });

  it('keeps running when secrets() throws, still masking the token', async () => {
    const h = await createHarness({
      secrets: () => {
        throw new Error('secret store locked');
      },
      childEnv: { FAKE_LITELLM_LOG_SECRETS: '1' },
    });
    await h.supervisor.start();
    await h.supervisor.stop();
    const tail = h.supervisor.logTail(500).join('\n');
    expect(tail).toContain('general_settings.master_key=[redacted]');
    expect(tail).not.toContain(h.supervisor.token());
  });

  it('appends every run to litellm.log and marks its own notes', async () => {
    const h = await createHarness();
    await h.supervisor.start();
    const firstPid = h.supervisor.state().pid;
    await h.supervisor.stop();
    await h.supervisor.start();
    const secondPid = h.supervisor.state().pid;
    await h.supervisor.stop();
    const file = await readFile(join(h.dataDir, DATA_FILES.litellmLog), 'utf8');
    expect(file).toMatch(/Z \[switchboard\] started \S+fake-litellm\.mjs \(pid \d+\) on 127\.0\.0\.1:\d+$/m);
    expect(file).toContain(`(pid ${firstPid})`);
    expect(file).toContain(`(pid ${secondPid})`);
    expect(file).toMatch(/^\d{4}-\d\d-\d\dT[^ ]+ \[stdout\] INFO: {5}Started server process/m);
    expect(h.supervisor.logTail(3)).toHaveLength(3);
  });
});
