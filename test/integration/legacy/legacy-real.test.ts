// Binary mode against the REAL LiteLLM proxy (the pinned release), with the same assertions as the fake
// gets in legacy-fake.test.ts.
import { describe, it } from 'vitest';
import { describeLegacyBackend, OFFLINE_LITELLM_ENV } from './legacy-suite';
import { INSTALL_HINT, realLitellm } from './real-litellm';

const command = realLitellm();

if (command) {
  describeLegacyBackend('binary mode with the real LiteLLM proxy', () => ({ command, env: OFFLINE_LITELLM_ENV, readyTimeoutMs: 120_000 }));
} else {
  describe('binary mode with the real LiteLLM proxy', () => {
    it.skip(`needs SWITCHBOARD_TEST_LITELLM (${INSTALL_HINT})`, () => undefined);
  });
}
