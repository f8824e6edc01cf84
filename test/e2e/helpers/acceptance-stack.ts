// Everything the dashboard acceptance test runs against: a real gateway (createGateway through the
// integration harness) on 127.0.0.1 with fake OpenAI and Anthropic upstreams, a fake Supermemory router
// behind a fake Cloudflare (sets __cf_bm), and the fake LiteLLM binary for binary mode. The gateway can be
// stopped and started again on the same port and data dir, as a user restarting the app would.
import { rm } from 'node:fs/promises';
import type { RequestRecord } from '../../../shared/protocol/records';
import { startFakeSupermemory, type FakeSupermemory } from '../../fixtures/fake-cloudflare/fake-cloudflare';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { startFakeAnthropic, startFakeOpenAI, type FakeUpstream } from '../../fixtures/fake-upstreams';
import {
  makeDataDir,
  startTestGateway,
  TEST_ADMIN_TOKEN,
  TEST_MASTER_KEY,
  TEST_PROVIDER_ENV,
  twoProviderYaml,
  type TestGateway,
} from '../../integration/harness/test-gateway';

/** The model that goes through the fake Supermemory router. */
export const MEMORY_MODEL = 'memory-sonnet';

const MEMORY_ENV = {
  SUPERMEMORY_API_KEY: 'sm_e2e_supermemory_key_7c41d09b2e',
  E2E_MEMORY_PROVIDER_KEY: 'sk-ant-e2e-behind-memory-5d2f8a61c3',
};

export interface AcceptanceStack {
  anthropic: FakeUpstream;
  openai: FakeUpstream;
  memory: FakeSupermemory;
  /** the gateway running now (replaced by restart) */
  gateway(): TestGateway;
  /** resolves with the next request the gateway finishes that matches (subscribe BEFORE sending) */
  nextFinished(match: (record: RequestRecord) => boolean): Promise<RequestRecord>;
  /** stops the gateway, then starts a new one on the same port and data dir */
  stopGateway(): Promise<void>;
  startGateway(): Promise<TestGateway>;
  /** every secret value of the test: keys, admin token, and the cookie values handed out so far */
  secrets(): string[];
  close(): Promise<void>;
}

function stackYaml(anthropicUrl: string, openaiUrl: string, memoryUrl: string): string {
  const memoryModel = `  - model_name: ${MEMORY_MODEL}
    litellm_params:
      model: anthropic/claude-sonnet-4-5
      api_base: ${memoryUrl}/v3/api.anthropic.com
      api_key: os.environ/E2E_MEMORY_PROVIDER_KEY
`;
  const switchboard = `  supermemory_base_url: ${memoryUrl}
  binary:
    command: ${JSON.stringify(FAKE_LITELLM_PATH)}
    ready_timeout_ms: 20000
    stop_grace_ms: 2000
`;
  return twoProviderYaml(anthropicUrl, openaiUrl, switchboard, memoryModel);
}

export async function startAcceptanceStack(rendererDir: string): Promise<AcceptanceStack> {
  const anthropic = await startFakeAnthropic();
  const openai = await startFakeOpenAI();
  const memory = await startFakeSupermemory();
  const dataDir = await makeDataDir();
  const yaml = stackYaml(anthropic.url, openai.url, memory.url);
  const env = { ...TEST_PROVIDER_ENV, ...MEMORY_ENV };
  let port = 0;
  let current: TestGateway | null = null;
  let running = false;

  const startGateway = async (): Promise<TestGateway> => {
    current = await startTestGateway({ yaml, env, dataDir, port, rendererDir });
    // the first start takes any free port; a restart must come back on the same one (the open page
    // reconnects to the URL it was loaded from)
    port = current.info.port;
    running = true;
    return current;
  };
  await startGateway();

  const gateway = () => {
    if (!current || !running) throw new Error('the gateway is not running');
    return current;
  };

  return {
    anthropic,
    openai,
    memory,
    gateway,
    nextFinished(match) {
      const gw = gateway();
      return new Promise((resolve) => {
        const off = gw.gateway.admin.onEvent((event) => {
          if (event.type === 'request.finished' && match(event.request)) {
            off();
            resolve(event.request);
          }
        });
      });
    },
    async stopGateway() {
      running = false;
      await current?.stop();
    },
    startGateway,
    secrets() {
      const cookies = memory.issued ? [memory.issued.cfBm, memory.issued.cfuvid] : [];
      return [TEST_MASTER_KEY, TEST_ADMIN_TOKEN, ...Object.values(TEST_PROVIDER_ENV), ...Object.values(MEMORY_ENV), ...cookies];
    },
    async close() {
      running = false;
      await current?.stop();
      await Promise.allSettled([anthropic.close(), openai.close(), memory.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
