// Starts a real gateway on 127.0.0.1:0 from a real YAML config file in a temp data dir, with the
// process log captured so tests can search it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../main/core/config';
import type { GatewayConfig } from '../../../main/core/config';
import type { Logger } from 'pino';
import { createLogger } from '../../../main/core/events/logger';
import { createGateway } from '../../../main/core/gateway';
import type { Gateway } from '../../../main/core/gateway';
import type { ServerInfo } from '../../../shared/protocol/records';
import { startFakeAnthropic, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';

export const TEST_MASTER_KEY = 'sk-sb-test-master-key-0123456789abcdef';
export const TEST_ADMIN_TOKEN = 'sb-admin-test-token-0123456789abcdef';

export interface TestGatewayOptions {
  /** YAML config text */
  yaml: string;
  env?: Record<string, string>;
  /** reuse a data dir (restart tests) */
  dataDir?: string;
  port?: number;
  rendererDir?: string | null;
}

export interface TestGateway {
  gateway: Gateway;
  config: GatewayConfig;
  info: ServerInfo;
  url: string;
  key: string;
  adminToken: string;
  dataDir: string;
  /** everything the process logger wrote */
  logs: string[];
  /** the process logger, wired as in production */
  logger: Logger;
  stop(): Promise<void>;
  /** stop, and delete the data dir */
  dispose(): Promise<void>;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'switchboard-test-'));
}

export async function startTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const file = join(dataDir, 'test-config.yaml');
  await writeFile(file, options.yaml);
  const env = {
    SWITCHBOARD_MASTER_KEY: TEST_MASTER_KEY,
    SWITCHBOARD_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    SWITCHBOARD_LOG_LEVEL: 'debug',
    ...options.env,
  };
  const config = await loadConfig({
    flags: { config: file, dataDir, port: options.port ?? 0, host: '127.0.0.1' },
    env,
    platform: process.platform,
    homeDir: dataDir,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  // wired as the CLI and the desktop app wire it: the gateway's own secret list
  const holder: { gateway: Gateway | null } = { gateway: null };
  const logger = createLogger({ level: 'debug', destination: sink, secrets: () => holder.gateway?.secrets() ?? [] });
  const gateway = createGateway(config, {
    logger,
    version: '0.0.0-test',
    rendererDir: options.rendererDir ?? null,
    // the LiteLLM child's environment: PATH to find `node` for the fake binary, plus the test's env
    env: { PATH: process.env.PATH, HOME: dataDir, ...env },
  });
  holder.gateway = gateway;
  const info = await gateway.listen();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await gateway.stop();
  };
  return {
    gateway,
    config,
    info,
    url: info.baseUrl,
    key: config.masterKey,
    adminToken: config.adminToken,
    dataDir,
    logs,
    logger,
    stop,
    async dispose() {
      await stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}

/** A config with one Anthropic and one OpenAI model pointing at fake upstreams. */
export function twoProviderYaml(anthropicUrl: string, openaiUrl: string, extra = '', extraModels = ''): string {
  return `model_list:
  - model_name: claude-sonnet-4.5
    litellm_params:
      model: anthropic/claude-sonnet-4-5-20250929
      api_base: ${anthropicUrl}
      api_key: os.environ/TEST_ANTHROPIC_KEY
  - model_name: claude-*
    litellm_params:
      model: anthropic/claude-*
      api_base: ${anthropicUrl}
      api_key: os.environ/TEST_ANTHROPIC_KEY
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o-2024-08-06
      api_base: ${openaiUrl}/v1
      api_key: os.environ/TEST_OPENAI_KEY
${extraModels}user_id_mappings:
  custom_header: x-memory-user-id
  header_patterns:
    - header: user-agent
      pattern: OpenAIClientImpl/Java
      user_id: pycharm-ai
    - header: user-agent
      pattern: "claude-cli/|Claude Code"
      user_id: claude-cli
  default_user_id: default-dev
switchboard:
  upstream:
    retries: 0
${extra}`;
}

export const TEST_PROVIDER_ENV = {
  TEST_ANTHROPIC_KEY: 'sk-ant-test-provider-key-ABCDEF123456',
  TEST_OPENAI_KEY: 'sk-openai-test-provider-key-ZYXW987654',
};

/** A response body as loosely-typed JSON, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readJson(res: Response): Promise<any> {
  return res.json();
}

export interface TwoProviders {
  anthropic: FakeUpstream;
  openai: FakeUpstream;
  gw: TestGateway;
}

/** Fake Anthropic and OpenAI providers and a gateway configured for them (`yaml` gets their URLs). */
export async function startTwoProviders(
  yaml: (anthropicUrl: string, openaiUrl: string) => string = twoProviderYaml,
  options: Omit<TestGatewayOptions, 'yaml'> = { env: TEST_PROVIDER_ENV },
): Promise<TwoProviders> {
  const anthropic = await startFakeAnthropic();
  const openai = await startFakeOpenAI();
  const gw = await startTestGateway({ ...options, yaml: yaml(anthropic.url, openai.url) });
  return { anthropic, openai, gw };
}

export async function stopTwoProviders(parts: Partial<TwoProviders>): Promise<void> {
  await parts.gw?.dispose();
  await parts.anthropic?.close();
  await parts.openai?.close();
}
