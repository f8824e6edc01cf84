// The parts of LiteLLM's config.yaml that SDK mode reads. Loose where LiteLLM is loose: model_list
// entries and litellm_params carry many keys only LiteLLM knows, and those must not break a file that
// works in binary mode. Pure (no I/O).
import { z } from 'zod';

/** HTTP header name (RFC 9110 token). */
export const headerNameSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { message: 'must be an HTTP header name' })
  .transform((name) => name.toLowerCase());

// YAML turns `x-version: 2` into a number; a header value is text either way
const headerValueSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const litellmParamsSchema = z.looseObject({
  model: z.string().min(1),
  api_base: z.string().min(1).nullish(),
  api_key: z.string().nullish(),
  extra_headers: z.record(headerNameSchema, headerValueSchema).nullish(),
  custom_llm_provider: z.string().min(1).nullish(),
  thinking: z.record(z.string(), z.unknown()).nullish(),
  reasoning_effort: z.string().min(1).nullish(),
  max_tokens: z.number().int().positive().nullish(),
});

export const modelEntrySchema = z.looseObject({
  model_name: z.string().min(1),
  litellm_params: litellmParamsSchema,
});

const headerPatternSchema = z.strictObject({
  header: headerNameSchema,
  pattern: z.string().min(1),
  user_id: z.string(),
});

export const DEFAULT_CUSTOM_HEADER = 'x-memory-user-id';
export const DEFAULT_USER_ID = 'default-dev';

export const userIdMappingsSchema = z.looseObject({
  custom_header: headerNameSchema.default(DEFAULT_CUSTOM_HEADER),
  header_patterns: z.preprocess((value) => value ?? undefined, z.array(headerPatternSchema).default([])),
  default_user_id: z.string().default(DEFAULT_USER_ID),
});

export const generalSettingsSchema = z.looseObject({
  master_key: z.string().min(1).nullish(),
});

/** A YAML key written with no value (`general_settings:`) means the same as an absent one. */
export function section<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => value ?? undefined, schema);
}

// Each section is validated on its own (and each model_list entry too), so one bad entry does not hide
// the problems of the others: the user sees the whole list at once.
export const modelListSchema = section(z.array(z.unknown()).default([]));
export const userIdMappingsSectionSchema = section(userIdMappingsSchema.prefault({}));
export const generalSettingsSectionSchema = section(generalSettingsSchema.prefault({}));

export type ModelEntry = z.output<typeof modelEntrySchema>;
export type UserIdMappings = z.output<typeof userIdMappingsSchema>;

/** litellm_params keys SDK mode reads itself (the rest are request defaults or binary-only). */
export const SDK_PARAM_KEYS = new Set([
  'model', 'api_base', 'api_key', 'extra_headers', 'custom_llm_provider', 'thinking', 'reasoning_effort', 'max_tokens',
]);

/** litellm_params keys that are request parameters: applied as defaults when the request has none. */
export const REQUEST_PARAM_KEYS = new Set([
  'temperature', 'top_p', 'top_k', 'stop', 'stop_sequences', 'presence_penalty', 'frequency_penalty', 'seed',
  'max_completion_tokens', 'logit_bias', 'response_format', 'parallel_tool_calls', 'service_tier', 'verbosity',
]);
