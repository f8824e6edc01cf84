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
  max_entries: positive.default(5000),
  jsonl_max_bytes: byteSizeSchema.default(10 * 1024 * 1024),
  jsonl_files: positive.default(3),
  body_capture_entries: count.default(200),
  body_capture_bytes: byteSizeSchema.default(65536),
  level: z.enum(LOG_LEVELS).default('info'),
});

const upstreamSchema = z.strictObject({
  connect_timeout_ms: positive.default(10_000),
  headers_timeout_ms: positive.default(300_000),
  body_timeout_ms: positive.default(300_000),
  keep_alive_timeout_ms: positive.default(30_000),
  max_concurrency: positive.default(16),
  retries: count.default(2),
  retry_base_delay_ms: count.default(500),
  max_retry_after_ms: count.default(30_000),
  // below 1 KB ordinary events would end streams
  max_sse_event_bytes: byteSizeSchema.pipe(z.number().min(1024, { message: 'must be at least 1kb' })).default(1024 * 1024),
});

const binarySchema = z.strictObject({
  command: z.string().min(1).default('litellm'),
  args: z.array(z.string()).default([]),
  // 0: a free loopback port chosen just before each spawn. LiteLLM itself moves silently off 4000 when 4000
  // is taken (proxy_cli.py), so 4000 is never asked for: it is treated like 0.
  port: port.default(0),
  ready_timeout_ms: positive.default(60_000),
  stop_grace_ms: count.default(5_000),
  keep_warm: z.boolean().default(false),
  // YAML reads an unquoted 1.80 as a number
  pinned_version: z.union([z.string().min(1), z.number()]).transform(String).default('1.80.17'),
  // Below 1.80 the proxy's /v1/messages route drops the identity headers (see supervisor/litellm-version.ts)
  min_version: z.union([z.string().regex(/^\d+(\.\d+){0,2}$/, 'must be a version such as 1.80.0'), z.number()]).transform(String).default('1.80.0'),
  // Attach to a LiteLLM proxy that is already running (a team's shared proxy) instead of spawning one
  url: httpUrl.optional(),
  // its key, usually `os.environ/VAR`; sent as the Bearer token to that proxy only
  key: z.string().min(1).optional(),
});

/** A YAML key written with no value (`log:`) means "all defaults", like an absent key. */
function section<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => value ?? undefined, schema);
}

export const switchboardSchema = z.strictObject({
  host: z.string().min(1).default(DEFAULT_HOST),
  port: port.default(DEFAULT_PORT),
  // no default: whether the file names a mode matters (modeExplicit)
  mode: z.enum(['sdk', 'binary']).optional(),
  data_dir: z.string().min(1).optional(),
  body_limit: byteSizeSchema.default(DEFAULT_BODY_LIMIT_BYTES),
  allowed_hosts: z.array(z.string().min(1)).default([]),
  supermemory_base_url: httpUrl.default(DEFAULT_SUPERMEMORY_BASE_URL),
  log: section(logSchema.prefault({})),
  upstream: section(upstreamSchema.prefault({})),
  binary: section(binarySchema.prefault({})),
  shutdown_grace_ms: count.default(10_000),
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
