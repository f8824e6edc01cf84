// A mode switch is answered only once the new mode is on disk: otherwise a SIGTERM (or a crash) right
// after a 200 brings the old mode back at the next start.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { BackendState, Mode } from '../../../shared/protocol/records';
import type { Backend } from '../../../main/core/backends/backend';
import { createModeController } from '../../../main/core/backends/modes/mode-controller';
import type { PersistedMode } from '../../../main/core/backends/modes/mode-store';

function fakeBackend(kind: Mode): Backend {
  const state: BackendState = { kind, status: 'ready' } as BackendState;
  return {
    kind,
    start: async () => {},
    stop: async () => {},
    handle: async () => {},
    state: () => state,
    inFlight: () => 0,
  };
}

function heldStore() {
  const saved: PersistedMode[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    saved,
    release: () => release(),
    store: {
      load: async () => null,
      save: async (state: PersistedMode) => {
        await held;
        saved.push(state);
      },
    },
  };
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('mode persistence', () => {
  it('a switch resolves only after mode.json was written', async () => {
    const disk = heldStore();
    const modes = createModeController({
      backends: { sdk: fakeBackend('sdk'), binary: fakeBackend('binary') },
      initial: { mode: 'sdk', explicit: false },
      store: disk.store,
      keepWarm: false,
      now: () => 0,
      emit: () => {},
      logger: pino({ level: 'silent' }),
    });
    await modes.start();
    let answered = false;
    const switching = modes.setMode('binary').then((result) => {
      answered = true;
      return result;
    });
    // the backend is ready at once; only the held disk write may keep the answer back
    await turns(20);
    expect(answered).toBe(false);
    expect(disk.saved).toEqual([]);
    disk.release();
    expect((await switching).ok).toBe(true);
    expect(disk.saved).toEqual([{ mode: 'binary', previous: 'sdk' }]);
  });
});
