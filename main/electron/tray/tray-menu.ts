// The tray menu as data: a pure function of the tray view. The controller hands it to the facade, which
// turns `action`s into click handlers; tests read the items directly.
import type { Mode } from '../../../shared/protocol/records';
import type { MenuItemSpec } from '../facade-types';
import { MODE_LABELS, type TrayView } from './tray-view';

export interface TrayMenuContext {
  /** false when no config file exists yet: the item then offers to create one */
  configFileExists: boolean;
}

const MODES: readonly Mode[] = ['sdk', 'binary'];

const separator = (id: string): MenuItemSpec => ({ id, type: 'separator' });

export function buildTrayMenu(view: TrayView, context: TrayMenuContext): MenuItemSpec[] {
  const controllable = view.running && view.switching === null;
  const items: MenuItemSpec[] = [
    { id: 'status', type: 'normal', label: view.status, enabled: false },
    ...(view.legacy ? [{ id: 'legacy', type: 'normal' as const, label: view.legacy, enabled: false }] : []),
    separator('sep-status'),
    { id: 'open', type: 'normal', label: 'Open Switchboard', enabled: view.running, action: { kind: 'open-window' } },
    { id: 'validation', type: 'normal', label: view.validation, enabled: false },
    { id: 'open-cutover', type: 'normal', label: 'Open Cutover…', enabled: view.running, action: { kind: 'open-cutover' } },
    {
      id: 'mode',
      type: 'submenu',
      label: 'Mode',
      enabled: view.running,
      submenu: MODES.map((mode) => ({
        id: `mode-${mode}`,
        type: 'radio',
        label: MODE_LABELS[mode],
        checked: view.mode === mode,
        enabled: controllable,
        action: { kind: 'set-mode', mode },
      })),
    },
  ];
  if (view.previous !== null && view.previous !== view.mode) {
    items.push({
      id: 'rollback',
      type: 'normal',
      label: `Roll back to ${MODE_LABELS[view.previous]}`,
      enabled: controllable,
      action: { kind: 'rollback' },
    });
  }
  items.push(
    separator('sep-copy'),
    { id: 'copy-base-url', type: 'normal', label: 'Copy base URL', enabled: view.running, action: { kind: 'copy-base-url' } },
    {
      id: 'copy-claude-setup',
      type: 'normal',
      label: 'Copy Claude Code setup',
      enabled: view.running,
      action: { kind: 'copy-claude-setup' },
    },
    { id: 'copy-api-key', type: 'normal', label: 'Copy API key', enabled: view.running, action: { kind: 'copy-api-key' } },
    view.paused
      ? { id: 'pause', type: 'normal', label: 'Resume gateway', enabled: view.running, action: { kind: 'resume' } }
      : { id: 'pause', type: 'normal', label: 'Pause gateway', enabled: view.running, action: { kind: 'pause' } },
    separator('sep-files'),
  );
  if (!view.running && view.suggestedPort !== null) {
    items.push({
      id: 'use-port',
      type: 'normal',
      label: `Use port ${view.suggestedPort} instead`,
      action: { kind: 'use-port', port: view.suggestedPort },
    });
  }
  if (!view.running && view.icon !== 'switching') {
    items.push({ id: 'restart', type: 'normal', label: 'Start gateway', action: { kind: 'restart-gateway' } });
  }
  items.push(
    { id: 'open-logs', type: 'normal', label: 'Open logs folder', action: { kind: 'open-logs' } },
    {
      id: 'open-config',
      type: 'normal',
      label: context.configFileExists ? 'Open config file' : 'Create config file',
      action: { kind: 'open-config' },
    },
    {
      id: 'start-at-login',
      type: 'checkbox',
      label: 'Start at login',
      checked: view.startAtLogin,
      action: { kind: 'set-start-at-login', enabled: !view.startAtLogin },
    },
    separator('sep-quit'),
    { id: 'quit', type: 'normal', label: 'Quit Switchboard', action: { kind: 'quit' } },
  );
  return items;
}
