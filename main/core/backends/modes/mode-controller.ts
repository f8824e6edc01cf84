// Which backend new requests go to, and the switches between them. A switch readies the target first
// (the binary backend starts its child and waits for readiness) and only then routes new requests to it;
// requests already handed to the old backend finish there. A failed switch changes nothing.
import type { Logger } from 'pino';
import { GatewayError, isGatewayError } from '../../../../shared/errors';
import type { ErrorCode } from '../../../../shared/errors';
import type { ModeResult } from '../../../../shared/protocol/admin-api';
import type { GatewayEventBody } from '../../../../shared/protocol/events';
import type { Mode, ModeState, ModeSwitch, ModeSwitchKind } from '../../../../shared/protocol/records';
import type { Backend } from '../backend';
import type { ModeStore } from './mode-store';

export interface ModeControllerOptions {
  backends: Record<Mode, Backend>;
  /** mode from flags/config; `explicit` wins over the persisted one */
  initial: { mode: Mode; explicit: boolean };
  store: ModeStore;
  /** keep the binary child running after leaving binary mode (instant rollback) */
  keepWarm: boolean;
  now: () => number;
  emit: (body: GatewayEventBody) => void;
  logger: Logger;
}

export interface ModeController {
  current(): Backend;
  state(): ModeState;
  start(): Promise<void>;
  setMode(mode: Mode): Promise<ModeResult>;
  rollback(): Promise<ModeResult>;
  /** the active backend failed for good (crash loop): go back to sdk and say why */
  fallback(from: Mode, reason: string): Promise<void>;
  stop(graceMs: number): Promise<void>;
}

const other = (mode: Mode): Mode => (mode === 'sdk' ? 'binary' : 'sdk');

export function createModeController(options: ModeControllerOptions): ModeController {
  const { backends, store, now, emit, logger } = options;
  let mode: Mode = options.initial.mode;
  let previous: Mode | null = null;
  let switching: Mode | null = null;
  let lastSwitch: ModeSwitch | null = null;

  const state = (): ModeState => ({
    mode,
    previous,
    switching,
    lastSwitch,
    backends: { sdk: backends.sdk.state(), binary: backends.binary.state() },
  });
  const changed = () => emit({ type: 'mode.changed', mode: state() });
  const persist = () => store.save({ mode, previous }).catch((error: Error) => logger.warn({ err: error }, 'could not persist the mode'));
  const result = (ok: boolean, error: GatewayError | null): ModeResult => ({
    ok,
    mode: state(),
    error: error ? { code: error.code, message: error.message } : null,
  });
  const record = (kind: ModeSwitchKind, from: Mode | null, to: Mode, ok: boolean, reason: string | null) => {
    lastSwitch = { kind, from, to, at: now(), ok, reason };
  };
  const leave = (backend: Backend) => {
    // the old backend drains its in-flight requests before it stops (binary: unless kept warm)
    if (backend.kind === 'binary' && !options.keepWarm) {
      backend.stop(Number.POSITIVE_INFINITY).catch((error: Error) => logger.warn({ err: error }, 'stopping the binary backend failed'));
    }
  };

  async function switchTo(target: Mode, kind: ModeSwitchKind): Promise<ModeResult> {
    if (switching) return result(false, new GatewayError('MODE_SWITCH_BUSY', `A switch to ${switching} is under way`));
    if (target === mode) return result(true, null);
    const from = mode;
    switching = target;
    changed();
    try {
      await backends[target].start();
    } catch (error) {
      const failure = asSwitchError(error, target);
      switching = null;
      record(kind, from, target, false, failure.message);
      changed();
      emit({ type: 'notice', level: 'error', code: failure.code, message: `Switch to ${target} failed; staying on ${from}: ${failure.message}` });
      return result(false, failure);
    }
    previous = from;
    mode = target;
    switching = null;
    record(kind, from, target, true, null);
    changed();
    // answered only once the mode is on disk: a restart right after a 200 must not bring the old mode back
    await persist();
    leave(backends[from]);
    return result(true, null);
  }

  return {
    current: () => backends[mode],
    state,
    async start() {
      const persisted = await store.load();
      if (!options.initial.explicit && persisted) {
        mode = persisted.mode;
        previous = persisted.previous;
      }
      await backends.sdk.start();
      if (mode === 'binary') {
        try {
          await backends.binary.start();
          record('startup', null, 'binary', true, null);
        } catch (error) {
          const failure = asSwitchError(error, 'binary');
          mode = 'sdk';
          previous = 'binary';
          record('fallback', 'binary', 'sdk', true, failure.message);
          emit({ type: 'notice', level: 'error', code: failure.code, message: `Binary mode could not start; running in SDK mode: ${failure.message}` });
        }
      } else {
        record('startup', null, 'sdk', true, null);
      }
      changed();
    },
    setMode: (target) => switchTo(target, 'switch'),
    rollback() {
      if (!previous) return Promise.resolve(result(false, new GatewayError('NO_PREVIOUS_MODE', 'There is no previous mode to roll back to')));
      return switchTo(previous, 'rollback');
    },
    async fallback(from, reason) {
      if (mode !== from || from === 'sdk') return;
      const target = other(from);
      previous = from;
      mode = target;
      switching = null;
      record('fallback', from, target, true, reason);
      changed();
      await persist();
      emit({ type: 'notice', level: 'error', code: 'BINARY_CRASH_LOOP', message: `Fell back to ${target} mode: ${reason}` });
    },
    async stop(graceMs) {
      await Promise.allSettled([backends.sdk.stop(graceMs), backends.binary.stop(graceMs)]);
    },
  };
}

function asSwitchError(error: unknown, target: Mode): GatewayError {
  if (isGatewayError(error)) return error;
  const code: ErrorCode = 'MODE_SWITCH_FAILED';
  return new GatewayError(code, `Could not start the ${target} backend: ${(error as Error).message ?? String(error)}`, { cause: error });
}
