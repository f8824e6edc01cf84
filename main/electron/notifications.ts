// Desktop notifications for what needs the user: the legacy backend crashed or the gateway fell back to
// SDK mode, a mode switch failed, the port is taken, the gateway did not come back after a key change.
// Deciding is pure (event -> spec); the notifier scrubs known secrets from the text and drops repeats of
// the same notice within a short window.
import { scrubSecrets } from '../../shared/redact';
import type { ModeResult } from '../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../shared/protocol/events';
import type { Mode } from '../../shared/protocol/records';
import type { NotificationSpec } from './facade-types';
import type { LoginItemState } from './login-item';
import type { StartProblem } from './start-error';
import { MODE_LABELS } from './tray/tray-view';

export function notificationForEvent(event: GatewayEvent): NotificationSpec | null {
  switch (event.type) {
    case 'backend.state': {
      const { backend } = event;
      if (backend.status === 'crashed') {
        return {
          id: `backend-crashed-${backend.kind}`,
          title: `${MODE_LABELS[backend.kind]} backend crashed`,
          body: backend.reason ?? 'The backend process exited unexpectedly; Switchboard is restarting it.',
          action: { kind: 'open-window' },
        };
      }
      if (backend.status === 'failed') {
        return {
          id: `backend-failed-${backend.kind}`,
          title: `${MODE_LABELS[backend.kind]} backend failed`,
          body: backend.reason ?? 'The backend could not be started.',
          action: { kind: 'open-window' },
        };
      }
      return null;
    }
    case 'mode.changed': {
      const last = event.mode.lastSwitch;
      if (!last) return null;
      if (last.kind === 'fallback') {
        return {
          id: 'mode-fallback',
          title: `Fell back to ${MODE_LABELS[last.to]} mode`,
          body: last.reason ?? `The ${last.from ? MODE_LABELS[last.from] : 'previous'} backend stopped working.`,
          action: { kind: 'open-window' },
        };
      }
      if (!last.ok && (last.kind === 'switch' || last.kind === 'rollback')) {
        return modeSwitchFailed(last.to, last.reason);
      }
      return null;
    }
    default:
      return null;
  }
}

/** The answer of a mode switch the user asked for from the tray. */
export function notificationForModeResult(result: ModeResult, requested: Mode): NotificationSpec | null {
  if (result.ok) return null;
  return modeSwitchFailed(requested, result.error?.message ?? null);
}

function modeSwitchFailed(target: Mode, reason: string | null): NotificationSpec {
  return {
    id: `mode-switch-failed-${target}`,
    title: `Could not switch to ${MODE_LABELS[target]} mode`,
    body: reason ?? 'The switch did not complete; the previous mode stays active.',
    action: { kind: 'open-window' },
  };
}

export function notificationForStartProblem(problem: StartProblem): NotificationSpec {
  if (problem.code === 'PORT_IN_USE') {
    const fix = problem.suggestedPort
      ? ` Click to use port ${problem.suggestedPort} instead (saved as the Port setting).`
      : ' Choose another port in the tray menu or the config file.';
    return {
      id: 'port-in-use',
      title: problem.port ? `Port ${problem.port} is in use` : 'The port is in use',
      body: `Another program is listening on it, so the gateway did not start.${fix}`,
      ...(problem.suggestedPort ? { action: { kind: 'use-port' as const, port: problem.suggestedPort } } : {}),
    };
  }
  return {
    id: problem.code === 'CONFIG_INVALID' ? 'start-failed-config' : 'start-failed-other',
    title: problem.code === 'CONFIG_INVALID' ? 'Config file has errors' : 'The gateway did not start',
    body: problem.message,
    action: problem.code === 'CONFIG_INVALID' ? { kind: 'open-config' } : { kind: 'open-logs' },
  };
}

/**
 * The gateway did not come back after the user stored or removed a provider key. The key change itself
 * is done; the notice says so, then why the start failed, with the same one-click fix.
 */
export function notificationForKeyChangeRestart(problem: StartProblem, change: { name: string; change: 'stored' | 'removed' }): NotificationSpec {
  const start = notificationForStartProblem(problem);
  return {
    ...start,
    id: 'key-change-restart-failed',
    title: `${change.name} ${change.change === 'stored' ? 'saved' : 'removed'}, but the gateway did not restart`,
    body: `${start.title}. ${start.body}`,
  };
}

/** The app was asked for its window (Dock, second launch, tray click) while no gateway serves a dashboard. */
export function notificationForNoDashboard(status: string | null, nth: number): NotificationSpec {
  const starting = status === 'Starting…';
  return {
    id: `no-dashboard-${nth}`,
    title: starting ? 'Switchboard is starting' : 'The gateway is not running',
    body: starting ? 'The dashboard opens once the gateway listens.' : `${status ?? 'It did not start.'} Click to try again; the tray menu has the details.`,
    ...(starting ? {} : { action: { kind: 'restart-gateway' as const } }),
  };
}

/** After the user turned Start at login on or off: only what did not simply work. */
export function notificationForLoginItem(requested: boolean, state: LoginItemState, caveat: string | null): NotificationSpec | null {
  if (state === 'requires-approval') {
    return {
      id: 'login-item-approval',
      title: 'Allow Switchboard to start at login',
      body: 'macOS waits for your approval: System Settings → General → Login Items, then allow Switchboard.',
    };
  }
  if (requested && state === 'off') {
    return { id: 'login-item-failed', title: 'Start at login did not turn on', body: 'The system did not accept the login item; the app log has details.', action: { kind: 'open-logs' } };
  }
  if (!requested && state !== 'off') {
    return { id: 'login-item-failed', title: 'Start at login is still on', body: 'The system kept the login item; remove Switchboard from your login items in the system settings.' };
  }
  return caveat ? { id: 'login-item-caveat', title: 'Start at login is on', body: caveat } : null;
}

/**
 * The gateway started, but not everything in the config works (a model's key variable is missing, stored
 * keys unreadable, the shell's environment unavailable). Logged as well; this is the notice the user sees.
 */
export function notificationForStartWarnings(warnings: readonly string[]): NotificationSpec | null {
  if (warnings.length === 0) return null;
  const [first] = warnings;
  return {
    id: 'start-warnings',
    title: warnings.length === 1 ? 'Switchboard started with a problem' : `Switchboard started with ${warnings.length} problems`,
    body: `${first}${warnings.length > 1 ? ` (+${warnings.length - 1} more in the dashboard and the log)` : ''}`,
    action: { kind: 'open-window' },
  };
}

export interface NotifierOptions {
  show(spec: NotificationSpec): void;
  now(): number;
  /** secrets that must never appear in a notification (master key, provider keys) */
  secrets(): string[];
  /** the same id is not shown again within this many ms */
  repeatAfterMs?: number;
}

export interface Notifier {
  notify(spec: NotificationSpec | null): boolean;
}

/** Platforms cut long bodies anyway; a bounded body keeps a runaway error message readable. */
const BODY_MAX = 300;

export function createNotifier(options: NotifierOptions): Notifier {
  const repeatAfter = options.repeatAfterMs ?? 60_000;
  const lastShown = new Map<string, number>();
  return {
    notify(spec) {
      if (!spec) return false;
      const now = options.now();
      const previous = lastShown.get(spec.id);
      if (previous !== undefined && now - previous < repeatAfter) return false;
      lastShown.set(spec.id, now);
      const secrets = options.secrets();
      const body = scrubSecrets(spec.body, secrets);
      options.show({
        ...spec,
        title: scrubSecrets(spec.title, secrets),
        body: body.length <= BODY_MAX ? body : `${body.slice(0, BODY_MAX - 1)}…`,
      });
      return true;
    },
  };
}
