// user_id_mappings -> IdentityConfig: header names lower-cased (node gives lower-case names), patterns
// compiled once, case-insensitively, and every identity value checked now rather than on first request.
import { isValidIdentity, MAX_IDENTITY_LENGTH } from './identity-value';
import type { ConfigProblem } from './config-error';
import type { UserIdMappings } from './schema-litellm';
import type { IdentityConfig } from './types';
import { formatKeyPath, problemAt } from './yaml-source';
import type { YamlSource } from './yaml-source';

const KNOWN_KEYS = new Set(['custom_header', 'header_patterns', 'default_user_id']);
const IDENTITY_RULE = `must be 1-${MAX_IDENTITY_LENGTH} printable ASCII characters without leading or trailing spaces`;

export interface IdentityResult {
  identity: IdentityConfig;
  problems: ConfigProblem[];
  warnings: string[];
}

export function buildIdentity(mappings: UserIdMappings, source: YamlSource): IdentityResult {
  const problems: ConfigProblem[] = [];
  const base = ['user_id_mappings'] as const;
  const patterns: IdentityConfig['patterns'] = [];
  mappings.header_patterns.forEach((rule, index) => {
    const at = [...base, 'header_patterns', index];
    if (!isValidIdentity(rule.user_id)) problems.push(problemAt(source, [...at, 'user_id'], IDENTITY_RULE));
    const regex = compilePattern(rule.pattern);
    if (typeof regex === 'string') {
      problems.push(problemAt(source, [...at, 'pattern'], `not a valid regular expression: ${regex}`));
      return;
    }
    patterns.push({ header: rule.header, pattern: rule.pattern, user_id: rule.user_id, regex });
  });
  if (!isValidIdentity(mappings.default_user_id)) problems.push(problemAt(source, [...base, 'default_user_id'], IDENTITY_RULE));
  const warnings = Object.keys(mappings)
    .filter((key) => !KNOWN_KEYS.has(key))
    .map((key) => `${source.file}: ${formatKeyPath([...base, key])} is not used by Switchboard`);
  return {
    identity: { customHeader: mappings.custom_header, patterns, defaultUserId: mappings.default_user_id },
    problems,
    warnings,
  };
}

/**
 * The memory proxy we replace used Python's `re`, whose patterns may start with an inline `(?i)`; JS
 * (before Node 23) rejects that, and every pattern is case-insensitive here anyway, so it is dropped.
 * No `g` flag: a global regex keeps lastIndex between .test() calls and would match every other request.
 */
export function compilePattern(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern.replace(/^\(\?i\)/, ''), 'i');
  } catch (error) {
    return (error as Error).message;
  }
}
