// What `switchboard serve` prints once it listens: where to point each client, and where the key is.
// Never the key itself; the dashboard URL carries the admin token in its fragment (never sent to the
// server in a request line, and the dashboard drops it from the address bar).
import type { ServerInfo } from '../../shared/protocol/records';
import type { GatewayConfig } from '../core/config';

export function bannerLines(info: ServerInfo, config: GatewayConfig): string[] {
  const usable = config.models.filter((m) => m.error === null).length;
  const source = config.source.path ?? 'built-in default (no config file found)';
  const keyWhere = config.masterKeySource;
  return [
    `Switchboard ${info.version} listening on ${info.baseUrl} (${config.switchboard.mode} mode requested)`,
    `  config:        ${source} — ${usable}/${config.models.length} models usable`,
    `  Claude Code:   ANTHROPIC_BASE_URL=${info.baseUrl}`,
    `  OpenAI / JetBrains AI Assistant: ${info.openaiBaseUrl}`,
    `  API key:       fingerprint ${info.keyFingerprint} (from ${keyWhere})`,
    `  Dashboard:     ${info.baseUrl}/ui/#token=${config.adminToken}`,
    `  Data dir:      ${info.dataDir}`,
  ];
}
