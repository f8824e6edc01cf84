// The runner with the real core (loadConfig + createGateway) on 127.0.0.1: the app's settings become
// flags, stored keys reach the config as env overlay (env vars still work), a taken port comes back as a
// problem with a real free port to use instead, and stop() stops.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/core/config';
import { createGateway } from '../../../main/core/gateway';
import { createGatewayRunner, type GatewayRunner } from '../../../main/electron/gateway-runner';
import { findFreePort } from '../../../main/electron/port-probe';
import { SETTINGS_DEFAULTS, type AppSettings } from '../../../main/electron/settings/settings-schema';

const APP_KEY = 'sk-ant-stored-in-the-app-000111222';
const ENV_KEY = 'sk-ant-from-the-environment-333444555';

describe('gateway runner (real core)', () => {
  let dir: string;
  let settings: AppSettings;
  let appKeys: Record<string, string>;
  let runner: GatewayRunner | null = null;
  let blocker: Server | null = null;
  let childEnv: Record<string, string | undefined> | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-runner-'));
    await writeFile(
      join(dir, 'config.yaml'),
      [
        'model_list:',
        '  - model_name: claude-*',
        '    litellm_params:',
        '      model: anthropic/claude-*',
        '      api_base: http://127.0.0.1:9/unused',
        '      api_key: os.environ/RUNNER_TEST_ANTHROPIC_KEY',
        '',
      ].join('\n'),
    );
    settings = { ...SETTINGS_DEFAULTS, port: 0, configPath: join(dir, 'config.yaml') };
    appKeys = {};
  });
  afterEach(async () => {
    await runner?.stop();
    runner = null;
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
    blocker = null;
    await rm(dir, { recursive: true, force: true });
  });

  const make = (env: Record<string, string | undefined> = {}) =>
    createGatewayRunner({
      loadConfig,
      createGateway: (config, deps) => {
        childEnv = deps.env;
        return createGateway(config, deps);
      },
      settings: () => settings,
      providerKeys: () => ({ keys: appKeys, problems: [] }),
      env: { SWITCHBOARD_DATA_DIR: dir, SWITCHBOARD_LOG_LEVEL: 'silent', ...env },
      platform: process.platform,
      homeDir: dir,
      version: '0.1.0-test',
      rendererDir: null,
      logger: pino({ level: 'silent' }),
      findFreePort,
    });

  it('passes the config path and port from settings; a key stored in the app reaches the model and the LiteLLM child env', async () => {
    appKeys = { RUNNER_TEST_ANTHROPIC_KEY: APP_KEY };
    runner = make({ RUNNER_TEST_ANTHROPIC_KEY: ENV_KEY });
    const outcome = await runner.start();
    if (!outcome.ok) throw new Error(outcome.problem.message);
    expect(outcome.gateway.config.source.path).toBe(join(dir, 'config.yaml'));
    expect(outcome.gateway.config.models[0]?.apiKey).toBe(APP_KEY);
    expect(childEnv?.RUNNER_TEST_ANTHROPIC_KEY).toBe(APP_KEY);
    expect(outcome.warnings).toContain('keys stored in the app override the environment for RUNNER_TEST_ANTHROPIC_KEY');
    expect(outcome.server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${outcome.server.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(runner.current()).toBe(outcome.gateway);
  });

  it('env vars still work when the app stores no key', async () => {
    runner = make({ RUNNER_TEST_ANTHROPIC_KEY: ENV_KEY });
    const outcome = await runner.start();
    expect(outcome.ok && outcome.gateway.config.models[0]?.apiKey).toBe(ENV_KEY);
  });

  it('reports a taken port with a free one to use instead, and starts there once told to', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    settings = { ...settings, port: taken };
    runner = make();
    const failed = await runner.start();
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.problem).toMatchObject({ code: 'PORT_IN_USE', port: taken, message: `port ${taken} is already in use` });
    expect(failed.problem.suggestedPort).toBeGreaterThan(taken);
    expect(runner.current()).toBeNull();

    settings = { ...settings, port: failed.problem.suggestedPort };
    const started = await runner.restart();
    expect(started.ok && started.server.port).toBe(failed.problem.suggestedPort);
  });

  it('turns a broken config into a config problem naming the file', async () => {
    await writeFile(join(dir, 'config.yaml'), 'model_list:\n  - model_name: [unclosed\n');
    runner = make();
    const outcome = await runner.start();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problem.code).toBe('CONFIG_INVALID');
      expect(outcome.problem.message).toContain('config.yaml');
    }
  });

  it('an unexpected failure (here the keychain) becomes a problem, not a crash', async () => {
    runner = createGatewayRunner({
      loadConfig,
      createGateway,
      settings: () => settings,
      providerKeys: () => {
        throw new Error('keychain locked');
      },
      env: { SWITCHBOARD_DATA_DIR: dir },
      platform: process.platform,
      homeDir: dir,
      version: '0.1.0-test',
      rendererDir: null,
      logger: pino({ level: 'silent' }),
      findFreePort,
    });
    expect(await runner.start()).toEqual({ ok: false, problem: { code: 'INTERNAL', message: 'keychain locked', port: null, suggestedPort: null } });
    expect(runner.current()).toBeNull();
  });

  it('stop() closes the port; restart() replaces the running gateway', async () => {
    runner = make();
    const first = await runner.start();
    if (!first.ok) throw new Error(first.problem.message);
    const second = await runner.restart();
    if (!second.ok) throw new Error(second.problem.message);
    await expect(fetch(`${first.server.baseUrl}/health`)).rejects.toThrow();
    await runner.stop();
    expect(runner.current()).toBeNull();
    await expect(fetch(`${second.server.baseUrl}/health`)).rejects.toThrow();
  });
});
