// A parsed config document -> everything GatewayConfig holds except the secrets (those need file I/O).
// Pure, and it reports every problem it finds, not just the first: each section, and each model_list
// entry, is validated on its own and the valid parts are still checked further.
import path from 'node:path';
import type { z } from 'zod';
import { buildIdentity } from './build-identity';
import { fallThroughWarnings } from './fall-through-warnings';
import { DEFAULT_CUSTOM_HEADER, DEFAULT_USER_ID, KNOWN_CLIENT_PATTERNS } from './known-clients';

/** The mappings a file without `user_id_mappings:` gets: the known clients' patterns. */
function knownClientMappings(): Record<string, unknown> {
  return { custom_header: DEFAULT_CUSTOM_HEADER, header_patterns: KNOWN_CLIENT_PATTERNS.map((p) => ({ ...p })), default_user_id: DEFAULT_USER_ID };
}
import { buildSettings } from './build-settings';
import type { ConfigProblem } from './config-error';
import type { ConfigFlags } from './config-flags';
import { resolveUserPath } from './data-dir';
import { buildModelList } from './model-list';
import { generalSettingsSectionSchema, modelEntrySchema, modelListSchema, userIdMappingsSectionSchema } from './schema-litellm';
import type { ModelEntry } from './schema-litellm';
import { DEFAULT_SUPERMEMORY_BASE_URL, SWITCHBOARD_KEYS, switchboardSectionSchema } from './schema-switchboard';
import type { GatewayConfig, IdentityConfig, ModelConfig, SwitchboardSettings } from './types';
import { lineOf } from './yaml-source';
import type { KeyPath, YamlSource } from './yaml-source';
import { issuesToProblems } from './zod-problems';
import type { KnownKeys } from './zod-problems';

/** Top-level keys SDK mode reads; every other one is LiteLLM's alone. */
const SDK_SECTIONS = new Set(['model_list', 'user_id_mappings', 'general_settings', 'switchboard']);

export interface InterpretInput {
  source: YamlSource;
  kind: GatewayConfig['source']['kind'];
  /** absolute config file path, null for the built-in config */
  filePath: string | null;
  flags: ConfigFlags;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** data dir from --data-dir, SWITCHBOARD_DATA_DIR or the OS default, absolute */
  dataDir: string;
  /** true when --data-dir or SWITCHBOARD_DATA_DIR chose it (the file cannot override it then) */
  dataDirFromUser: boolean;
}

export interface Interpreted {
  models: ModelConfig[];
  identity: IdentityConfig;
  settings: SwitchboardSettings;
  /** general_settings.master_key as written */
  masterKey: { raw: string | null; line: number | null };
  litellmDocument: Record<string, unknown>;
  binaryOnlySections: string[];
  warnings: string[];
}

export type InterpretResult = { ok: true; value: Interpreted } | { ok: false; problems: ConfigProblem[] };

export function interpretDocument(input: InterpretInput): InterpretResult {
  const { source } = input;
  const warnings = [...source.warnings];
  if (source.data !== null && source.data !== undefined && !isPlainObject(source.data)) {
    return { ok: false, problems: [{ file: source.file, line: lineOf(source, []), keyPath: '', problem: 'the top level must be a mapping (key: value)' }] };
  }
  const data = (source.data ?? {}) as Record<string, unknown>;
  if (Object.keys(data).length === 0) warnings.push(`${source.file} is empty`);
  const { switchboard: rawSection, ...rest } = data;
  const problems: ConfigProblem[] = [];
  const check = <T>(result: z.ZodSafeParseResult<T>, raw: unknown, base: KeyPath, known?: KnownKeys): T | null => {
    if (result.success) return result.data;
    problems.push(...issuesToProblems(source, result.error.issues, raw, base, known));
    return null;
  };

  const section = check(switchboardSectionSchema.safeParse(rawSection), rawSection, ['switchboard'], (at) => SWITCHBOARD_KEYS[at.join('.')]);
  const rawMappings = rest.user_id_mappings === undefined ? knownClientMappings() : rest.user_id_mappings;
  const mappings = check(userIdMappingsSectionSchema.safeParse(rawMappings), rawMappings, ['user_id_mappings']);
  const general = check(generalSettingsSectionSchema.safeParse(rest.general_settings), rest.general_settings, ['general_settings']);
  const rawList = check(modelListSchema.safeParse(rest.model_list), rest.model_list, ['model_list']) ?? [];
  const entries: Array<{ entry: ModelEntry; index: number }> = [];
  rawList.forEach((raw, index) => {
    const entry = check(modelEntrySchema.safeParse(raw), raw, ['model_list', index]);
    if (entry) entries.push({ entry, index });
  });

  const dataDir = chooseDataDir(input, section?.data_dir, warnings);
  const settings = section ? buildSettings({ section, flags: input.flags, env: input.env, dataDir, source }) : null;
  const identity = mappings ? buildIdentity(mappings, source) : null;
  const modelList = buildModelList(
    entries,
    {
      env: input.env,
      // with a broken switchboard: section the default still lets the models be checked
      supermemoryBaseUrl: settings?.settings.supermemoryBaseUrl ?? DEFAULT_SUPERMEMORY_BASE_URL,
      supermemoryApiKey: settings?.settings.supermemoryApiKey ?? null,
      source,
      file: input.filePath,
    },
    { builtIn: input.kind === 'default' },
  );
  problems.push(...(settings?.problems ?? []), ...(identity?.problems ?? []), ...modelList.problems);
  if (problems.length > 0 || !settings || !identity || !general) return { ok: false, problems: sortByLine(problems) };

  const binaryOnlySections = [
    ...Object.keys(rest).filter((key) => !SDK_SECTIONS.has(key)),
    ...Object.keys(general)
      .filter((key) => key !== 'master_key')
      .map((key) => `general_settings.${key}`),
  ];
  if (binaryOnlySections.length > 0) warnings.push(`used only in binary mode: ${binaryOnlySections.join(', ')}`);
  if (modelList.models.length === 0) warnings.push(`${source.file}: model_list is empty; every model request answers 404`);
  return {
    ok: true,
    value: {
      models: modelList.models,
      identity: identity.identity,
      settings: settings.settings,
      masterKey: { raw: general.master_key ?? null, line: lineOf(source, ['general_settings', 'master_key']) },
      litellmDocument: rest,
      binaryOnlySections,
      warnings: [...warnings, ...settings.warnings, ...identity.warnings, ...fallThroughWarnings(identity.identity, source.file), ...modelList.warnings],
    },
  };
}

/**
 * --data-dir and SWITCHBOARD_DATA_DIR win. Otherwise switchboard.data_dir counts only in a file named by
 * --config or SWITCHBOARD_CONFIG: a config.yaml found INSIDE the data dir cannot move the data dir (we
 * would then have read the config from a different folder than the one it names), so there it is ignored
 * with a warning. A relative data_dir is taken relative to the config file.
 */
function chooseDataDir(input: InterpretInput, fromFile: string | undefined, warnings: string[]): string {
  if (!fromFile || input.dataDirFromUser || input.filePath === null) return input.dataDir;
  const resolved = resolveUserPath(fromFile, path.dirname(input.filePath), input.homeDir);
  if (input.kind !== 'data-dir') return resolved;
  if (resolved !== input.dataDir) {
    const line = lineOf(input.source, ['switchboard', 'data_dir']);
    warnings.push(
      `${input.source.file}:${line ?? '?'}: switchboard.data_dir is ignored in a config read from the data dir itself; use --data-dir or SWITCHBOARD_DATA_DIR`,
    );
  }
  return input.dataDir;
}

/** File order reads best; problems without a line (flags, env) go last, in the order found. */
function sortByLine(problems: ConfigProblem[]): ConfigProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.order - b.order)
    .map(({ problem }) => problem);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
