// One model_list entry -> one ModelConfig. Problems that make the file wrong (a bad URL, two wildcards)
// are ConfigProblems; problems that make only this model unusable (a missing env var, a provider only the
// binary serves) go into `error`, so the gateway still starts and the model fails clearly when called.
import type { ConfigProblem } from './config-error';
import { firstEnv, resolveEnvRef } from './env-ref';
import { providerSpec, splitProviderModel } from './provider-table';
import type { ProviderSpec } from './provider-table';
import { REQUEST_PARAM_KEYS, SDK_PARAM_KEYS } from './schema-litellm';
import type { ModelEntry } from './schema-litellm';
import { isHttpUrl } from './schema-switchboard';
import type { ModelConfig } from './types';
import { lineOf, problemAt } from './yaml-source';
import type { KeyPath, YamlSource } from './yaml-source';

export interface ModelBuildContext {
  env: Record<string, string | undefined>;
  /** without trailing slash */
  supermemoryBaseUrl: string;
  supermemoryApiKey: string | null;
  source: YamlSource;
  /** the file path for ModelConfig.source, null for the built-in config */
  file: string | null;
}

export interface ModelNotes {
  /** `os.environ/` references whose variable is not set */
  missingRefs: Array<{ field: string; variable: string }>;
  /** the provider's usual key variables, when none is set and api_key is absent */
  missingKeyVars: readonly string[] | null;
  /** a LiteLLM prefix SDK mode does not serve */
  binaryOnlyProvider: string | null;
  /** any other reason the model is unusable */
  otherErrors: string[];
  /** litellm_params keys SDK mode ignores */
  binaryOnlyParams: string[];
}

export interface BuiltModel {
  model: ModelConfig;
  notes: ModelNotes;
  problems: ConfigProblem[];
}

export function buildModel(entry: ModelEntry, index: number, ctx: ModelBuildContext): BuiltModel {
  const params = entry.litellm_params;
  const at = (...keys: Array<string | number>): KeyPath => ['model_list', index, ...keys];
  const problems: ConfigProblem[] = [];
  const notes: ModelNotes = { missingRefs: [], missingKeyVars: null, binaryOnlyProvider: null, otherErrors: [], binaryOnlyParams: [] };

  const wildcards = entry.model_name.split('*').length - 1;
  if (wildcards > 1) problems.push(problemAt(ctx.source, at('model_name'), 'at most one * wildcard is allowed'));
  const { prefix, providerModel } = splitProviderModel(params.model, params.custom_llm_provider ?? null);
  if (!providerModel) problems.push(problemAt(ctx.source, at('litellm_params', 'model'), 'needs a model after the provider prefix'));
  if (providerModel.includes('*') && wildcards === 0) {
    problems.push(problemAt(ctx.source, at('litellm_params', 'model'), 'has a * wildcard but model_name has none'));
  }

  let spec: ProviderSpec | undefined = prefix === null ? undefined : providerSpec(prefix);
  if (prefix === null) {
    notes.otherErrors.push(`cannot tell the provider of "${params.model}": write litellm_params.model as provider/model`);
  } else if (!spec) {
    notes.binaryOnlyProvider = prefix;
  }

  const apiBase = resolveApiBase(params.api_base ?? null, prefix, spec, at('litellm_params', 'api_base'), ctx, problems, notes);
  const supermemory = apiBase !== '' && isUnderBase(apiBase, ctx.supermemoryBaseUrl);
  // An OpenAI-prefixed model pointed at another server (vLLM, LM Studio, a company proxy) is
  // OpenAI-compatible: a key is optional there, and OPENAI_API_KEY is NOT sent to that other host.
  if (spec && prefix === 'openai' && params.api_base && !supermemory && apiBase !== spec.defaultApiBase) {
    spec = { ...spec, provider: 'openai-compatible', keyEnv: [], keyRequired: false };
  }

  const apiKey = resolveApiKey(params.api_key ?? null, spec, at('litellm_params', 'api_key'), ctx, problems, notes);
  const extraHeaders = resolveHeaders(params.extra_headers ?? {}, at('litellm_params', 'extra_headers'), ctx, problems, notes);
  if (supermemory && !ctx.supermemoryApiKey && !extraHeaders['x-supermemory-api-key']) {
    notes.otherErrors.push('Supermemory needs a key: set SUPERMEMORY_API_KEY or extra_headers x-supermemory-api-key');
  }

  const extraParams: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (SDK_PARAM_KEYS.has(key)) continue;
    if (REQUEST_PARAM_KEYS.has(key)) extraParams[key] = value;
    else notes.binaryOnlyParams.push(key);
  }

  const errors = [
    ...(notes.binaryOnlyProvider ? [`provider ${notes.binaryOnlyProvider} is supported only in binary mode`] : []),
    ...notes.missingRefs.map((ref) => `environment variable ${ref.variable} is not set (litellm_params.${ref.field})`),
    ...(notes.missingKeyVars ? [`no API key: set ${notes.missingKeyVars.join(' or ')}, or litellm_params.api_key`] : []),
    ...notes.otherErrors,
  ];
  const model: ModelConfig = {
    modelName: entry.model_name,
    litellmModel: params.model,
    providerPrefix: prefix ?? '',
    // placeholders when the model cannot be served in SDK mode: `error` says why
    provider: spec?.provider ?? 'openai-compatible',
    dialect: spec?.dialect ?? 'openai',
    providerModel,
    apiBase,
    apiKey,
    extraHeaders,
    supermemory,
    thinking: params.thinking ?? null,
    reasoningEffort: params.reasoning_effort ?? null,
    maxTokens: params.max_tokens ?? null,
    extraParams,
    error: errors.length > 0 ? errors.join('; ') : null,
    source: { file: ctx.file, line: lineOf(ctx.source, at()) },
  };
  return { model, notes, problems };
}

function resolveApiBase(
  raw: string | null,
  prefix: string | null,
  spec: ProviderSpec | undefined,
  path: KeyPath,
  ctx: ModelBuildContext,
  problems: ConfigProblem[],
  notes: ModelNotes,
): string {
  if (raw === null) {
    if (spec && spec.defaultApiBase === null) notes.otherErrors.push(`provider ${prefix} needs litellm_params.api_base`);
    return spec?.defaultApiBase ?? '';
  }
  const lookup = resolveEnvRef(raw, ctx.env);
  if (lookup.kind === 'invalid') {
    problems.push(problemAt(ctx.source, path, 'os.environ/ must name a variable'));
    return '';
  }
  if (lookup.kind === 'missing') {
    notes.missingRefs.push({ field: 'api_base', variable: lookup.variable });
    return '';
  }
  if (!isHttpUrl(lookup.value)) {
    if (lookup.kind === 'literal') problems.push(problemAt(ctx.source, path, 'must be an http:// or https:// URL'));
    else notes.otherErrors.push(`api_base from ${lookup.variable} is not an http(s) URL`);
    return '';
  }
  let base = lookup.value.replace(/\/+$/, '');
  // LiteLLM accepts the full endpoint as an Anthropic api_base; we append /v1/messages ourselves
  if (spec?.provider === 'anthropic') base = base.replace(/\/v1\/messages$/, '');
  // LiteLLM's Ollama api_base is the server root; SDK mode uses Ollama's OpenAI-compatible /v1
  if (spec?.rootApiBase && !/\/v1$/.test(base)) base = `${base}/v1`;
  return base;
}

function resolveApiKey(
  raw: string | null,
  spec: ProviderSpec | undefined,
  path: KeyPath,
  ctx: ModelBuildContext,
  problems: ConfigProblem[],
  notes: ModelNotes,
): string | null {
  if (raw !== null && raw.trim() !== '') {
    const lookup = resolveEnvRef(raw.trim(), ctx.env);
    if (lookup.kind === 'invalid') problems.push(problemAt(ctx.source, path, 'os.environ/ must name a variable'));
    if (lookup.kind === 'missing') notes.missingRefs.push({ field: 'api_key', variable: lookup.variable });
    return lookup.kind === 'literal' || lookup.kind === 'env' ? lookup.value : null;
  }
  if (!spec) return null;
  const fallback = firstEnv(spec.keyEnv, ctx.env);
  if (fallback) return fallback.value;
  if (spec.keyRequired) notes.missingKeyVars = spec.keyEnv;
  return null;
}

function resolveHeaders(
  raw: Record<string, string>,
  path: KeyPath,
  ctx: ModelBuildContext,
  problems: ConfigProblem[],
  notes: ModelNotes,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const lookup = resolveEnvRef(value, ctx.env);
    if (lookup.kind === 'invalid') problems.push(problemAt(ctx.source, [...path, name], 'os.environ/ must name a variable'));
    else if (lookup.kind === 'missing') notes.missingRefs.push({ field: `extra_headers.${name}`, variable: lookup.variable });
    else headers[name] = lookup.value;
  }
  return headers;
}

/** true when `url` is `base` or lies below it (same origin, path prefix at a segment boundary). */
export function isUnderBase(url: string, base: string): boolean {
  let target: URL;
  let root: URL;
  try {
    target = new URL(url);
    root = new URL(base);
  } catch {
    return false;
  }
  if (target.origin !== root.origin) return false;
  const rootPath = root.pathname.replace(/\/+$/, '');
  return rootPath === '' || target.pathname === rootPath || target.pathname.startsWith(`${rootPath}/`);
}
