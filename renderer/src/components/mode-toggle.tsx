// The header's mode control: SDK | Binary, one click from any view, no confirmation (requests in flight
// finish on the backend they began on). The result, with the health check that follows every switch, is
// announced; focus stays on the button that was pressed (aria-disabled, not disabled, while it works).
import { useCallback, useState } from 'react';
import type { Mode, ModeState } from '../../../shared/protocol/records';
import { useServices } from '../app-context';
import { actionErrorText } from '../hooks/use-action';
import { modeName } from '../lib/labels';

const MODES: { id: Mode; label: string }[] = [
  { id: 'sdk', label: 'SDK' },
  { id: 'binary', label: 'Binary' },
];

export function ModeToggle({ mode, compact = false }: { mode: ModeState; compact?: boolean }) {
  const { client, dispatch, announce } = useServices();
  const [busy, setBusy] = useState(false);
  const working = busy || mode.switching !== null;

  const switchTo = useCallback(
    async (target: Mode) => {
      setBusy(true);
      announce(`Switching to ${modeName(target)}…`);
      try {
        const result = await client.setMode(target);
        dispatch({ type: 'mode.set', mode: result.mode, probe: result.probe ?? null });
        if (!result.ok) announce(`Switch to ${modeName(target)} failed: ${result.error?.message ?? 'unknown reason'}. Still on ${modeName(result.mode.mode)}.`);
        else if (result.probe && !result.probe.ok) announce(`Switched to ${modeName(target)}, but its health check failed: ${result.probe.message}`);
        else announce(`Switched to ${modeName(target)}.${result.probe ? ` Health check passed: ${result.probe.message}.` : ''}`);
      } catch (error) {
        announce(`Switch to ${modeName(target)} failed: ${actionErrorText(error)}`);
      } finally {
        setBusy(false);
      }
    },
    [client, dispatch, announce],
  );

  return (
    <div className={`mode-toggle${compact ? ' mode-toggle-compact' : ''}`} role="group" aria-label="Backend mode" data-testid="mode-toggle" data-mode={mode.mode} aria-busy={working}>
      {MODES.map((m) => {
        const on = mode.mode === m.id;
        const target = mode.switching === m.id;
        return (
          <button
            key={m.id}
            type="button"
            className={`mode-option${on ? ' mode-option-on' : ''}${target ? ' mode-option-target' : ''}`}
            aria-pressed={on}
            aria-disabled={working || on}
            title={on ? `${modeName(m.id)} is in use` : `Switch to ${modeName(m.id)} now`}
            onClick={() => {
              if (!working && !on) void switchTo(m.id);
            }}
            data-testid={`mode-option-${m.id}`}
          >
            {target ? `${m.label}…` : m.label}
          </button>
        );
      })}
    </div>
  );
}
