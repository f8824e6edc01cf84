// Runs in the sandboxed dashboard page before its scripts. Exposes exactly the bridge of
// shared/protocol/ipc.ts: the admin URL and token (read once, synchronously, so the dashboard can
// connect on its first render) and a few shell actions. No ipcRenderer, no Node, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_CHANNELS, type BridgeBootstrap, type SwitchboardBridge } from '../../shared/protocol/ipc';

const boot = ipcRenderer.sendSync(IPC_CHANNELS.getBootstrap) as BridgeBootstrap | null;

// Without a bootstrap (page not from our gateway) the bridge is simply absent and the dashboard falls
// back to what it does in a plain browser.
if (boot) {
  const invoke = (channel: string, ...args: unknown[]): Promise<void> =>
    ipcRenderer.invoke(channel, ...args).then(() => undefined);
  const bridge: SwitchboardBridge = {
    adminUrl: boot.adminUrl,
    adminToken: boot.adminToken,
    platform: boot.platform,
    openExternal: (url) => invoke(IPC_CHANNELS.openExternal, String(url)),
    openLogsFolder: () => invoke(IPC_CHANNELS.openLogsFolder),
    openConfigFile: () => invoke(IPC_CHANNELS.openConfigFile),
    setStartAtLogin: (enabled) => invoke(IPC_CHANNELS.setStartAtLogin, Boolean(enabled)),
    quit: () => invoke(IPC_CHANNELS.quit),
  };
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
}
