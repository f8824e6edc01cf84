// The switchboard: section, its defaults, and flags/env overriding it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../../main/core/config/byte-size';
import type { SwitchboardSettings } from '../../../main/core/config';
import { fixture, load, useTempDirs } from './helpers';

const DEFAULTS: Omit<SwitchboardSettings, 'dataDir'> = {
  host: '127.0.0.1',
  port: 8765,
  mode: 'sdk',
  modeExplicit: false,
  bodyLimitBytes: 32 * 1024 * 1024,
  allowedHosts: [],
  supermemoryBaseUrl: 'https://api.supermemory.ai',
  supermemoryApiKey: null,
  upstream: {
    connectTimeoutMs: 10_000,
    headersTimeoutMs: 300_000,
    bodyTimeoutMs: 300_000,
    keepAliveTimeoutMs: 30_000,
    maxConcurrencyPerUpstream: 16,
    retries: 2,
    retryBaseDelayMs: 500,
    maxRetryAfterMs: 30_000,
    maxSseEventBytes: 1024 * 1024,
  },
  log: { maxEntries: 5000, jsonlMaxBytes: 10 * 1024 * 1024, jsonlFiles: 3, bodyCaptureEntries: 200, bodyCaptureBytes: 65536, bodyCaptureTotalBytes: 8 * 1024 * 1024, level: 'info' },
  binary: {
    command: 'litellm', args: [], preferredPort: 0, readyTimeoutMs: 60_000, stopGraceMs: 5_000, keepWarm: false,
    pinnedVersion: '1.80.17', minVersion: '1.80.0', attachUrl: null, attachKey: null,
  },
  shutdownGraceMs: 10_000,
};

describe('switchboard settings', () => {
  const tempDir = useTempDirs();

  it('defaults when the file has no switchboard: section', async () => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture('missing-env.yaml') } });
    expect(config.switchboard).toEqual({ ...DEFAULTS, dataDir });
  });

  it('defaults when the section or a subsection is written empty', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'c.yaml');
    await writeFile(file, 'switchboard:\n  log:\n  upstream:\n');
    const config = await load({ dataDir, flags: { config: file } });
    expect(config.switchboard).toEqual({ ...DEFAULTS, dataDir });
  });

  it('maps every key of a full section (sizes with units, YAML 1.1 booleans, a numeric version)', async () => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture('switchboard-full.yaml') }, env: { ANTHROPIC_API_KEY: 'k' } });
    expect(config.switchboard).toEqual({
      host: 'localhost',
      port: 9876,
      mode: 'binary',
      modeExplicit: true,
      dataDir,
      bodyLimitBytes: 2 * 1024 * 1024,
      allowedHosts: ['switchboard.local'],
      supermemoryBaseUrl: 'http://127.0.0.1:9999',
      supermemoryApiKey: null,
      upstream: {
        connectTimeoutMs: 1000,
        headersTimeoutMs: 2000,
        bodyTimeoutMs: 3000,
        keepAliveTimeoutMs: 4000,
        maxConcurrencyPerUpstream: 4,
        retries: 0,
        retryBaseDelayMs: 10,
        maxRetryAfterMs: 20,
        maxSseEventBytes: 2 * 1024 * 1024,
      },
      log: { maxEntries: 100, jsonlMaxBytes: 1024, jsonlFiles: 5, bodyCaptureEntries: 7, bodyCaptureBytes: 1024, bodyCaptureTotalBytes: 2 * 1024 * 1024, level: 'debug' },
      binary: {
        command: '/opt/litellm/bin/litellm',
        args: ['--num_workers', '1'],
        preferredPort: 4100,
        readyTimeoutMs: 5000,
        stopGraceMs: 100,
        keepWarm: true,
        pinnedVersion: '1.8',
        minVersion: '1.80.0',
        attachUrl: null,
        attachKey: null,
      },
      shutdownGraceMs: 250,
    });
    expect(config.warnings).toEqual([]);
  });

  const overrides: Array<{ name: string; flags: Record<string, unknown>; env?: Record<string, string>; expected: Partial<SwitchboardSettings> }> = [
    { name: '--port, --host, --mode beat the file', flags: { port: 0, host: '127.0.0.2', mode: 'sdk' }, expected: { port: 0, host: '127.0.0.2', mode: 'sdk', modeExplicit: true } },
    { name: 'the file mode is explicit too', flags: {}, expected: { port: 9876, host: 'localhost', mode: 'binary', modeExplicit: true } },
    { name: 'SWITCHBOARD_LOG_LEVEL beats log.level', flags: {}, env: { SWITCHBOARD_LOG_LEVEL: 'WARN' }, expected: { log: { ...DEFAULTS.log, maxEntries: 100, jsonlMaxBytes: 1024, jsonlFiles: 5, bodyCaptureEntries: 7, bodyCaptureBytes: 1024, bodyCaptureTotalBytes: 2 * 1024 * 1024, level: 'warn' } } },
    { name: 'SUPERMEMORY_API_KEY is read from the env', flags: {}, env: { SUPERMEMORY_API_KEY: ' sm-key ' }, expected: { supermemoryApiKey: 'sm-key' } },
  ];
  it.each(overrides)('$name', async ({ flags, env, expected }) => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture('switchboard-full.yaml'), ...flags }, env });
    expect(config.switchboard).toMatchObject(expected);
  });

  it('mode is not explicit when neither a flag nor the file names it', async () => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture('missing-env.yaml'), port: 1234 } });
    expect(config.switchboard).toMatchObject({ mode: 'sdk', modeExplicit: false, port: 1234 });
  });

  it('warns once when the gateway would listen beyond loopback', async () => {
    const dataDir = await tempDir();
    const config = await load({ dataDir, flags: { config: fixture('missing-env.yaml'), host: '0.0.0.0' } });
    expect(config.warnings.filter((w) => w.startsWith('--host 0.0.0.0: the gateway is reachable from other machines'))).toHaveLength(1);
    const local = await load({ dataDir, flags: { config: fixture('missing-env.yaml'), host: '::1' } });
    expect(local.warnings.some((w) => w.includes('reachable from other machines'))).toBe(false);
  });
});

describe('parseByteSize', () => {
  const cases: Array<[string, number | null]> = [
    ['1024', 1024],
    ['32mb', 32 * 1024 * 1024],
    ['32MB', 32 * 1024 * 1024],
    ['512 kb', 512 * 1024],
    ['1.5kb', 1536],
    ['1gb', 1024 ** 3],
    ['10b', 10],
    ['', null],
    ['-1mb', null],
    ['ten mb', null],
    ['5tb', null],
  ];
  it.each(cases)('%s -> %s', (input, expected) => {
    expect(parseByteSize(input)).toBe(expected);
  });
});
