// The main-process side of the preload bridge (shared/protocol/ipc.ts). Every handler first checks that
// the caller is a frame of our dashboard (same origin as the running gateway): the bootstrap hands out
// the admin token, and a page that got into the window some other way must not get it. Errors reach the
// page as rejected promises carrying the message only (Electron's ipcMain.handle contract).
import { IPC_CHANNELS, type BridgeBootstrap, type ProviderKeyInfo, type ProviderKeyStorage } from '../../shared/protocol/ipc';
import type { ElectronFacade, IpcCaller } from './facade-types';
import { parseKeyName, parseKeyValue, type KeyInput } from './secrets/key-input';
import { isExternalWebUrl, originOf } from './window/window-security';

export interface IpcActions {
  /** admin URL and token of the running gateway, or null when none runs */
  bootstrap(): Omit<BridgeBootstrap, 'platform'> | null;
  openExternal(url: string): Promise<void>;
  openLogsFolder(): Promise<void>;
  openConfigFile(): Promise<void>;
  setStartAtLogin(enabled: boolean): Promise<void>;
  quit(): Promise<void>;
  listProviderKeys(): ProviderKeyInfo[];
  providerKeyStorage(): ProviderKeyStorage;
  /** `value` arrives trimmed and validated */
  setProviderKey(name: string, value: string): Promise<ProviderKeyInfo>;
  deleteProviderKey(name: string): Promise<void>;
}

export class IpcRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRejected';
  }
}

function accepted<T>(input: KeyInput<T>): T {
  if (!input.ok) throw new IpcRejected(input.problem);
  return input.value;
}

export function isDashboardCaller(caller: IpcCaller, adminUrl: string | null): boolean {
  if (!caller.senderUrl || !adminUrl) return false;
  const origin = originOf(caller.senderUrl);
  return origin !== null && origin === originOf(adminUrl);
}

export function registerIpcHandlers(
  facade: Pick<ElectronFacade, 'handleIpc' | 'handleIpcSync' | 'platform'>,
  actions: IpcActions,
): void {
  const guard = (caller: IpcCaller): void => {
    const adminUrl = actions.bootstrap()?.adminUrl ?? null;
    // While the gateway restarts (after a key change, say) there is no dashboard origin to compare with;
    // refuse, but say why, so the dashboard can retry instead of reporting an attack.
    if (!adminUrl) throw new IpcRejected('the gateway is not running (it may be restarting); try again once it is back');
    if (!isDashboardCaller(caller, adminUrl)) throw new IpcRejected('not called from the Switchboard dashboard');
  };

  facade.handleIpcSync(IPC_CHANNELS.getBootstrap, (caller): BridgeBootstrap | null => {
    const boot = actions.bootstrap();
    if (!boot || !isDashboardCaller(caller, boot.adminUrl)) return null;
    return { ...boot, platform: facade.platform };
  });
  facade.handleIpc(IPC_CHANNELS.openExternal, async (caller, url) => {
    guard(caller);
    if (typeof url !== 'string' || !isExternalWebUrl(url)) throw new IpcRejected('only http(s) links open externally');
    await actions.openExternal(url);
  });
  facade.handleIpc(IPC_CHANNELS.openLogsFolder, async (caller) => {
    guard(caller);
    await actions.openLogsFolder();
  });
  facade.handleIpc(IPC_CHANNELS.openConfigFile, async (caller) => {
    guard(caller);
    await actions.openConfigFile();
  });
  facade.handleIpc(IPC_CHANNELS.setStartAtLogin, async (caller, enabled) => {
    guard(caller);
    if (typeof enabled !== 'boolean') throw new IpcRejected('setStartAtLogin takes a boolean');
    await actions.setStartAtLogin(enabled);
  });
  facade.handleIpc(IPC_CHANNELS.quit, async (caller) => {
    guard(caller);
    await actions.quit();
  });
  facade.handleIpc(IPC_CHANNELS.listProviderKeys, async (caller) => {
    guard(caller);
    return actions.listProviderKeys();
  });
  facade.handleIpc(IPC_CHANNELS.providerKeyStorage, async (caller) => {
    guard(caller);
    return actions.providerKeyStorage();
  });
  facade.handleIpc(IPC_CHANNELS.setProviderKey, async (caller, name, value) => {
    guard(caller);
    const checkedName = accepted(parseKeyName(name));
    return actions.setProviderKey(checkedName, accepted(parseKeyValue(checkedName, value)));
  });
  facade.handleIpc(IPC_CHANNELS.deleteProviderKey, async (caller, name) => {
    guard(caller);
    await actions.deleteProviderKey(accepted(parseKeyName(name)));
  });
}
