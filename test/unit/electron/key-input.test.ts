// The bridge's rules for provider-key names and values, and how foreign messages lose a value.
import { describe, expect, it } from 'vitest';
import { KEY_VALUE_MAX_CHARS, parseKeyName, parseKeyValue, withoutValues } from '../../../main/electron/secrets/key-input';

const KEY = 'sk-ant-api03-secret-value-for-input-tests';

describe('key names', () => {
  it('takes environment-variable names of 2–64 characters', () => {
    for (const name of ['ANTHROPIC_API_KEY', 'A1', `A${'B'.repeat(63)}`, 'X_']) {
      expect(parseKeyName(name), name).toEqual({ ok: true, value: name });
    }
  });

  it('refuses anything else without repeating it', () => {
    const bad: unknown[] = ['A', `A${'B'.repeat(64)}`, 'anthropic_api_key', '_KEY', '1_KEY', 'OPENAI-API-KEY', 'KEY ', 'PATH;rm', KEY, '', 42, null, undefined, ['A_KEY']];
    for (const name of bad) {
      const result = parseKeyName(name);
      expect(result.ok, String(name)).toBe(false);
      if (!result.ok) {
        expect(result.problem).toMatch(/environment variable name such as ANTHROPIC_API_KEY/);
        expect(result.problem).not.toContain(KEY);
        expect(result.problem).not.toContain('PATH;rm');
      }
    }
  });
});

describe('key values', () => {
  it('trims, and takes 1 to 4096 printable characters', () => {
    expect(parseKeyValue('OPENAI_API_KEY', `  ${KEY}\n`)).toEqual({ ok: true, value: KEY });
    expect(parseKeyValue('OPENAI_API_KEY', 'x')).toEqual({ ok: true, value: 'x' });
    const longest = 'k'.repeat(KEY_VALUE_MAX_CHARS);
    expect(parseKeyValue('OPENAI_API_KEY', longest)).toEqual({ ok: true, value: longest });
    // Spaces inside are printable (some services' tokens have a scheme prefix); only the ends are trimmed.
    expect(parseKeyValue('OPENAI_API_KEY', ' Bearer abc ')).toEqual({ ok: true, value: 'Bearer abc' });
  });

  it('refuses the rest, naming the variable and the rule but never the value', () => {
    const cases: Array<[unknown, RegExp]> = [
      [undefined, /must be text/],
      [{ value: KEY }, /must be text/],
      ['', /is empty/],
      [' \n\t ', /is empty/],
      [`${KEY}${'k'.repeat(KEY_VALUE_MAX_CHARS)}`, /longer than 4096 characters/],
      [`${KEY}\n${KEY}`, /line breaks/],
      [`${KEY}\tsecond`, /control/],
      [`${KEY}\u0000`, /control/],
      [`${KEY}\u007f`, /control/],
      [`${KEY}ключ`, /non-ASCII/],
      [`${KEY}\u200b`, /non-ASCII/],
    ];
    for (const [value, rule] of cases) {
      const result = parseKeyValue('OPENAI_API_KEY', value);
      expect(result.ok, JSON.stringify(value)).toBe(false);
      if (result.ok) continue;
      expect(result.problem).toMatch(rule);
      expect(result.problem).toContain('OPENAI_API_KEY');
      expect(result.problem).not.toContain(KEY);
    }
  });
});

describe('withoutValues', () => {
  it('cuts a long value out of a message and keeps the rest readable', () => {
    expect(withoutValues(`api_key "${KEY}" is not valid at config.yaml:3`, [KEY])).toBe('api_key "[redacted]" is not valid at config.yaml:3');
    expect(withoutValues('nothing to hide', [KEY, ''])).toBe('nothing to hide');
  });

  it('withholds a message that holds a value too short to cut out', () => {
    expect(withoutValues('refused: abc is not a key', ['abc'])).toBe('details withheld because they contained the key');
    expect(withoutValues('refused: nothing here', ['xyz'])).toBe('refused: nothing here');
  });
});
