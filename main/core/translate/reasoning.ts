// Reasoning knobs: OpenAI's `reasoning_effort` words against Anthropic's `thinking.budget_tokens`.
// Both tables are ours (no provider publishes an equivalence); they are documented in README.md.

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

/**
 * Which models take a reasoning effort, per provider prefix. A prefix absent here never does; `true`
 * means every model of that provider does (the provider itself normalises, e.g. OpenRouter).
 */
export const REASONING_EFFORT_SUPPORT: Record<string, RegExp | true> = {
  openai: /^(o\d|gpt-5|codex)/i,
  gemini: /gemini-(2\.5|[3-9])/i,
  openrouter: true,
  ollama: /gpt-oss|qwen3|deepseek-r1|magistral/i,
  ollama_chat: /gpt-oss|qwen3|deepseek-r1|magistral/i,
  groq: /gpt-oss|qwen3/i,
  xai: /grok-3-mini/i,
  anthropic: true,
};

export function providerSupportsReasoningEffort(providerPrefix: string, model: string): boolean {
  const rule = Object.hasOwn(REASONING_EFFORT_SUPPORT, providerPrefix) ? REASONING_EFFORT_SUPPORT[providerPrefix] : undefined;
  if (rule === undefined) return false;
  if (rule === true) return true;
  // Model ids may carry a routing prefix ("google/gemini-2.5-pro"): test the last segment too.
  return rule.test(model) || rule.test(model.slice(model.lastIndexOf('/') + 1));
}
