// The whole model_list: builds each entry and condenses what is wrong into a few warning lines. A user
// with ten Claude aliases and no ANTHROPIC_API_KEY gets one line, not ten.
import { buildModel } from './build-model';
import type { BuiltModel, ModelBuildContext } from './build-model';
import type { ConfigProblem } from './config-error';
import type { ModelEntry } from './schema-litellm';
import type { ModelConfig } from './types';

export interface ModelListResult {
  models: ModelConfig[];
  problems: ConfigProblem[];
  warnings: string[];
}

/** `index` is the entry's position in model_list (entries that failed validation are left out). */
export function buildModelList(
  entries: Array<{ entry: ModelEntry; index: number }>,
  ctx: ModelBuildContext,
  options: { builtIn: boolean },
): ModelListResult {
  const built = entries.map(({ entry, index }) => buildModel(entry, index, ctx));
  return {
    models: built.map((b) => b.model),
    problems: built.flatMap((b) => b.problems),
    warnings: [
      ...duplicateWarnings(built),
      ...missingRefWarnings(built),
      ...missingKeyWarnings(built, options.builtIn),
      ...binaryOnlyProviderWarnings(built),
      ...built.flatMap((b) => b.notes.otherErrors.map((error) => `model ${b.model.modelName}: ${error}`)),
      ...binaryOnlyParamWarnings(built),
    ],
  };
}

function duplicateWarnings(built: BuiltModel[]): string[] {
  const lines = new Map<string, Array<number | null>>();
  for (const { model } of built) lines.set(model.modelName, [...(lines.get(model.modelName) ?? []), model.source.line]);
  const out: string[] = [];
  for (const [name, at] of lines) {
    if (at.length < 2) continue;
    const where = at.every((line) => line !== null) ? ` (lines ${at.join(', ')})` : '';
    out.push(`model_name ${name} is declared ${at.length} times${where}: SDK mode uses the first, binary mode load-balances across them`);
  }
  return out;
}

function missingRefWarnings(built: BuiltModel[]): string[] {
  return built.flatMap(({ model, notes }) =>
    notes.missingRefs.map(
      (ref) => `model ${model.modelName}: environment variable ${ref.variable} is not set (litellm_params.${ref.field}); this model fails until it is set`,
    ),
  );
}

function missingKeyWarnings(built: BuiltModel[], builtIn: boolean): string[] {
  const byVars = new Map<string, string[]>();
  for (const { model, notes } of built) {
    if (!notes.missingKeyVars) continue;
    const vars = notes.missingKeyVars.join(' or ');
    byVars.set(vars, [...(byVars.get(vars) ?? []), model.modelName]);
  }
  if (byVars.size === 0) return [];
  if (builtIn) {
    // the built-in list is a menu, not a promise: one quiet line, not a warning per provider
    return [`built-in config: no key in ${[...byVars.keys()].join(', ')}; those providers' models answer an error until it is set`];
  }
  return [...byVars].map(([vars, names]) => `no API key for ${names.join(', ')}: set ${vars} (or litellm_params.api_key); these models fail until then`);
}

function binaryOnlyProviderWarnings(built: BuiltModel[]): string[] {
  const listed = built.filter((b) => b.notes.binaryOnlyProvider).map((b) => `${b.model.modelName} (${b.notes.binaryOnlyProvider})`);
  return listed.length > 0 ? [`models served only in binary mode: ${listed.join(', ')}`] : [];
}

function binaryOnlyParamWarnings(built: BuiltModel[]): string[] {
  const keys = new Set(built.flatMap((b) => b.notes.binaryOnlyParams));
  return keys.size > 0 ? [`litellm_params ignored in SDK mode (used in binary mode): ${[...keys].sort().join(', ')}`] : [];
}
