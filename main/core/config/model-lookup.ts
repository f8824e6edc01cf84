// Which configured model answers a requested name. Pure. LiteLLM semantics: an exact model_name wins;
// otherwise a wildcard entry (`claude-*`) matches, and the text the `*` matched replaces the `*` in
// the provider model, so Claude Code's `claude-haiku-4-5-20251001` reaches `anthropic/claude-haiku-4-5-20251001`
// without being listed.
import type { ModelConfig } from './types';

export interface ModelMatch {
  config: ModelConfig;
  providerModel: string;
}

interface Wildcard {
  prefix: string;
  suffix: string;
}

function splitWildcard(modelName: string): Wildcard | null {
  const star = modelName.indexOf('*');
  if (star < 0) return null;
  return { prefix: modelName.slice(0, star), suffix: modelName.slice(star + 1) };
}

export function findModel(models: ModelConfig[], name: string): ModelMatch | null {
  const exact = models.find((model) => model.modelName === name);
  if (exact) return { config: exact, providerModel: exact.providerModel };
  let best: { model: ModelConfig; wildcard: Wildcard } | null = null;
  for (const model of models) {
    const wildcard = splitWildcard(model.modelName);
    if (!wildcard || !matches(name, wildcard)) continue;
    // the most specific entry wins: longest literal prefix, then longest suffix, then the first declared
    if (
      !best ||
      wildcard.prefix.length > best.wildcard.prefix.length ||
      (wildcard.prefix.length === best.wildcard.prefix.length && wildcard.suffix.length > best.wildcard.suffix.length)
    ) {
      best = { model, wildcard };
    }
  }
  if (!best) return null;
  const matched = name.slice(best.wildcard.prefix.length, name.length - best.wildcard.suffix.length);
  return { config: best.model, providerModel: best.model.providerModel.replaceAll('*', matched) };
}

function matches(name: string, { prefix, suffix }: Wildcard): boolean {
  return name.length >= prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix);
}

/**
 * Configured names that look like `name`, best first, for a 404's "did you mean". Wildcard entries are
 * compared by their literal prefix, so `clade-opus-4` still suggests `claude-*`.
 */
export function closestModelNames(models: ModelConfig[], name: string, limit = 3): string[] {
  const wanted = name.toLowerCase();
  const scored: Array<{ name: string; distance: number; wildcard: boolean }> = [];
  for (const candidate of new Set(models.map((model) => model.modelName))) {
    const lower = candidate.toLowerCase();
    const wildcard = splitWildcard(lower);
    if (wildcard) {
      // a short prefix (`o1*`) is close to everything; only prefixes long enough to mean something count
      if (wildcard.prefix.length < 3) continue;
      const distance = editDistance(wanted.slice(0, wildcard.prefix.length), wildcard.prefix);
      if (distance <= Math.max(1, Math.floor(wildcard.prefix.length / 3))) scored.push({ name: candidate, distance, wildcard: true });
      continue;
    }
    const distance = editDistance(wanted, lower);
    const contains = Math.min(lower.length, wanted.length) >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    if (contains || distance <= Math.max(2, Math.floor(Math.max(lower.length, wanted.length) / 3))) {
      scored.push({ name: candidate, distance, wildcard: false });
    }
  }
  // closest first; on a tie a concrete name is a better hint than a pattern, and a longer (more specific)
  // name better than a shorter one
  scored.sort(
    (a, b) =>
      a.distance - b.distance || Number(a.wildcard) - Number(b.wildcard) || b.name.length - a.name.length || a.name.localeCompare(b.name),
  );
  return scored.slice(0, Math.max(0, limit)).map((entry) => entry.name);
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
