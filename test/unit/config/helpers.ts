// Shared by the config tests: fixture paths, throwaway data dirs, and loadConfig with a clean env (the
// real process env must never leak into what a test expects).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { ConfigError, loadConfig } from '../../../main/core/config';
import type { ConfigFlags, GatewayConfig } from '../../../main/core/config';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/configs/', import.meta.url));

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Temp dirs removed after each test of the calling file. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-config-'));
    made.push(dir);
    return dir;
  };
}

export interface LoadArgs {
  flags?: ConfigFlags;
  env?: Record<string, string | undefined>;
  homeDir?: string;
  cwd?: string;
}

export function load(args: LoadArgs & { dataDir: string }): Promise<GatewayConfig> {
  return loadConfig({
    flags: { dataDir: args.dataDir, ...args.flags },
    env: args.env ?? {},
    platform: 'linux',
    homeDir: args.homeDir ?? args.dataDir,
    cwd: args.cwd ?? FIXTURES,
  });
}

export async function loadError(args: LoadArgs & { dataDir: string }): Promise<ConfigError> {
  const error: unknown = await load(args).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}
