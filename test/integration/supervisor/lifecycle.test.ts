import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MASTER_KEY_ENV, findFreePort } from '../../../main/core/backends/supervisor';
import { writeFakeControl } from '../../fixtures/fake-litellm';
import { alive, createHarness, rejection } from './harness';
import { DATA_FILES } from '../../../main/core/config/data-files';

describe('supervisor lifecycle (fake LiteLLM)', () => {
  it('starts on the preferred port, answers both dialects with its token, and stops leaving no process', async () => {
    const preferred = await findFreePort(0, '127.0.0.1');
    const h = await createHarness({ preferredPort: preferred });
    await h.supervisor.start();
    const state = h.supervisor.state();
    expect(state).toMatchObject({ kind: 'binary', status: 'ready', port: preferred, restarts: 0 });
    const pid = state.pid as number;
    expect(alive(pid)).toBe(true);
    expect(h.statuses()).toEqual(['starting', 'ready']);
    const base = h.supervisor.baseUrl();
    expect(base).toBe(`http://127.0.0.1:${preferred}`);
    const auth = { authorization: `Bearer ${h.supervisor.token()}`, 'content-type': 'application/json' };

    const models = await fetch(`${base}/v1/models`, { headers: auth });
    expect(models.status).toBe(200);
    expect(((await models.json()) as { data: { id: string }[] }).data.map((m) => m.id)).toEqual(['claude-sonnet', 'gpt-4o']);
    expect((await fetch(`${base}/v1/models`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);

    const chat = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST', headers: { ...auth, 'x-sm-user-id': 'alice' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const chatBody = (await chat.json()) as { choices: { message: { content: string } }[]; switchboard_echo: { headers: Record<string, string> } };
    expect(chatBody.choices[0]?.message.content).toContain('x-sm-user-id=alice');
    expect(chatBody.switchboard_echo.headers['x-sm-user-id']).toBe('alice');

    const messages = await fetch(`${base}/v1/messages`, {
      method: 'POST', headers: { ...auth, 'x-sm-user-id': 'bob' },
      body: JSON.stringify({ model: 'claude-sonnet', max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const sse = await messages.text();
    expect(sse).toContain('event: message_stop');
    expect(sse).toContain('x-sm-user-id=bob');

    await h.supervisor.stop();
    expect(alive(pid)).toBe(false);
    expect(h.supervisor.state()).toMatchObject({ status: 'stopped', pid: null, port: null });
    expect(h.supervisor.baseUrl()).toBeNull();
    expect(h.statuses()).toEqual(['starting', 'ready', 'stopping', 'stopped']);
    await expect(stat(join(h.dataDir, DATA_FILES.litellmPid))).rejects.toThrow();
  });

  it('passes the token only through the environment, never in argv or the config file', async () => {
    const h = await createHarness();
    await h.supervisor.start();
    const token = h.supervisor.token();
    try {
      const [call] = h.spawns;
      expect(call?.args.join(' ')).not.toContain(token);
      const configPath = join(h.dataDir, DATA_FILES.litellmConfig);
      expect(call?.args).toEqual(['--config', configPath, '--port', String(h.supervisor.state().port), '--host', '127.0.0.1']);
      expect(call?.env?.[MASTER_KEY_ENV]).toBe(token);
      const config = await readFile(configPath, 'utf8');
      expect(config).not.toContain(token);
      expect(config).toContain('forward_client_headers_to_llm_api: true');
      expect(config).toContain(`master_key: os.environ/${MASTER_KEY_ENV}`);
      expect((await stat(configPath)).mode & 0o777).toBe(0o600);
      expect((await stat(join(h.dataDir, DATA_FILES.litellmLog))).mode & 0o777).toBe(0o600);
    } finally {
      await h.supervisor.stop();
    }
    // readiness came from /health/liveliness; /health (which calls every model) was never used.
    // Read after stop(): it waits for the child's last output, so the access log line is there.
    const tail = h.supervisor.logTail(500).join('\n');
    expect(tail).toContain('"GET /health/liveliness HTTP/1.1" 200');
    expect(tail).not.toMatch(/"GET \/health HTTP/);
    expect(tail).toContain('Uvicorn running on http://127.0.0.1:');
  });

  it('waits for a slow start', async () => {
    const h = await createHarness({ childEnv: { FAKE_LITELLM_BEHAVIOUR: 'slow-start:600' } });
    await h.supervisor.start();
    expect(h.supervisor.state().status).toBe('ready');
    await h.supervisor.stop();
    // probes were refused while the child slept, and none of them failed the start
    expect(h.supervisor.logTail(500).join('\n')).toContain('Application startup complete.');
  });

  it('reads `--version` once per gateway run: a start after a stop does not read it again', async () => {
    const h = await createHarness();
    await h.supervisor.start();
    await h.supervisor.stop();
    await h.supervisor.start();
    try {
      expect(h.versionProbes.map((call) => call.args)).toEqual([['--version']]);
      expect(h.spawns).toHaveLength(2);
      expect(h.supervisor.state().version).toBe('1.80.17');
    } finally {
      await h.supervisor.stop();
    }
  });

  it('start() twice shares one child; start() when ready is a no-op', async () => {
    const h = await createHarness();
    await Promise.all([h.supervisor.start(), h.supervisor.start()]);
    await h.supervisor.start();
    expect(h.spawns).toHaveLength(1);
    await h.supervisor.stop();
  });

  it('stop() during start() rejects the start and leaves no process behind', async () => {
    const control = join(await mkdtemp(join(tmpdir(), 'sb-ctl-')), 'control.json');
    writeFakeControl(control, { behaviour: 'slow-start:20000' });
    const h = await createHarness({ childEnv: { FAKE_LITELLM_CONTROL: control } });
    const starting = rejection(h.supervisor.start());
    const { pid } = await h.until((s) => s.status === 'starting');
    await h.supervisor.stop();
    expect((await starting).code).toBe('BACKEND_UNAVAILABLE');
    expect(alive(pid as number)).toBe(false);
    expect(h.supervisor.state().status).toBe('stopped');
    // and it can start again afterwards
    writeFakeControl(control, {});
    await h.supervisor.start();
    expect(h.supervisor.state().status).toBe('ready');
    await h.supervisor.stop();
  });

  it('a child that ignores SIGTERM gets SIGKILL after the grace period', async () => {
    const h = await createHarness({ stopGraceMs: 300, childEnv: { FAKE_LITELLM_BEHAVIOUR: 'slow-exit:60000' } });
    await h.supervisor.start();
    const pid = h.supervisor.state().pid as number;
    await h.supervisor.stop();
    expect(alive(pid)).toBe(false);
    expect(h.supervisor.state().reason).toMatch(/ignored SIGTERM for 300 ms and was killed with SIGKILL/);
    expect(h.supervisor.logTail(500).join('\n')).toContain('ignoring SIGTERM');
  });
});
