// Quitting is two-phase. Electron's before-quit is synchronous, but stopping the gateway is not (in-flight
// requests finish, the cookie jar is flushed, the legacy child is stopped), so the first before-quit is
// cancelled, the gateway stops, and the quit is issued again; the second one goes through. A gateway that
// hangs past the deadline does not keep the app alive: the quit proceeds anyway.
import type { Logger } from 'pino';

export type QuitState = 'running' | 'stopping' | 'done';

export interface QuitSequenceOptions {
  stopGateway(): Promise<void>;
  /** before stopping: the window may close for real now, the tray says "Stopping…" */
  beforeStop(): void;
  /** after the gateway stopped (or the deadline passed): tray removed, logs flushed */
  afterStop(): void;
  /** issues the real quit (app.quit) */
  quit(): void;
  /** the gateway's own shutdown grace plus a margin; read when the quit starts */
  deadlineMs(): number;
  /** runs fn after ms; returns a cancel function */
  setTimer(fn: () => void, ms: number): () => void;
  logger?: Pick<Logger, 'warn' | 'error' | 'info'>;
}

export interface QuitSequence {
  /** wire to Electron's before-quit */
  onBeforeQuit(preventQuit: () => void): void;
  state(): QuitState;
  /** resolves when the sequence has finished (tests, signal handlers) */
  finished(): Promise<void>;
}

export function createQuitSequence(options: QuitSequenceOptions): QuitSequence {
  let state: QuitState = 'running';
  let resolveFinished: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    resolveFinished = resolve;
  });

  const finish = (): void => {
    if (state === 'done') return;
    state = 'done';
    try {
      options.afterStop();
    } catch (error) {
      options.logger?.error({ err: error }, 'cleanup after stop failed');
    }
    resolveFinished();
    options.quit();
  };

  const run = (): void => {
    state = 'stopping';
    try {
      options.beforeStop();
    } catch (error) {
      options.logger?.error({ err: error }, 'preparing to quit failed');
    }
    const deadlineMs = options.deadlineMs();
    const cancel = options.setTimer(() => {
      options.logger?.warn({ deadlineMs }, 'gateway did not stop in time; quitting anyway');
      finish();
    }, deadlineMs);
    options
      .stopGateway()
      .then(
        () => options.logger?.info('gateway stopped'),
        (error: unknown) => options.logger?.error({ err: error }, 'gateway stop failed; quitting anyway'),
      )
      .finally(() => {
        cancel();
        finish();
      });
  };

  return {
    onBeforeQuit(preventQuit) {
      if (state === 'done') return;
      preventQuit();
      if (state === 'running') run();
    },
    state: () => state,
    finished: () => finished,
  };
}
