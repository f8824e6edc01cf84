// Shared builders for the events tests: a clock the test moves, identities and records.
import type { IdentityMatch } from '../../../main/core/clients/identity-types';
import type { RequestRecord } from '../../../shared/protocol/records';

export interface FakeClock {
  now: () => number;
  hrNow: () => number;
  /** moves both clocks forward */
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function fakeClock(start = Date.UTC(2025, 5, 10, 12, 0, 0)): FakeClock {
  let wall = start;
  let mono = 1_000;
  return {
    now: () => wall,
    hrNow: () => mono,
    advance(ms) {
      wall += ms;
      mono += ms;
    },
    set(epochMs) {
      wall = epochMs;
    },
  };
}

export function identity(overrides: Partial<IdentityMatch> = {}): IdentityMatch {
  return {
    userId: 'pycharm-ai',
    source: 'pattern',
    matchedPattern: { header: 'User-Agent', pattern: 'OpenAIClientImpl/Java', user_id: 'pycharm-ai' },
    customHeaderPresent: false,
    clientApp: 'JetBrains AI Assistant',
    userAgent: 'OpenAIClientImpl/Java 1.0',
    ...overrides,
  };
}

let counter = 0;

export function record(overrides: Partial<RequestRecord> = {}): RequestRecord {
  counter += 1;
  return {
    id: `req-${counter}`,
    startedAt: Date.UTC(2025, 5, 10, 12, 0, 0),
    phase: 'done',
    method: 'POST',
    path: '/v1/chat/completions',
    endpoint: 'chat.completions',
    dialect: 'openai',
    stream: false,
    identity: 'pycharm-ai',
    identitySource: 'pattern',
    matchedPattern: { header: 'User-Agent', pattern: 'OpenAIClientImpl/Java', user_id: 'pycharm-ai' },
    clientApp: 'JetBrains AI Assistant',
    userAgent: 'OpenAIClientImpl/Java 1.0',
    model: 'gpt-4o',
    providerModel: 'gpt-4o',
    provider: 'openai',
    upstreamHost: 'api.openai.com',
    backend: 'sdk',
    translated: false,
    status: 200,
    ttfbMs: 10,
    durationMs: 20,
    bytesIn: 1024,
    bytesOut: 512,
    usage: null,
    retries: 0,
    errorCode: null,
    errorMessage: null,
    replayOf: null,
    ...overrides,
  };
}
