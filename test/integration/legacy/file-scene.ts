// The set-up the legacy-backend test files share: fake providers for the whole file, and a gateway per
// test that is disposed after it whatever the test did.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeAnthropic, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import type { TestGateway } from '../harness/test-gateway';

export interface FileScene {
  readonly anthropic: FakeUpstream;
  readonly openai: FakeUpstream;
  /** hands back `gw`, disposed after the current test */
  keep(gw: TestGateway): TestGateway;
  /** runs after each test, before the gateway is disposed */
  afterEachTest(cleanup: () => Promise<void>): void;
}

export function fileScene(): FileScene {
  let anthropic: FakeUpstream | null = null;
  let openai: FakeUpstream | null = null;
  let current: TestGateway | null = null;
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    anthropic = await startFakeAnthropic();
    openai = await startFakeOpenAI();
  });
  afterEach(async () => {
    await current?.dispose();
    current = null;
    for (const cleanup of cleanups) await cleanup();
  });
  afterAll(async () => {
    await anthropic?.close();
    await openai?.close();
  });
  return {
    get anthropic() {
      if (!anthropic) throw new Error('fake providers start in beforeAll');
      return anthropic;
    },
    get openai() {
      if (!openai) throw new Error('fake providers start in beforeAll');
      return openai;
    },
    keep(gw) {
      current = gw;
      return gw;
    },
    afterEachTest(cleanup) {
      cleanups.push(cleanup);
    },
  };
}
