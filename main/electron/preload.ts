// Runs in the sandboxed dashboard page before its scripts. Exposes exactly the bridge of
// shared/protocol/ipc.ts: the admin URL and token (read once, synchronously, so the dashboard can
// connect on its first render), a few shell actions and the provider-key calls. No ipcRenderer, no Node,
// nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC_CHANNELS,
  type BridgeBootstrap,
  type ProviderKeyInfo,
  type ProviderKeyStorage,
  type SwitchboardBridge,
} from '../../shared/protocol/ipc';

const boot = ipcRenderer.sendSync(IPC_CHANNELS.getBootstrap) as BridgeBootstrap | null;

// Without a bootstrap (page not from our gateway) the bridge is simply absent and the dashboard falls
// back to what it does in a plain browser.
if (boot) {
  const invoke = (channel: string, ...args: unknown[]): Promise<void> =>
    ipcRenderer.invoke(channel, ...args).then(() => undefined);
  // The main process validates every argument; key names and values are passed as they are (no String()
  // coercion) so a missing value is rejected there instead of being stored as the text "undefined".
  const ask = <T>(channel: string, ...args: unknown[]): Promise<T> => ipcRenderer.invoke(channel, ...args) as Promise<T>;
  const bridge: SwitchboardBridge = {
    adminUrl: boot.adminUrl,
    adminToken: boot.adminToken,
    platform: boot.platform,
    openExternal: (url) => invoke(IPC_CHANNELS.openExternal, String(url)),
    openLogsFolder: () => invoke(IPC_CHANNELS.openLogsFolder),
    openConfigFile: () => invoke(IPC_CHANNELS.openConfigFile),
    setStartAtLogin: (enabled) => invoke(IPC_CHANNELS.setStartAtLogin, Boolean(enabled)),
    quit: () => invoke(IPC_CHANNELS.quit),
    listProviderKeys: () => ask<ProviderKeyInfo[]>(IPC_CHANNELS.listProviderKeys),
    setProviderKey: (name, value) => ask<ProviderKeyInfo>(IPC_CHANNELS.setProviderKey, name, value),
    deleteProviderKey: (name) => invoke(IPC_CHANNELS.deleteProviderKey, name),
    providerKeyStorage: () => ask<ProviderKeyStorage>(IPC_CHANNELS.providerKeyStorage),
  };
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
}
