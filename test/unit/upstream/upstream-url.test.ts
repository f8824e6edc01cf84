import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../../shared/errors';
import { domainMatches, hostOfUrl } from '../../../main/core/upstream/host-of-url';
import { splitUpstreamUrl } from '../../../main/core/upstream/upstream-url';

describe('hostOfUrl', () => {
  it('extracts the lower-case host name', () => {
    expect(hostOfUrl('https://API.Supermemory.ai/v3/https://api.anthropic.com/v1/messages')).toBe('api.supermemory.ai');
    expect(hostOfUrl('http://127.0.0.1:4000/v1/chat/completions')).toBe('127.0.0.1');
    expect(hostOfUrl('http://user:pw@example.com:8080?x=1')).toBe('example.com');
    expect(hostOfUrl('http://example.com#frag')).toBe('example.com');
    expect(hostOfUrl('http://[::1]:8080/x')).toBe('::1');
    expect(hostOfUrl('not a url')).toBe('');
  });

  it('domain-matches a host against a cookie domain', () => {
    expect(domainMatches('api.supermemory.ai', 'supermemory.ai')).toBe(true);
    expect(domainMatches('supermemory.ai', 'supermemory.ai')).toBe(true);
    expect(domainMatches('evilsupermemory.ai', 'supermemory.ai')).toBe(false);
    expect(domainMatches('ai', 'supermemory.ai')).toBe(false);
  });
});

describe('splitUpstreamUrl', () => {
  it('splits origin and path, keeping the provider URL inside the path intact', () => {
    expect(splitUpstreamUrl('https://api.supermemory.ai/v3/https://api.anthropic.com/v1/messages?beta=true')).toEqual({
      rawOrigin: 'https://api.supermemory.ai',
      path: '/v3/https://api.anthropic.com/v1/messages?beta=true',
    });
    expect(splitUpstreamUrl('http://127.0.0.1:4000')).toEqual({ rawOrigin: 'http://127.0.0.1:4000', path: '/' });
    expect(splitUpstreamUrl('http://h?x=1#y')).toEqual({ rawOrigin: 'http://h', path: '/?x=1' });
  });

  it('rejects a URL without a scheme', () => {
    for (const url of ['api.openai.com/v1', '/v1/messages']) {
      expect(() => splitUpstreamUrl(url)).toThrow(
        expect.toSatisfy((error: unknown) => isGatewayError(error) && error.code === 'MODEL_MISCONFIGURED'),
      );
    }
  });
});
