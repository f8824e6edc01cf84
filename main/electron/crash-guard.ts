// Errors nobody caught in the main process (a stray socket error, a rejected promise no one awaited).
// Electron's default shows a modal "A JavaScript error occurred in the main process" and may exit, which
// would take the gateway and every client's requests down with it. Here they are logged with their stack,
// the user is told once (the notifier drops repeats and scrubs known secrets), and the app keeps serving.
import type { Logger } from 'pino';
import type { NotificationSpec } from './facade-types';

export interface CrashGuardDeps {
  logger: Pick<Logger, 'error'>;
  notify(spec: NotificationSpec): void;
}

export type UncaughtKind = 'exception' | 'rejection';

function describe(error: unknown): { message: string; stack: string | undefined; code: string | undefined } {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { message: error.message || error.name, stack: error.stack, code: typeof code === 'string' ? code : undefined };
  }
  return { message: String(error), stack: undefined, code: undefined };
}

export function uncaughtErrorNotification(kind: UncaughtKind, message: string): NotificationSpec {
  return {
    id: 'uncaught-error',
    title: 'Switchboard hit an unexpected error',
    body: `${message.split('\n')[0] ?? ''} (${kind === 'rejection' ? 'unhandled promise rejection' : 'uncaught exception'}). The gateway keeps running; details are in the log.`,
    action: { kind: 'open-logs' },
  };
}

export function createCrashGuard(deps: CrashGuardDeps): (kind: UncaughtKind, error: unknown) => void {
  let handling = false;
  return (kind, error) => {
    // An error thrown while reporting one must not loop back in here.
    if (handling) return;
    handling = true;
    try {
      const { message, stack, code } = describe(error);
      deps.logger.error({ kind, message, code, stack }, 'uncaught error in the main process');
      deps.notify(uncaughtErrorNotification(kind, message));
    } catch {
      // nothing left to report it with
    } finally {
      handling = false;
    }
  };
}
