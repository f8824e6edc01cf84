// What the dashboard's provider-key calls do: store or remove through the secret store, then restart the
// gateway so the env overlay it starts with changes (the runner's restart is a graceful stop, so requests
// in flight finish on the old keys). Arguments arrive validated (ipc-handlers.ts). Values go to the
// keychain and nowhere else: what comes back, and every message, carries names and fingerprints only.
import type { ProviderKeyInfo, ProviderKeyStorage } from '../../shared/protocol/ipc';
import { withoutValues } from './secrets/key-input';
import { SecretStoreError, type SecretStore } from './secrets/secret-store';

export interface ProviderKeyChange {
  name: string;
  change: 'stored' | 'removed';
  /** text that must not appear in what the restart reports (the value just entered) */
  secrets: string[];
}

export interface ProviderKeyActionsDeps {
  store: Pick<SecretStore, 'unavailableReason' | 'setKey' | 'deleteKey' | 'listKeys'>;
  /**
   * Restarts the gateway for a key change. Never rejects: a failed start is the shell's to show (tray,
   * notification), and the key stays stored either way.
   */
  restartGateway(change: ProviderKeyChange): Promise<void>;
}

export interface ProviderKeyActions {
  list(): ProviderKeyInfo[];
  storage(): ProviderKeyStorage;
  /** `value` trimmed and validated; resolves once the gateway restarted (or failed to) */
  set(name: string, value: string): Promise<ProviderKeyInfo>;
  /** removing a key that is not stored changes nothing and restarts nothing */
  remove(name: string): Promise<void>;
}

export function createProviderKeyActions(deps: ProviderKeyActionsDeps): ProviderKeyActions {
  const { store } = deps;
  // Key changes restart one after another, in the order they were made, so the last change's restart
  // is the one that ends up running and its notification comes last.
  let restarts: Promise<void> = Promise.resolve();
  const restart = (change: ProviderKeyChange): Promise<void> => {
    const run = restarts.then(() => deps.restartGateway(change));
    restarts = run.catch(() => undefined);
    return run;
  };

  return {
    list: () => store.listKeys().map(({ name, fingerprint, unreadable }) => ({ name, fingerprint, ...(unreadable ? { unreadable } : {}) })),
    storage() {
      const reason = store.unavailableReason();
      return { available: reason === null, reason };
    },
    async set(name, value) {
      let info: ProviderKeyInfo;
      try {
        info = store.setKey(name, value);
      } catch (error) {
        if (error instanceof SecretStoreError) throw error;
        // The keychain or the file write failed: their messages are not ours, so make sure the value
        // cannot ride along in one.
        const message = error instanceof Error ? error.message : String(error);
        throw new SecretStoreError(`${name} could not be stored: ${withoutValues(message, [value])}`);
      }
      await restart({ name, change: 'stored', secrets: [value] });
      return { name: info.name, fingerprint: info.fingerprint };
    },
    async remove(name) {
      if (!store.deleteKey(name)) return;
      await restart({ name, change: 'removed', secrets: [] });
    },
  };
}
