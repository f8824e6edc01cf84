// The `switchboard:` section: our own settings, snake_case in YAML. Strict: a misspelt key is an error
// with its line, not a silently ignored setting. Pure (no I/O) so it is testable and shareable.
import { z } from 'zod';
import { parseByteSize } from './byte-size';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DEFAULT_SUPERMEMORY_BASE_URL = 'https://api.supermemory.ai';
export const DEFAULT_PORT = 8765;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;

const count = z.number().int().nonnegative();
const positive = z.number().int().positive();
const port = z.number().int().min(0).max(65535);

export const byteSizeSchema = z.union([count, z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const bytes = parseByteSize(value);
  if (bytes === null) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a size: write bytes, or a number with kb, mb or gb` });
    return z.NEVER;
  }
  return bytes;
});

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const httpUrl = z.string().refine(isHttpUrl, { message: 'must be an http:// or https:// URL' });

const logSchema = z.strictObject({
  max_entries: positive.default(5000).describe('requests kept in memory for the dashboard (the newest win)'),
  jsonl_max_bytes: byteSizeSchema.default(10 * 1024 * 1024).describe('size at which `requests.jsonl` is rotated'),
  jsonl_files: positive.default(3).describe('rotated request-log files kept (`requests.1.jsonl`, …)'),
  body_capture_entries: count.default(200).describe('newest requests whose bodies are kept for the detail panel and Compare; 0 keeps none'),
  body_capture_bytes: byteSizeSchema.default(65536).describe('bytes kept of each captured body; a longer one is cut (and cannot be replayed)'),
  body_capture_total_bytes: byteSizeSchema.default(8 * 1024 * 1024).describe('bytes all captured bodies may hold together; past it the oldest captures go first (their requests stay in the log, without bodies)'),
  level: z.enum(LOG_LEVELS).default('info').describe('process log level (`SWITCHBOARD_LOG_LEVEL` overrides it)'),
});

const upstreamSchema = z.strictObject({
  connect_timeout_ms: positive.default(10_000).describe('time to open a connection to a provider'),
  headers_timeout_ms: positive.default(300_000).describe('time from sending a request to the provider\'s response headers (a model may think long before it answers)'),
  body_timeout_ms: positive.default(300_000).describe('longest silence inside a response body or stream'),
  keep_alive_timeout_ms: positive.default(30_000).describe('how long an idle connection to a provider is kept for reuse'),
  max_concurrency: positive.default(16).describe('requests in flight per upstream host; more wait their turn (Cloudflare answers Error 1200 to floods)'),
  retries: count.default(2).describe('retries of a 429/503 with Retry-After, a Cloudflare Error 1200 page or a failed connection, before any answer reaches the client'),
  retry_base_delay_ms: count.default(500).describe('first backoff delay (Error 1200, failed connections); doubles each retry, with jitter'),
  max_retry_after_ms: count.default(30_000).describe('a longer Retry-After is not waited for: the error goes to the client'),
  // below 1 KB ordinary events would end streams
  max_sse_event_bytes: byteSizeSchema.pipe(z.number().min(1024, { message: 'must be at least 1kb' })).default(1024 * 1024)
    .describe('largest single event of a provider stream; past it the stream ends with one error event (at least 1kb)'),
});

const binarySchema = z.strictObject({
  command: z.string().min(1).default('litellm').describe('the LiteLLM proxy executable (a full path if it is not on PATH)'),
  args: z.array(z.string()).default([]).describe('extra arguments, placed before `--config F --port N --host 127.0.0.1`'),
  // 0: a free loopback port chosen just before each spawn. LiteLLM itself moves silently off 4000 when 4000
  // is taken (proxy_cli.py), so 4000 is never asked for: it is treated like 0.
  port: port.default(0).describe('port for the child; 0 (and 4000, which LiteLLM leaves when taken) picks a free one per start'),
  ready_timeout_ms: positive.default(60_000).describe('time for the child (or an attached proxy) to answer GET /health/liveliness'),
  stop_grace_ms: count.default(5_000).describe('time between SIGTERM and SIGKILL when the child is stopped'),
  keep_warm: z.boolean().default(false).describe('keep the child running after leaving binary mode, for an instant switch back'),
  // YAML reads an unquoted 1.80 as a number
  pinned_version: z.union([z.string().min(1), z.number()]).transform(String).default('1.80.17').describe('the LiteLLM release install hints name'),
  // Below 1.80 the proxy's /v1/messages route drops the identity headers (see supervisor/litellm-version.ts)
  min_version: z.union([z.string().regex(/^\d+(\.\d+){0,2}$/, 'must be a version such as 1.80.0'), z.number()]).transform(String).default('1.80.0')
    .describe('oldest `litellm --version` binary mode accepts'),
  // Attach to a LiteLLM proxy that is already running (a team's shared proxy) instead of spawning one
  url: httpUrl.optional().describe('attach mode: forward to this running LiteLLM proxy instead of starting one'),
  // its key, usually `os.environ/VAR`; sent as the Bearer token to that proxy only
  key: z.string().min(1).optional().describe('attach mode: that proxy\'s key, usually `os.environ/VAR`'),
});

/** A YAML key written with no value (`log:`) means "all defaults", like an absent key. */
function section<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => value ?? undefined, schema);
}

export const switchboardSchema = z.strictObject({
  host: z.string().min(1).default(DEFAULT_HOST).describe('address the gateway listens on; anything but loopback is reachable from other machines'),
  port: port.default(DEFAULT_PORT).describe('port the gateway listens on (`--port` overrides it)'),
  // no default: whether the file names a mode matters (modeExplicit)
  mode: z.enum(['sdk', 'binary']).optional().describe('backend at start; when set it overrides the mode remembered in `mode.json`'),
  data_dir: z.string().min(1).optional().describe('where keys, logs, cookies and the mode live (honoured only in a file named by --config or SWITCHBOARD_CONFIG)'),
  body_limit: byteSizeSchema.default(DEFAULT_BODY_LIMIT_BYTES).describe('largest request body accepted (413 in the caller\'s dialect past it)'),
  allowed_hosts: z.array(z.string().min(1)).default([]).describe('Host header names accepted besides loopback ones (the DNS-rebinding guard refuses others)'),
  supermemory_base_url: httpUrl.default(DEFAULT_SUPERMEMORY_BASE_URL).describe('models whose api_base lies under it get `x-supermemory-api-key`'),
  log: section(logSchema.prefault({})),
  upstream: section(upstreamSchema.prefault({})),
  binary: section(binarySchema.prefault({})),
  shutdown_grace_ms: count.default(10_000).describe('time requests in flight get to finish when the gateway stops'),
});

export const switchboardSectionSchema = section(switchboardSchema.prefault({}));

export type SwitchboardSection = z.output<typeof switchboardSchema>;

/** Keys allowed at each level of `switchboard:` (by path below it), for "did you mean" hints. */
export const SWITCHBOARD_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(switchboardSchema.shape),
  log: Object.keys(logSchema.shape),
  upstream: Object.keys(upstreamSchema.shape),
  binary: Object.keys(binarySchema.shape),
};
