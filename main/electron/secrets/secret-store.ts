// Provider API keys entered in the app, encrypted with the OS keychain through Electron's safeStorage and
// kept as base64 ciphertext in their own store file (<userData>/secrets.json), apart from settings so a
// reset of one never touches the other. Plain text exists only in memory, on its way to the gateway's env.
// Nothing here logs or throws a key: messages name the variable and its fingerprint only.
import type { Logger } from 'pino';
import { PROVIDER_KEY_NAME } from '../../../shared/protocol/ipc';
import type { SafeStorageLike } from '../facade-types';

/** The slice of electron-store the secret store uses. */
export interface SecretFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface SecretStoreOptions {
  file: SecretFile;
  safeStorage: SafeStorageLike;
  fingerprint(secret: string): string;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

export interface StoredKeyInfo {
  name: string;
  /** '' when the stored value cannot be decrypted */
  fingerprint: string;
  /** stored, but the keychain can no longer decrypt it (reset, another user): enter it again */
  unreadable?: true;
}

export interface DecryptedKeys {
  keys: Record<string, string>;
  /** one line per key that could not be decrypted (keychain reset, copied from another machine) */
  problems: string[];
}

export interface SecretStore {
  /** why keys cannot be stored here, or null when they can */
  unavailableReason(): string | null;
  setKey(name: string, value: string): StoredKeyInfo;
  deleteKey(name: string): boolean;
  listKeys(): StoredKeyInfo[];
  decryptAll(): DecryptedKeys;
}

export class SecretStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

export const SECRETS_FILE_NAME = 'secrets';
const KEYS_FIELD = 'providerKeys';

/**
 * Only environment-variable names that look like credentials can be stored: the keys become env vars of
 * the gateway, and a stored PATH or NODE_OPTIONS would be a way to change what the app runs.
 */
const KEY_NAME = PROVIDER_KEY_NAME;

export function isStorableKeyName(name: string): boolean {
  return KEY_NAME.test(name);
}

export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const { file, safeStorage, fingerprint, logger } = options;

  const readField = (): Record<string, string> => {
    const raw = file.get(KEYS_FIELD);
    if (!raw || typeof raw !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === 'string' && isStorableKeyName(name)) out[name] = value;
    }
    return out;
  };

  const unavailableReason = (): string | null => {
    if (!safeStorage.isEncryptionAvailable()) {
      return 'the OS keychain is not available, so keys cannot be stored encrypted; set them as environment variables instead';
    }
    // On Linux without a keyring Electron falls back to a hard-coded password: that is obfuscation,
    // not encryption, so we refuse rather than store keys that any local process could read.
    if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'no keyring (GNOME Keyring, KWallet) is running, so keys cannot be stored encrypted; set them as environment variables instead';
    }
    return null;
  };

  return {
    unavailableReason,
    setKey(name, value) {
      if (!isStorableKeyName(name)) {
        throw new SecretStoreError(`"${name}" is not a key variable name (expected e.g. ANTHROPIC_API_KEY)`);
      }
      const trimmed = value.trim();
      if (!trimmed) throw new SecretStoreError(`the value for ${name} is empty`);
      const reason = unavailableReason();
      if (reason) throw new SecretStoreError(reason);
      const cipher = safeStorage.encryptString(trimmed).toString('base64');
      file.set(KEYS_FIELD, { ...readField(), [name]: cipher });
      const info = { name, fingerprint: fingerprint(trimmed) };
      logger?.info(info, 'provider key stored (encrypted)');
      return info;
    },
    deleteKey(name) {
      const current = readField();
      if (!(name in current)) return false;
      delete current[name];
      file.set(KEYS_FIELD, current);
      logger?.info({ name }, 'provider key removed');
      return true;
    },
    listKeys() {
      // Every stored name is listed: one that cannot be decrypted shows as unreadable, so the user can
      // enter it again (or remove it) instead of watching it vanish.
      const { keys } = decrypt();
      return Object.keys(readField())
        .sort()
        .map((name) => {
          const value = keys[name];
          return value === undefined ? { name, fingerprint: '', unreadable: true as const } : { name, fingerprint: fingerprint(value) };
        });
    },
    decryptAll: () => decrypt(),
  };

  function decrypt(): DecryptedKeys {
    const stored = readField();
    const keys: Record<string, string> = {};
    const problems: string[] = [];
    if (Object.keys(stored).length === 0) return { keys, problems };
    if (!safeStorage.isEncryptionAvailable()) {
      problems.push(`${Object.keys(stored).length} stored key(s) cannot be read: the OS keychain is not available`);
      return { keys, problems };
    }
    for (const [name, cipher] of Object.entries(stored)) {
      try {
        keys[name] = safeStorage.decryptString(Buffer.from(cipher, 'base64'));
      } catch {
        problems.push(`stored ${name} cannot be decrypted (the keychain changed?); enter it again`);
      }
    }
    if (problems.length > 0) logger?.warn({ problems }, 'some stored provider keys are unreadable');
    return { keys, problems };
  }
}
