// Turns zod's validation issues into config problems that name the line and key path.
import type { z } from 'zod';
import type { ConfigProblem } from './config-error';
import { editDistance } from './model-lookup';
import { problemAt } from './yaml-source';
import type { KeyPath, YamlSource } from './yaml-source';

/** Allowed keys of the object at `path` (relative to the validated value), when known. */
export type KnownKeys = (path: KeyPath) => readonly string[] | undefined;

export function issuesToProblems(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  base: KeyPath = [],
  knownKeys: KnownKeys = () => undefined,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(path.slice(base.length)) ?? [];
      for (const key of issue.keys) problems.push(problemAt(source, [...path, key], `unknown key${hint(key, known)}`, { key: true }));
    } else if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) {
      problems.push(problemAt(source, path, 'required but missing'));
    } else {
      problems.push(problemAt(source, path, issue.message));
    }
  }
  return problems;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function hint(key: string, known: readonly string[]): string {
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean ${best.name}?)` : '';
}
