// What the tray shows for a TrayModel: the icon state, the tooltip and the menu's status line. Pure.
import type { BackendStatus, Mode } from '../../../shared/protocol/records';
import type { ValidationPhase } from '../../../shared/protocol/validation';
import type { TrayIconState } from '../facade-types';
import type { TrayModel } from './tray-state';

export interface TrayView {
  icon: TrayIconState;
  toolTip: string;
  status: string;
  /** the active mode (or the last known one while no gateway runs) */
  mode: Mode;
  previous: Mode | null;
  /** target of a mode switch under way */
  switching: Mode | null;
  /** the gateway listens and its admin model can be driven */
  running: boolean;
  paused: boolean;
  baseUrl: string | null;
  suggestedPort: number | null;
  startAtLogin: boolean;
  /** "Last validation: passed (all checks)", "… failed …", "… never run", "Validation running…" */
  validation: string;
  /** passed | failed | never | running, for tests and the menu */
  validationState: 'passed' | 'failed' | 'never' | 'running';
  /** the legacy backend in one line: "LiteLLM 1.80.17", "LiteLLM attached to host:4000", a refusal; null when nothing is known */
  legacy: string | null;
}

export const MODE_LABELS: Record<Mode, string> = { sdk: 'SDK', binary: 'Binary (LiteLLM)' };

const SHORT_MODE: Record<Mode, string> = { sdk: 'SDK', binary: 'Binary' };

const PHASE_WORDS: Record<ValidationPhase, string> = { pre: 'pre-checks', post: 'post-checks', all: 'all checks' };

function validationLine(model: TrayModel): { validation: string; validationState: TrayView['validationState'] } {
  if (model.validationRunning) return { validation: 'Validation running…', validationState: 'running' };
  const last = model.lastValidation;
  if (!last) return { validation: 'Last validation: never run', validationState: 'never' };
  const state = last.ok ? 'passed' : 'failed';
  return { validation: `Last validation: ${state} (${PHASE_WORDS[last.phase]})`, validationState: state };
}

/** Windows truncates tray tooltips at 127 characters; stay under it everywhere. */
export const TOOLTIP_MAX = 127;

export function deriveTrayView(model: TrayModel): TrayView {
  const running = model.phase === 'running' && model.server !== null && model.mode !== null;
  const mode = model.mode?.mode ?? model.lastKnownMode;
  const paused = running && (model.server?.paused ?? false);
  const activeStatus: BackendStatus | null = model.mode ? model.mode.backends[mode].status : null;
  const switching = model.mode?.switching ?? null;
  const icon = iconFor(model, activeStatus, switching, paused);
  const status = statusLine(model, mode, activeStatus, switching, paused);
  return {
    icon,
    toolTip: toolTip(model, mode, status, running, activeStatus, switching),
    status,
    mode,
    previous: running ? (model.mode?.previous ?? null) : null,
    switching,
    running,
    paused,
    baseUrl: running ? (model.server?.baseUrl ?? null) : null,
    suggestedPort: model.failure?.suggestedPort ?? null,
    startAtLogin: model.startAtLogin,
    ...validationLine(model),
    legacy: legacyLine(model),
  };
}

/** What the binary backend is: its version, where it is attached, or why it was refused (one line). */
function legacyLine(model: TrayModel): string | null {
  const binary = model.mode?.backends.binary;
  if (!binary) return null;
  if (binary.status === 'failed' && binary.reason) return `LiteLLM: ${oneLine(binary.reason)}`;
  if (binary.attachedTo) return `LiteLLM attached to ${binary.attachedTo}${binary.version ? ` (${binary.version})` : ''}`;
  return binary.version ? `LiteLLM ${binary.version}` : null;
}

function iconFor(
  model: TrayModel,
  activeStatus: BackendStatus | null,
  switching: Mode | null,
  paused: boolean,
): TrayIconState {
  switch (model.phase) {
    case 'starting':
    case 'stopping':
      return 'switching';
    case 'failed':
      return 'error';
    case 'stopped':
      return 'stopped';
    case 'running':
      break;
  }
  if (switching) return 'switching';
  if (paused) return 'stopped';
  switch (activeStatus) {
    case 'ready':
      return model.mode?.mode ?? model.lastKnownMode;
    case 'starting':
    case 'stopping':
      return 'switching';
    case 'crashed':
    case 'failed':
      return 'error';
    default:
      return 'stopped';
  }
}

function statusLine(
  model: TrayModel,
  mode: Mode,
  activeStatus: BackendStatus | null,
  switching: Mode | null,
  paused: boolean,
): string {
  switch (model.phase) {
    case 'starting':
      return 'Starting…';
    case 'stopping':
      return 'Stopping…';
    case 'stopped':
      return 'Stopped';
    case 'failed':
      return `Error: ${oneLine(model.failure?.message ?? 'the gateway did not start')}`;
    case 'running':
      break;
  }
  const port = model.server?.port;
  if (switching) return `Switching to ${MODE_LABELS[switching]}…`;
  if (paused) return `Paused · ${SHORT_MODE[mode]} mode · port ${port}`;
  switch (activeStatus) {
    case 'ready':
      return `${SHORT_MODE[mode]} mode · port ${port}`;
    case 'starting':
      return `${SHORT_MODE[mode]} backend starting…`;
    case 'stopping':
      return `${SHORT_MODE[mode]} backend stopping…`;
    case 'crashed':
    case 'failed': {
      const reason = model.mode?.backends[mode].reason;
      return `${SHORT_MODE[mode]} backend ${activeStatus}${reason ? `: ${reason}` : ''}`;
    }
    default:
      return `${SHORT_MODE[mode]} backend stopped`;
  }
}

function toolTip(
  model: TrayModel,
  mode: Mode,
  status: string,
  running: boolean,
  activeStatus: BackendStatus | null,
  switching: Mode | null,
): string {
  let text: string;
  if (running) {
    const requests = `${model.today} ${model.today === 1 ? 'request' : 'requests'} today`;
    let modeText = `${SHORT_MODE[mode]} mode`;
    if (switching) modeText += `, switching to ${SHORT_MODE[switching]}`;
    else if (model.server?.paused) modeText += ', paused';
    else if (activeStatus !== 'ready') modeText += `, backend ${activeStatus ?? 'stopped'}`;
    text = ['Switchboard', modeText, `port ${model.server?.port}`, requests].join(' · ');
  } else {
    text = `Switchboard · ${status}`;
  }
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}

/** Menu labels are one line; a config error can list several problems. */
const STATUS_MAX = 90;

function oneLine(text: string): string {
  const first = text.split('\n')[0] ?? '';
  return first.length <= STATUS_MAX ? first : `${first.slice(0, STATUS_MAX - 1)}…`;
}
