// The "Provider keys" panel's calls to the app: load the storage state and the list, save, remove. Every
// call retries while the app's gateway restarts (lib/bridge-calls.ts). A value passes through `save` on
// its way to the bridge and is never put into React state: it lives in that call's closure only.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProviderKeyInfo, ProviderKeyStorage, SwitchboardBridge } from '../../../shared/protocol/ipc';
import { bridgeErrorText, callBridge } from '../lib/bridge-calls';

export type KeysBridge = Pick<SwitchboardBridge, 'listProviderKeys' | 'setProviderKey' | 'deleteProviderKey' | 'providerKeyStorage'>;

export interface KeyChange {
  kind: 'save' | 'remove';
  name: string;
}

export interface KeyOutcome extends KeyChange {
  /** of the stored value, for a save */
  fingerprint: string | null;
}

export interface ProviderKeysState {
  loading: boolean;
  loadError: string | null;
  storage: ProviderKeyStorage | null;
  keys: ProviderKeyInfo[];
  /** the change in flight: the app stores it, then restarts the gateway */
  pending: KeyChange | null;
  outcome: KeyOutcome | null;
  changeError: string | null;
}

export interface ProviderKeys extends ProviderKeysState {
  reload(): void;
  /** resolves true once stored (and the gateway restarted) */
  save(name: string, value: string): Promise<boolean>;
  remove(name: string): Promise<boolean>;
}

const INITIAL: ProviderKeysState = {
  loading: true,
  loadError: null,
  storage: null,
  keys: [],
  pending: null,
  outcome: null,
  changeError: null,
};

const sleep = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

function withKey(keys: ProviderKeyInfo[], info: ProviderKeyInfo): ProviderKeyInfo[] {
  return [...keys.filter((k) => k.name !== info.name), info].sort((a, b) => a.name.localeCompare(b.name));
}

export function useProviderKeys(bridge: KeysBridge): ProviderKeys {
  const [state, setState] = useState<ProviderKeysState>(INITIAL);
  // Aborted when the panel unmounts: retries stop and late answers are dropped. A reload has its own, so
  // it never cuts off a save in flight.
  const mounted = useRef<AbortController | null>(null);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    mounted.current = controller;
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const options = { sleep, signal: controller.signal };
    setState((s) => ({ ...s, loading: true, loadError: null }));
    Promise.all([
      callBridge(() => bridge.providerKeyStorage(), options),
      callBridge(() => bridge.listProviderKeys(), options),
    ]).then(
      ([storage, keys]) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false, storage, keys }));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false, loadError: bridgeErrorText(error) }));
      },
    );
    return () => controller.abort();
  }, [bridge, loads]);

  const change = useCallback(
    async (kind: KeyChange['kind'], name: string, run: () => Promise<ProviderKeyInfo | null>, secrets: string[]) => {
      const current = mounted.current?.signal;
      if (!current || current.aborted) return false;
      setState((s) => ({ ...s, pending: { kind, name }, outcome: null, changeError: null }));
      try {
        const info = await callBridge(run, { sleep, signal: current });
        // the list is the app's word on what is stored; the answer itself is the fallback
        const keys = await callBridge(() => bridge.listProviderKeys(), { sleep, signal: current }).catch(() => null);
        if (current.aborted) return true;
        setState((s) => ({
          ...s,
          pending: null,
          keys: keys ?? (info ? withKey(s.keys, info) : s.keys.filter((k) => k.name !== name)),
          outcome: { kind, name, fingerprint: info?.fingerprint ?? null },
        }));
        return true;
      } catch (error) {
        if (!current.aborted) setState((s) => ({ ...s, pending: null, changeError: bridgeErrorText(error, secrets) }));
        return false;
      }
    },
    [bridge],
  );

  const save = useCallback(
    (name: string, value: string) => change('save', name, () => bridge.setProviderKey(name, value), [value]),
    [bridge, change],
  );
  const remove = useCallback(
    (name: string) => change('remove', name, () => bridge.deleteProviderKey(name).then(() => null), []),
    [bridge, change],
  );
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  return { ...state, reload, save, remove };
}
