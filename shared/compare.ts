// What Compare (the core's replay and the dashboard's side-by-side view) agrees on: a stream's event names
// as a client sees them (runs collapsed: two backends chunk the same answer differently) and header names
// as compared (LiteLLM hands provider headers back prefixed `llm_provider-`).

export const LITELLM_HEADER_PREFIX = 'llm_provider-';

export function headerKey(name: string): string {
  const lower = name.toLowerCase();
  return lower.startsWith(LITELLM_HEADER_PREFIX) ? lower.slice(LITELLM_HEADER_PREFIX.length) : lower;
}

export interface EventRun {
  name: string;
  count: number;
}

/** ["a","b","b","b","c"] -> [{a,1},{b,3},{c,1}] */
export function collapseRuns(names: readonly string[]): EventRun[] {
  const out: EventRun[] = [];
  for (const name of names) {
    const last = out[out.length - 1];
    if (last && last.name === name) last.count += 1;
    else out.push({ name, count: 1 });
  }
  return out;
}

export function runLabel(run: EventRun): string {
  return run.count > 1 ? `${run.name} ×${run.count}` : run.name;
}
