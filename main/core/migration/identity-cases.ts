// The identity rules of a config turned into requests: for the custom header, every header pattern and
// the default, a header set that should select it and the identity the gateway's own resolver expects
// for it (an earlier rule may win; the resolver says so, not a guess). Pure.
import { resolveIdentity } from '../clients/identity';
import type { IdentityConfig } from '../config/types';

export interface IdentityCase {
  /** item id suffix: `custom-header`, `pattern-1`, …, `default` */
  key: string;
  title: string;
  headers: Record<string, string>;
  expected: string;
  /** null when a matching header value could not be derived from the pattern */
  unusable: string | null;
}

/** What fetch sends when no User-Agent is given; the probe requests set one explicitly instead. */
export const PROBE_USER_AGENT = 'switchboard-validate/1';
export const CUSTOM_IDENTITY_VALUE = 'validation-check';

export function identityCases(identity: IdentityConfig): IdentityCase[] {
  const expect = (headers: Record<string, string>) => resolveIdentity(lower({ 'user-agent': PROBE_USER_AGENT, ...headers }), identity).userId;
  const cases: IdentityCase[] = [];
  const custom = { [identity.customHeader]: CUSTOM_IDENTITY_VALUE };
  cases.push({ key: 'custom-header', title: `Header ${identity.customHeader} sets the identity`, headers: custom, expected: expect(custom), unusable: null });
  identity.patterns.forEach((rule, index) => {
    const value = sampleFor(rule.pattern, rule.regex);
    const headers = value === null ? {} : { [rule.header]: value };
    cases.push({
      key: `pattern-${index + 1}`,
      title: `${rule.header} matching /${rule.pattern}/ gets ${rule.user_id}`,
      headers,
      expected: value === null ? rule.user_id : expect(headers),
      unusable: value === null ? `could not derive a ${rule.header} value matching /${rule.pattern}/` : null,
    });
  });
  cases.push({ key: 'default', title: `A client no rule matches gets ${identity.defaultUserId}`, headers: {}, expected: expect({}), unusable: null });
  return cases;
}

/** A string the pattern matches: each top-level alternative with regex syntax simplified, the first that works. */
export function sampleFor(pattern: string, regex: RegExp): string | null {
  const candidates = [...splitAlternatives(pattern).map(simplify), pattern, simplify(pattern)];
  for (const candidate of candidates) {
    const value = `${candidate}`.trim();
    if (value && regex.test(value) && /^[\u0020-\u007e]+$/.test(value)) return value;
  }
  return null;
}

function splitAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      current += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (c === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

function simplify(alternative: string): string {
  return alternative
    .replace(/^\^|\$$/g, '')
    .replace(/\(\?[:=!]/g, '(')
    .replace(/\[([^\]\\])[^\]]*\]/g, '$1')
    .replace(/\\d[+*]?/g, '1')
    .replace(/\\s[+*]?/g, ' ')
    .replace(/\\w[+*]?/g, 'a')
    .replace(/\.\*|\.\+/g, 'x')
    .replace(/\\(.)/g, '$1')
    .replace(/[()?]/g, '')
    .replace(/\{\d+(,\d*)?\}/g, '');
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
