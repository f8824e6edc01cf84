// A stop waits for requests in flight, but only for switchboard.shutdown_grace_ms: a stream that is
// still open then is closed, the stop completes, and the log says why.
import { describe, expect, it } from 'vitest';
import { anthropicStreamSteps, gate } from '../../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';

describe('shutdown grace', () => {
  it('closes a stream still open when the grace period runs out, and the stop completes', async () => {
    const parts = await startTwoProviders((a, o) => twoProviderYaml(a, o, '  shutdown_grace_ms: 200\n'), { env: TEST_PROVIDER_ENV });
    const { anthropic, gw } = parts;
    const hold = gate();
    try {
      const steps = anthropicStreamSteps(['a', 'b']);
      steps[3] = { ...steps[3]!, waitFor: hold.promise };
      anthropic.queue({ kind: 'sse', steps });
      const res = await fetch(`${gw.url}/v1/messages`, {
        method: 'POST',
        headers: { 'x-api-key': gw.key, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'claude-sonnet-4.5', max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'x' }] }),
      });
      const reader = res.body!.getReader();
      await reader.read();
      // the upstream holds the stream open for good: only the grace period can end the stop
      await gw.stop();
      let rest = '';
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          rest += decoder.decode(value);
        }
      } catch {
        // a connection cut is one way for the stream to end
      }
      expect(rest).not.toContain('message_stop');
      expect(gw.logs.join('')).toContain('shutdown grace period over');
    } finally {
      hold.open();
      await stopTwoProviders(parts);
    }
  });
});
