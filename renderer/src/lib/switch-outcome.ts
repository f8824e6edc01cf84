// What the last mode change means for the user, in one place: a fall-back after a crash loop is a
// failure (the backend they chose stopped working) even though the gateway itself recovered; a rollback
// is offered only after a user's switch that went through, and never into a backend that has failed.
import type { Mode, ModeState } from '../../../shared/protocol/records';
import { modeName } from './labels';

export interface SwitchOutcome {
  ok: boolean;
  headline: string;
  reason: string | null;
}

export function switchOutcome(mode: ModeState): SwitchOutcome | null {
  const last = mode.lastSwitch;
  if (!last) return null;
  const from = last.from ? modeName(last.from) : null;
  const to = modeName(last.to);
  switch (last.kind) {
    case 'fallback':
      return { ok: false, headline: `${from ?? 'The backend'} failed; fell back to ${to}`, reason: last.reason };
    case 'startup':
      return { ok: last.ok, headline: last.ok ? `Started on ${to}` : `Could not start on ${to}`, reason: last.ok ? null : last.reason };
    case 'rollback':
      return { ok: last.ok, headline: last.ok ? `Rolled back to ${to}` : `Rollback to ${to} failed`, reason: last.ok ? null : last.reason };
    case 'switch':
      return { ok: last.ok, headline: last.ok ? `Switched from ${from} to ${to}` : `Switch to ${to} failed; still on ${modeName(mode.mode)}`, reason: last.ok ? null : last.reason };
  }
}

/** The backend "Roll back" returns to, or null when a rollback would mean nothing or go into a failure. */
export function rollbackTarget(mode: ModeState): Mode | null {
  const last = mode.lastSwitch;
  if (!last || last.kind !== 'switch' || !last.ok || mode.switching) return null;
  const previous = mode.previous;
  if (!previous || previous === mode.mode) return null;
  const status = mode.backends[previous].status;
  return status === 'failed' || status === 'crashed' ? null : previous;
}

/** A log-sized reason cut to its first sentence (the full text stays behind "Show log"). */
export function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? '';
  const match = /^(.+?[.!?])(\s|$)/.exec(line);
  const sentence = match ? match[1]! : line;
  return sentence.length > 220 ? `${sentence.slice(0, 219)}…` : sentence;
}
