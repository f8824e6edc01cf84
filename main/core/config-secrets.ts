// Every secret value the config holds, so redaction can scrub them from any text that leaves the core.
import { isSecretHeader } from '../../shared/redact';
import type { GatewayConfig } from './config/types';

export function collectConfigSecrets(config: GatewayConfig): string[] {
  const out = new Set<string>([config.masterKey, config.adminToken]);
  if (config.switchboard.supermemoryApiKey) out.add(config.switchboard.supermemoryApiKey);
  if (config.switchboard.binary.attachKey) out.add(config.switchboard.binary.attachKey);
  for (const model of config.models) {
    if (model.apiKey) out.add(model.apiKey);
    for (const [name, value] of Object.entries(model.extraHeaders)) if (isSecretHeader(name)) out.add(value);
  }
  return [...out].filter((s) => s.length >= 8);
}
