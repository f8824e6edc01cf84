// LiteLLM's `os.environ/NAME` indirection: a config value that names an env var instead of holding a
// secret. Pure: the env is passed in.

export const ENV_REF_PREFIX = 'os.environ/';

export type EnvLookup =
  | { kind: 'literal'; value: string }
  | { kind: 'env'; variable: string; value: string }
  | { kind: 'missing'; variable: string }
  | { kind: 'invalid' };

export function isEnvRef(value: string): boolean {
  return value.startsWith(ENV_REF_PREFIX);
}

/**
 * Resolves `value`. A variable set to the empty string counts as missing: an empty key or header would
 * only fail later, upstream, with a less helpful message. Values are trimmed (keys pasted with a newline).
 */
export function resolveEnvRef(value: string, env: Record<string, string | undefined>): EnvLookup {
  if (!isEnvRef(value)) return { kind: 'literal', value };
  const variable = value.slice(ENV_REF_PREFIX.length).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) return { kind: 'invalid' };
  const resolved = env[variable]?.trim();
  return resolved ? { kind: 'env', variable, value: resolved } : { kind: 'missing', variable };
}

/** First of `variables` that is set (non-empty), for provider key fallbacks. */
export function firstEnv(variables: readonly string[], env: Record<string, string | undefined>): { variable: string; value: string } | null {
  for (const variable of variables) {
    const value = env[variable]?.trim();
    if (value) return { variable, value };
  }
  return null;
}
