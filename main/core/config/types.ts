// The resolved configuration the gateway runs on. The loader turns a LiteLLM config.yaml (plus our
// `switchboard:` section, flags and env) into this; everything downstream reads only this.
import type { Dialect, HeaderPattern, Mode } from '../../../shared/protocol/records';

/** Provider families we speak to in SDK mode. Everything OpenAI-compatible is `openai`-dialect. */
export type ProviderKind = 'anthropic' | 'openai' | 'openai-compatible';

export interface ModelConfig {
  /** The name clients send; may hold one `*` wildcard (LiteLLM style, e.g. `claude-*`). */
  modelName: string;
  /** `litellm_params.model` as written, e.g. `anthropic/claude-*`. */
  litellmModel: string;
  /** LiteLLM provider prefix (`anthropic`, `openai`, `gemini`, `openrouter`, `ollama`, …). */
  providerPrefix: string;
  provider: ProviderKind;
  dialect: Dialect;
  /** Model id sent upstream; may hold `*`, replaced by what the wildcard in `modelName` matched. */
  providerModel: string;
  /** Base URL without trailing slash. Anthropic: POST {apiBase}/v1/messages. OpenAI: POST {apiBase}/chat/completions. */
  apiBase: string;
  /** Resolved key, or null when none is configured or its env var is missing (see `error`). */
  apiKey: string | null;
  /** Resolved extra headers (os.environ/ values resolved). */
  extraHeaders: Record<string, string>;
  /** true when apiBase lies under the Supermemory base URL. */
  supermemory: boolean;
  /** `thinking` from litellm_params, applied when the request has none. */
  thinking: Record<string, unknown> | null;
  /** `reasoning_effort` from litellm_params, applied when the request has none. */
  reasoningEffort: string | null;
  /** `max_tokens` from litellm_params: the default when the request has none. */
  maxTokens: number | null;
  /** Other litellm_params we pass on as request defaults (temperature, top_p, …). */
  extraParams: Record<string, unknown>;
  /** Why this model cannot be used (missing env var…), reported at start and returned when used. */
  error: string | null;
  /** Where it was declared, for messages. */
  source: { file: string | null; line: number | null };
}

export interface IdentityConfig {
  customHeader: string;
  patterns: Array<HeaderPattern & { regex: RegExp }>;
  defaultUserId: string;
}

export interface UpstreamConfig {
  connectTimeoutMs: number;
  /** time to wait for response headers */
  headersTimeoutMs: number;
  /** time allowed between body chunks (long thinking pauses happen in streams) */
  bodyTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** max requests open at once per upstream origin; the rest queue */
  maxConcurrencyPerUpstream: number;
  /** retries for 429/503 with Retry-After and connection errors, before anything reached the client */
  retries: number;
  retryBaseDelayMs: number;
  /** a Retry-After longer than this is not waited for: the client gets the 429/503 */
  maxRetryAfterMs: number;
  /** one upstream stream event larger than this ends the stream with STREAM_EVENT_TOO_LARGE */
  maxSseEventBytes: number;
}

export interface BinaryConfig {
  command: string;
  args: string[];
  /** port for the child; 0 (and 4000, which LiteLLM leaves silently when taken) = a free port per spawn */
  preferredPort: number;
  readyTimeoutMs: number;
  stopGraceMs: number;
  /** keep the child running after leaving binary mode, for an instant rollback */
  keepWarm: boolean;
  /** pinned LiteLLM version the install hint names */
  pinnedVersion: string;
  /** oldest `litellm --version` accepted (1.80.0: older ones drop identity headers on /v1/messages) */
  minVersion: string;
  /** attach mode: forward to this already-running LiteLLM proxy instead of spawning one */
  attachUrl: string | null;
  /** attach mode: that proxy's key (resolved from os.environ/…); null when it needs none */
  attachKey: string | null;
}

export interface LogConfig {
  /** entries kept in memory for the dashboard */
  maxEntries: number;
  /** JSONL request log: rotate when a file passes this size */
  jsonlMaxBytes: number;
  /** rotated files kept */
  jsonlFiles: number;
  /** requests whose bodies are kept for the detail panel */
  bodyCaptureEntries: number;
  /** bytes kept per captured body */
  bodyCaptureBytes: number;
  /** bytes all captured bodies hold together; the oldest captures are dropped past it */
  bodyCaptureTotalBytes: number;
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export interface SwitchboardSettings {
  host: string;
  port: number;
  mode: Mode;
  /** true when mode came from --mode or switchboard.mode (overrides the persisted mode) */
  modeExplicit: boolean;
  dataDir: string;
  bodyLimitBytes: number;
  /** extra Host header names accepted besides loopback names (DNS-rebinding guard) */
  allowedHosts: string[];
  supermemoryBaseUrl: string;
  supermemoryApiKey: string | null;
  upstream: UpstreamConfig;
  log: LogConfig;
  binary: BinaryConfig;
  /** how long in-flight requests may run on shutdown */
  shutdownGraceMs: number;
}

export interface GatewayConfig {
  /** where the config came from */
  source: { kind: 'flag' | 'env' | 'data-dir' | 'default'; path: string | null };
  models: ModelConfig[];
  identity: IdentityConfig;
  masterKey: string;
  /** where the master key came from, for the start banner ("config", "env SWITCHBOARD_MASTER_KEY", a file path) */
  masterKeySource: string;
  adminToken: string;
  /** where the admin token came from ("env SWITCHBOARD_ADMIN_TOKEN" or a file path); added by the loader */
  adminTokenSource?: string;
  switchboard: SwitchboardSettings;
  /** The parsed YAML document minus `switchboard:`, kept for the binary backend's generated config. */
  litellmDocument: Record<string, unknown>;
  /** Top-level sections only LiteLLM understands (reported once as "used only in binary mode"). */
  binaryOnlySections: string[];
  /** One line each, printed once at start. */
  warnings: string[];
}
