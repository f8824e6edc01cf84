import { describe, expect, it } from 'vitest';
import { MAX_LIST_ENTRIES, createIdentityStats } from '../../../main/core/events/identity-stats';
import type { IdentityStatsStore } from '../../../main/core/events/identity-stats';
import type { RequestRecord } from '../../../shared/protocol/records';
import { record } from './fixtures';

/** records one request and reads back that identity's stats */
function recordAndGet(store: IdentityStatsStore, entry: RequestRecord) {
  store.record(entry);
  return store.get(entry.identity)!;
}

describe('identity stats', () => {
  it('counts requests and errors, tracks lastSeen and what the identity used', () => {
    const store = createIdentityStats();
    store.record(record({ identity: 'pycharm-ai', startedAt: 1_000, model: 'gpt-4o' }));
    const stats = recordAndGet(store, 
      record({ identity: 'pycharm-ai', startedAt: 2_000, model: 'gpt-4o-mini', status: 429, phase: 'error' }),
    );
    expect(stats).toEqual({
      userId: 'pycharm-ai',
      requests: 2,
      errors: 1,
      lastSeen: 2_000,
      models: ['gpt-4o-mini', 'gpt-4o'],
      userAgents: ['OpenAIClientImpl/Java 1.0'],
      clientApps: ['JetBrains AI Assistant'],
      matchedBy: ['user-agent ~ OpenAIClientImpl/Java'],
      providers: ['openai'],
      backends: ['sdk'],
      routes: [
        { clientApp: 'JetBrains AI Assistant', model: 'gpt-4o', provider: 'openai', backend: 'sdk', failedAt: null, requests: 1, lastSeen: 1_000, minutes: [[0, 1]] },
        { clientApp: 'JetBrains AI Assistant', model: 'gpt-4o-mini', provider: 'openai', backend: 'sdk', failedAt: 'provider', requests: 1, lastSeen: 2_000, minutes: [[0, 1]] },
      ],
    });
  });

  it('keeps each route with the hop where its requests failed and per-minute counts for the last hour', () => {
    const store = createIdentityStats();
    const minute = 60_000;
    store.record(record({ identity: 'claude-cli', startedAt: 0, model: 'nope', provider: null, status: 404, phase: 'error', errorCode: 'UNKNOWN_MODEL' }));
    store.record(record({ identity: 'claude-cli', startedAt: 10, model: null, provider: null, status: 401, phase: 'error', errorCode: 'AUTH_INVALID_KEY' }));
    store.record(record({ identity: 'claude-cli', startedAt: 20, backend: 'binary', status: 503, phase: 'error', errorCode: 'BACKEND_UNAVAILABLE' }));
    for (const at of [0, minute * 30, minute * 61, minute * 61 + 5]) store.record(record({ identity: 'claude-cli', startedAt: at }));
    const stats = store.get('claude-cli')!;
    const failed = Object.fromEntries(stats.routes.filter((r) => r.failedAt).map((r) => [r.failedAt, r.model]));
    expect(failed).toEqual({ model: 'nope', gateway: null, backend: 'gpt-4o' });
    const ok = stats.routes.find((r) => r.failedAt === null)!;
    expect(ok.requests).toBe(4);
    // minute 0 is over an hour older than minute 61: dropped from the window, still in the total
    expect(ok.minutes).toEqual([[minute * 30, 1], [minute * 61, 2]]);
    expect(stats.routes[0]).toBe(stats.routes.find((r) => r.requests === 4));
  });

  it('describes how each request matched', () => {
    const store = createIdentityStats({ customHeader: 'X-Memory-User-Id' });
    store.record(record({ identity: 'alice', identitySource: 'custom-header', matchedPattern: null }));
    store.record(record({ identity: 'alice', identitySource: 'default', matchedPattern: null }));
    const stats = recordAndGet(store, 
      record({
        identity: 'alice',
        identitySource: 'pattern',
        matchedPattern: { header: 'user-agent', pattern: 'claude-cli/', user_id: 'alice' },
      }),
    );
    expect(stats.matchedBy).toEqual(['user-agent ~ claude-cli/', 'default', 'header x-memory-user-id']);
  });

  it('keeps lists short, unique and most recent first', () => {
    const store = createIdentityStats();
    for (let i = 0; i < MAX_LIST_ENTRIES + 5; i += 1) store.record(record({ userAgent: `ua/${i}` }));
    const stats = recordAndGet(store, record({ userAgent: 'ua/3' }));
    expect(stats.userAgents).toHaveLength(MAX_LIST_ENTRIES);
    expect(stats.userAgents[0]).toBe('ua/3');
    expect(new Set(stats.userAgents).size).toBe(MAX_LIST_ENTRIES);
    expect(stats.userAgents[1]).toBe(`ua/${MAX_LIST_ENTRIES + 4}`);
  });

  it('skips empty values and hands out copies', () => {
    const store = createIdentityStats();
    const first = recordAndGet(store, record({ identity: 'x', model: null, userAgent: '' }));
    expect(first.models).toEqual([]);
    expect(first.userAgents).toEqual([]);
    first.models.push('tampered');
    store.record(record({ identity: 'y' }));
    const listed = store.list();
    expect(listed.map((s) => s.userId)).toEqual(['x', 'y']);
    expect(listed[0]?.models).toEqual([]);
  });
});
