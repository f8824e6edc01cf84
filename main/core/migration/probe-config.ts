// The temporary model set a validation run uses: three models pointing at the probe upstream (OpenAI
// dialect, Anthropic dialect, and Anthropic through a path under the Supermemory base URL, which the
// run sets to the probe so the Supermemory key header is checked too). The user's identity rules,
// LiteLLM settings and `switchboard.binary` settings are carried over, so the run exercises the real
// legacy binary the way the user's config would start it. Keys are dummies: nothing leaves the machine.
import type { GatewayConfig } from '../config/types';

export const PROBE_MODELS = {
  openai: 'probe-openai',
  anthropic: 'probe-anthropic',
  supermemory: 'probe-supermemory',
} as const;

export const PROBE_SUPERMEMORY_PATH = '/v3/api.anthropic.com';

/** Sections of the user's LiteLLM document copied into the run's config (keys that point elsewhere are not). */
const COPIED_SECTIONS = ['user_id_mappings', 'litellm_settings'] as const;
const DROPPED_GENERAL_SETTINGS = new Set(['master_key', 'database_url', 'litellm_key_header_name']);

export interface ProbeKeys {
  /** literal dummy provider key in every probe model */
  provider: string;
}

export function probeConfigDocument(user: GatewayConfig, probeUrl: string, keys: ProbeKeys): Record<string, unknown> {
  const binary = user.switchboard.binary;
  const doc: Record<string, unknown> = {
    model_list: [
      { model_name: PROBE_MODELS.openai, litellm_params: { model: 'openai/probe-gpt', api_base: `${probeUrl}/v1`, api_key: keys.provider } },
      { model_name: PROBE_MODELS.anthropic, litellm_params: { model: 'anthropic/probe-claude', api_base: probeUrl, api_key: keys.provider } },
      { model_name: PROBE_MODELS.supermemory, litellm_params: { model: 'anthropic/probe-claude', api_base: `${probeUrl}${PROBE_SUPERMEMORY_PATH}`, api_key: keys.provider } },
    ],
  };
  for (const name of COPIED_SECTIONS) {
    if (user.litellmDocument[name] !== undefined) doc[name] = structuredClone(user.litellmDocument[name]);
  }
  const general = user.litellmDocument.general_settings;
  if (general && typeof general === 'object' && !Array.isArray(general)) {
    doc.general_settings = Object.fromEntries(Object.entries(general).filter(([key]) => !DROPPED_GENERAL_SETTINGS.has(key)));
  }
  doc.switchboard = {
    host: '127.0.0.1',
    port: 0,
    mode: 'sdk',
    supermemory_base_url: probeUrl,
    // a probe answer is never retried: a retry would hide a wrong status code
    upstream: { retries: 0 },
    log: { level: 'silent', jsonl_files: 1 },
    binary: {
      command: binary.command,
      args: binary.args,
      port: 0,
      ready_timeout_ms: binary.readyTimeoutMs,
      stop_grace_ms: binary.stopGraceMs,
      keep_warm: false,
      pinned_version: binary.pinnedVersion,
      min_version: binary.minVersion,
    },
    shutdown_grace_ms: 2_000,
  };
  return doc;
}
