// Provider keys through an injected safeStorage stand-in (fixtures/fake-keychain.ts: really encrypts) and
// the same conf file store electron-store uses: encrypted at rest, never logged.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../main/core/events/fingerprint';
import type { SafeStorageLike } from '../../../main/electron/facade-types';
import { overlayEnv } from '../../../main/electron/secrets/env-overlay';
import { createSecretStore, isStorableKeyName, SECRETS_FILE_NAME, type SecretFile } from '../../../main/electron/secrets/secret-store';
import { fakeKeychain } from './fixtures/fake-keychain';

const ANTHROPIC = 'sk-ant-api03-very-secret-value-0123456789';
const OPENAI = 'sk-proj-another-secret-value-9876543210';

describe('secret store', () => {
  let dir: string;
  let lines: string[];
  let file: SecretFile;
  const logger = () =>
    pino(
      { level: 'trace' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-secrets-'));
    lines = [];
    file = new Conf({ cwd: dir, configName: SECRETS_FILE_NAME });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips keys while the file holds only ciphertext and the log only names and fingerprints', async () => {
    const safeStorage = fakeKeychain({ backend: 'gnome_libsecret' });
    const store = createSecretStore({ file, safeStorage, fingerprint, logger: logger() });
    expect(store.unavailableReason()).toBeNull();
    expect(store.setKey('ANTHROPIC_API_KEY', `  ${ANTHROPIC}\n`)).toEqual({ name: 'ANTHROPIC_API_KEY', fingerprint: fingerprint(ANTHROPIC) });
    store.setKey('OPENAI_API_KEY', OPENAI);

    const reopened = createSecretStore({ file: new Conf({ cwd: dir, configName: SECRETS_FILE_NAME }), safeStorage, fingerprint });
    expect(reopened.decryptAll()).toEqual({ keys: { ANTHROPIC_API_KEY: ANTHROPIC, OPENAI_API_KEY: OPENAI }, problems: [] });
    expect(reopened.listKeys()).toEqual([
      { name: 'ANTHROPIC_API_KEY', fingerprint: fingerprint(ANTHROPIC) },
      { name: 'OPENAI_API_KEY', fingerprint: fingerprint(OPENAI) },
    ]);

    const onDisk = await readFile(join(dir, `${SECRETS_FILE_NAME}.json`), 'utf8');
    for (const secret of [ANTHROPIC, OPENAI]) {
      expect(onDisk).not.toContain(secret);
      expect(onDisk).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(onDisk).toContain('ANTHROPIC_API_KEY');
    const log = lines.join('');
    expect(log).toContain(fingerprint(ANTHROPIC));
    expect(log).not.toContain(ANTHROPIC);
    expect(log).not.toContain(OPENAI);
  });

  it('deletes keys', () => {
    const store = createSecretStore({ file, safeStorage: fakeKeychain(), fingerprint });
    store.setKey('GEMINI_API_KEY', 'AIza-secret-gemini-key-123');
    expect(store.deleteKey('GEMINI_API_KEY')).toBe(true);
    expect(store.deleteKey('GEMINI_API_KEY')).toBe(false);
    expect(store.decryptAll().keys).toEqual({});
  });

  it('refuses to store without real encryption (no keychain, or Linux basic_text)', () => {
    const none: SafeStorageLike = { ...fakeKeychain(), isEncryptionAvailable: () => false };
    expect(() => createSecretStore({ file, safeStorage: none, fingerprint }).setKey('OPENAI_API_KEY', OPENAI)).toThrow(/keychain/);
    const basic = createSecretStore({ file, safeStorage: fakeKeychain({ backend: 'basic_text' }), fingerprint });
    expect(basic.unavailableReason()).toMatch(/keyring/);
    expect(() => basic.setKey('OPENAI_API_KEY', OPENAI)).toThrow(/environment variables/);
    expect(JSON.stringify(file.get('providerKeys') ?? {})).not.toContain(OPENAI);
  });

  it('only takes credential-like variable names, and never echoes the value in errors', () => {
    const store = createSecretStore({ file, safeStorage: fakeKeychain(), fingerprint });
    for (const name of ['PATH', 'NODE_OPTIONS', 'anthropic_api_key', 'LD_PRELOAD', 'X_API_KEY; rm']) {
      expect(isStorableKeyName(name), name).toBe(false);
      let message = '';
      try {
        store.setKey(name, OPENAI);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/not a key variable name/);
      expect(message).not.toContain(OPENAI);
    }
    expect(['ANTHROPIC_API_KEY', 'SUPERMEMORY_API_KEY', 'GITHUB_TOKEN', 'SWITCHBOARD_MASTER_KEY'].every(isStorableKeyName)).toBe(true);
    expect(() => store.setKey('OPENAI_API_KEY', '   ')).toThrow(/empty/);
  });

  it('reports keys it can no longer decrypt (keychain changed) without failing the rest', () => {
    const safeStorage = fakeKeychain();
    const store = createSecretStore({ file, safeStorage, fingerprint, logger: logger() });
    store.setKey('ANTHROPIC_API_KEY', ANTHROPIC);
    safeStorage.rotate();
    store.setKey('OPENAI_API_KEY', OPENAI);
    const result = store.decryptAll();
    expect(result.keys).toEqual({ OPENAI_API_KEY: OPENAI });
    expect(result.problems).toEqual(['stored ANTHROPIC_API_KEY cannot be decrypted (the keychain changed?); enter it again']);
  });

  it('lists a key it can no longer decrypt as unreadable (no fingerprint) instead of dropping it; entering it again fixes it', () => {
    const safeStorage = fakeKeychain();
    const store = createSecretStore({ file, safeStorage, fingerprint, logger: logger() });
    store.setKey('ANTHROPIC_API_KEY', ANTHROPIC);
    store.setKey('OPENAI_API_KEY', OPENAI);
    safeStorage.rotate();
    store.setKey('OPENAI_API_KEY', OPENAI);
    expect(store.listKeys()).toEqual([
      { name: 'ANTHROPIC_API_KEY', fingerprint: '', unreadable: true },
      { name: 'OPENAI_API_KEY', fingerprint: fingerprint(OPENAI) },
    ]);
    store.setKey('ANTHROPIC_API_KEY', ANTHROPIC);
    expect(store.listKeys()).toEqual([
      { name: 'ANTHROPIC_API_KEY', fingerprint: fingerprint(ANTHROPIC) },
      { name: 'OPENAI_API_KEY', fingerprint: fingerprint(OPENAI) },
    ]);
  });
});

describe('env overlay for loadConfig', () => {
  it('adds app keys on top of the env without touching the env object; env-only keys still work', () => {
    const env = { PATH: '/usr/bin', OPENAI_API_KEY: 'sk-from-env', GEMINI_API_KEY: 'from-env-gemini' };
    const result = overlayEnv(env, { OPENAI_API_KEY: OPENAI, ANTHROPIC_API_KEY: ANTHROPIC });
    expect(result.env).toEqual({ PATH: '/usr/bin', OPENAI_API_KEY: OPENAI, GEMINI_API_KEY: 'from-env-gemini', ANTHROPIC_API_KEY: ANTHROPIC });
    expect(result.fromApp).toEqual(['ANTHROPIC_API_KEY', 'OPENAI_API_KEY']);
    expect(result.overridden).toEqual(['OPENAI_API_KEY']);
    expect(env.OPENAI_API_KEY).toBe('sk-from-env');
  });
});
