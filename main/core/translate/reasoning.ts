// Reasoning knobs: OpenAI's `reasoning_effort` words against Anthropic's `thinking.budget_tokens`.
// Both tables are ours (no provider publishes an equivalence); they are documented in README.md.
import { providerSpec } from '../config/provider-table';

/** OpenAI reasoning_effort -> Anthropic thinking budget. 'none' means thinking off. */
export const EFFORT_TO_BUDGET: Record<string, number> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
  xhigh: 32768,
};

/** Anthropic budget_tokens -> reasoning_effort: the first row whose ceiling the budget does not pass. */
export const BUDGET_TO_EFFORT: ReadonlyArray<readonly [number, string]> = [
  [4096, 'low'],
  [12288, 'medium'],
  [Infinity, 'high'],
];

/** Anthropic's smallest accepted thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

export function budgetToEffort(budget: number): string {
  for (const [ceiling, effort] of BUDGET_TO_EFFORT) if (budget <= ceiling) return effort;
  return 'high';
}

export function providerSupportsReasoningEffort(providerPrefix: string, model: string): boolean {
  // the provider table row's `reasoningEffort`: absent means never, `true` every model of the provider
  const rule = providerSpec(providerPrefix)?.reasoningEffort;
  if (rule === undefined) return false;
  if (rule === true) return true;
  // Model ids may carry a routing prefix ("google/gemini-2.5-pro"): test the last segment too.
  return rule.test(model) || rule.test(model.slice(model.lastIndexOf('/') + 1));
}
