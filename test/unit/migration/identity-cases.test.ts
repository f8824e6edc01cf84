import { describe, expect, test } from 'vitest';
import { identityCases, sampleFor, PROBE_USER_AGENT } from '../../../main/core/migration/identity-cases';
import type { IdentityConfig } from '../../../main/core/config/types';

const rule = (header: string, pattern: string, user_id: string) => ({ header, pattern, user_id, regex: new RegExp(pattern) });

describe('identity rules turned into probe requests', () => {
  test.each([
    ['OpenAIClientImpl/Java', 'OpenAIClientImpl/Java'],
    ['claude-cli/|Claude Code', 'claude-cli/'],
    ['^anthropic-sdk-python|Anthropic/Python', 'anthropic-sdk-python'],
    ['^MyTool/\\d+\\.\\d+$', 'MyTool/1.1'],
    ['(?:vscode|cursor)-ext', 'vscodecursor-ext'],
  ])('a header value matching /%s/', (pattern, expected) => {
    const value = sampleFor(pattern, new RegExp(pattern));
    expect(value).not.toBeNull();
    expect(new RegExp(pattern).test(value!)).toBe(true);
    if (expected !== 'vscodecursor-ext') expect(value).toBe(expected);
  });

  test('no value for a pattern it cannot satisfy: the case says so instead of guessing', () => {
    expect(sampleFor('^(?!x).{300}$', /^(?!x).{300}$/)).toBeNull();
  });

  test('the expected identity is what the resolver gives, so an earlier rule that wins is expected', () => {
    const identity: IdentityConfig = {
      customHeader: 'x-memory-user-id',
      patterns: [rule('user-agent', 'Claude', 'first'), rule('user-agent', 'Claude Code', 'second')],
      defaultUserId: 'fallback',
    };
    const cases = identityCases(identity);
    expect(cases.map((c) => [c.key, c.expected])).toEqual([
      ['custom-header', 'validation-check'],
      ['pattern-1', 'first'],
      ['pattern-2', 'first'],
      ['default', 'fallback'],
    ]);
    expect(cases[0]!.headers).toEqual({ 'x-memory-user-id': 'validation-check' });
    expect(new RegExp('Claude').test(PROBE_USER_AGENT)).toBe(false);
  });
});
