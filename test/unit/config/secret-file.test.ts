import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ensureSecretFile, generateSecret } from '../../../main/core/config';
import { useTempDirs } from './helpers';

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('ensureSecretFile', () => {
  const tempDir = useTempDirs();

  posixOnly('creates missing folders and writes the secret with mode 0600', async () => {
    const file = path.join(await tempDir(), 'nested', 'deeper', 'master-key');
    const result = await ensureSecretFile(file, () => 'sk-sb-first');
    expect(result).toEqual({ value: 'sk-sb-first', created: true });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe('sk-sb-first');
  });

  it('returns the stored value on later calls without generating again', async () => {
    const file = path.join(await tempDir(), 'admin-token');
    await ensureSecretFile(file, () => 'one');
    let generated = 0;
    const again = await ensureSecretFile(file, () => {
      generated += 1;
      return 'two';
    });
    expect(again.value).toBe('one');
    expect(again.created).toBe(false);
    expect(generated).toBe(0);
  });

  it('lets exactly one of several concurrent creators win, and all see its value', async () => {
    const file = path.join(await tempDir(), 'master-key');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => ensureSecretFile(file, () => `candidate-${i}`)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.value)).size).toBe(1);
    expect((await readFile(file, 'utf8')).trim()).toBe(results[0]?.value);
  });

  posixOnly('narrows a too-open mode on an existing file', async () => {
    const file = path.join(await tempDir(), 'master-key');
    await writeFile(file, 'sk-user-chosen\n');
    await chmod(file, 0o644);
    const result = await ensureSecretFile(file, () => 'unused');
    expect(result).toEqual({ value: 'sk-user-chosen', created: false, modeFixed: true });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses an empty file instead of guessing', async () => {
    const file = path.join(await tempDir(), 'master-key');
    await writeFile(file, '  \n', { mode: 0o600 });
    const error = await ensureSecretFile(file, () => 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(file);
    expect((error as Error).message).toContain('is empty');
  });
});

describe('generateSecret', () => {
  it('is the prefix plus 32 base62 characters, different each time', () => {
    const a = generateSecret('sk-sb-');
    const b = generateSecret('sk-sb-');
    expect(a).toMatch(/^sk-sb-[A-Za-z0-9]{32}$/);
    expect(a).not.toBe(b);
  });
});
