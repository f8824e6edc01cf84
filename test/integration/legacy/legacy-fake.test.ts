// Binary mode against the project's fake LiteLLM (current version): the same suite as legacy-real.test.ts.
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { describeLegacyBackend } from './legacy-suite';

describeLegacyBackend('binary mode with the fake LiteLLM', () => ({ command: FAKE_LITELLM_PATH, env: {}, readyTimeoutMs: 20_000 }));
