// Words the UI uses for protocol values, in one place so every view says the same thing.
import type { BackendStatus, IdentitySource, Mode, ModeSwitchKind } from '../../../shared/protocol/records';

export function modeName(mode: Mode): string {
  return mode === 'sdk' ? 'SDK' : 'Binary (LiteLLM)';
}

export function modeDescription(mode: Mode): string {
  return mode === 'sdk'
    ? 'Switchboard talks to the providers itself and keeps their cookies.'
    : 'A supervised LiteLLM process talks to the providers; Switchboard forwards to it.';
}

export type Tone = 'ok' | 'warn' | 'err' | 'muted';

export function backendTone(status: BackendStatus): Tone {
  if (status === 'ready') return 'ok';
  if (status === 'starting' || status === 'stopping') return 'warn';
  if (status === 'crashed' || status === 'failed') return 'err';
  return 'muted';
}

export function switchKindLabel(kind: ModeSwitchKind): string {
  return { startup: 'Started', switch: 'Switched', rollback: 'Rolled back', fallback: 'Fell back' }[kind];
}

export function identitySourceLabel(source: IdentitySource): string {
  return { 'custom-header': 'custom header', pattern: 'header pattern', default: 'default identity' }[source];
}
