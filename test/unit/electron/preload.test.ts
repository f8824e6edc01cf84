// The preload, bundled the way scripts/build.mjs bundles it, run against a stand-in for Electron's
// renderer modules: it exposes exactly the shared bridge, and a sandboxed preload can load it (it
// requires nothing but 'electron').
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, IPC_CHANNELS, type BridgeBootstrap, type SwitchboardBridge } from '../../../shared/protocol/ipc';

const root = resolve(__dirname, '../../..');
let bundle: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(root, 'main', 'electron', 'preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]?.text ?? '';
}, 60_000);

interface Loaded {
  exposed: Record<string, unknown>;
  invoked: unknown[][];
  requires: string[];
}

function load(bootstrap: BridgeBootstrap | null, answers: Record<string, unknown> = {}): Loaded {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const requires: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) },
    ipcRenderer: {
      sendSync: (channel: string) => (channel === IPC_CHANNELS.getBootstrap ? bootstrap : undefined),
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        const channel = String(args[0]);
        return Promise.resolve(channel in answers ? answers[channel] : 'main-process-internal-value');
      },
    },
  };
  const module = { exports: {} };
  runInNewContext(bundle, {
    module,
    exports: module.exports,
    require: (name: string) => {
      requires.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    },
  });
  return { exposed, invoked, requires };
}

const boot: BridgeBootstrap = { adminUrl: 'http://127.0.0.1:8765', adminToken: 'sbat-token-123', platform: 'darwin' };

describe('preload bridge', () => {
  it('exposes exactly the shared SwitchboardBridge under window.switchboard', () => {
    const { exposed, requires } = load(boot);
    expect(Object.keys(exposed)).toEqual([BRIDGE_GLOBAL]);
    const bridge = exposed[BRIDGE_GLOBAL] as SwitchboardBridge;
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'adminToken',
        'adminUrl',
        'deleteProviderKey',
        'listProviderKeys',
        'openConfigFile',
        'openExternal',
        'openLogsFolder',
        'platform',
        'providerKeyStorage',
        'quit',
        'setProviderKey',
        'setStartAtLogin',
      ].sort(),
    );
    expect(bridge).toMatchObject(boot);
    expect(requires).toEqual(['electron']);
  });

  it('maps each action to its IPC channel and hands back nothing from the main process', async () => {
    const { exposed, invoked } = load(boot);
    const bridge = exposed[BRIDGE_GLOBAL] as SwitchboardBridge;
    expect(await bridge.openExternal('https://docs.litellm.ai/')).toBeUndefined();
    await bridge.openLogsFolder();
    await bridge.openConfigFile();
    await bridge.setStartAtLogin(1 as unknown as boolean);
    await bridge.quit();
    expect(invoked).toEqual([
      [IPC_CHANNELS.openExternal, 'https://docs.litellm.ai/'],
      [IPC_CHANNELS.openLogsFolder],
      [IPC_CHANNELS.openConfigFile],
      [IPC_CHANNELS.setStartAtLogin, true],
      [IPC_CHANNELS.quit],
    ]);
  });

  it('passes provider keys through unchanged and hands back what the main process answers for them', async () => {
    const info = { name: 'ANTHROPIC_API_KEY', fingerprint: 'sha256:1a2b3c4d' };
    const storage = { available: false, reason: 'no keyring' };
    const { exposed, invoked } = load(boot, {
      [IPC_CHANNELS.listProviderKeys]: [info],
      [IPC_CHANNELS.setProviderKey]: info,
      [IPC_CHANNELS.providerKeyStorage]: storage,
    });
    const bridge = exposed[BRIDGE_GLOBAL] as SwitchboardBridge;
    expect(await bridge.listProviderKeys()).toEqual([info]);
    expect(await bridge.setProviderKey('ANTHROPIC_API_KEY', ' sk-ant-value ')).toEqual(info);
    // No coercion here: a missing value must reach the main process as missing, to be rejected there.
    await bridge.setProviderKey('OPENAI_API_KEY', undefined as unknown as string);
    expect(await bridge.deleteProviderKey('ANTHROPIC_API_KEY')).toBeUndefined();
    expect(await bridge.providerKeyStorage()).toEqual(storage);
    expect(invoked).toEqual([
      [IPC_CHANNELS.listProviderKeys],
      [IPC_CHANNELS.setProviderKey, 'ANTHROPIC_API_KEY', ' sk-ant-value '],
      [IPC_CHANNELS.setProviderKey, 'OPENAI_API_KEY', undefined],
      [IPC_CHANNELS.deleteProviderKey, 'ANTHROPIC_API_KEY'],
      [IPC_CHANNELS.providerKeyStorage],
    ]);
  });

  it('exposes nothing when the main process gives no bootstrap (a page not from our gateway)', () => {
    expect(load(null).exposed).toEqual({});
  });
});
