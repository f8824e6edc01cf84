import { describe, expect, it } from 'vitest';
import type { IdentityRoute, IdentityStats } from '../../../shared/protocol/records';
import { appName, buildRoutingGraph, recordLinkIds } from '../../../renderer/src/lib/routing-graph';
import { firstSentence, rollbackTarget, switchOutcome } from '../../../renderer/src/lib/switch-outcome';
import { fakeIdentity, fakeModeState } from '../../fixtures/fake-admin/fake-records';

const NOW = 10 * 60 * 60_000;
const minute = (ago: number) => NOW - ago * 60_000 - ((NOW - ago * 60_000) % 60_000);

function route(overrides: Partial<IdentityRoute>): IdentityRoute {
  return { clientApp: 'Claude Code 2.1.3', model: 'claude-sonnet-4.5', provider: 'anthropic', backend: 'sdk', failedAt: null, requests: 1, lastSeen: NOW, minutes: [[minute(0), 1]], ...overrides };
}

function identity(userId: string, routes: IdentityRoute[]): IdentityStats {
  return fakeIdentity(userId, { routes });
}

describe('routing graph', () => {
  const identities = [
    identity('claude-cli', [
      route({ requests: 10, minutes: [[minute(90), 6], [minute(30), 3], [minute(1), 1]] }),
      route({ failedAt: 'gateway', model: null, provider: null, requests: 2, minutes: [[minute(2), 2]] }),
      route({ failedAt: 'model', model: 'gemini-3-pro', provider: null, requests: 1, minutes: [[minute(3), 1]] }),
      route({ failedAt: 'provider', requests: 1, minutes: [[minute(0), 1]] }),
    ]),
  ];

  it('weighs links by the chosen window and marks failures on their hop', () => {
    const all = buildRoutingGraph(identities, 'all', NOW);
    const link = (id: string) => all.links.find((l) => l.id === id);
    expect(all.total).toBe(14);
    expect(link('app:Claude Code→identity:claude-cli')).toMatchObject({ requests: 14, errors: 2 });
    expect(link('identity:claude-cli→model:gemini-3-pro')).toMatchObject({ requests: 1, errors: 1 });
    expect(link('backend:SDK→provider:anthropic')).toMatchObject({ requests: 11, errors: 1 });
    // the last hour drops the 90-minute-old requests; 5 minutes keeps only the recent ones
    expect(buildRoutingGraph(identities, '1h', NOW).total).toBe(8);
    expect(buildRoutingGraph(identities, '5m', NOW).total).toBe(5);
    expect(all.kinds).toEqual(['app', 'identity', 'model', 'backend', 'provider']);
  });

  it('folds a lone backend into a caption on narrow windows', () => {
    const folded = buildRoutingGraph(identities, 'all', NOW, { foldSingleBackend: true });
    expect(folded.onlyBackend).toBe('SDK');
    expect(folded.kinds).not.toContain('backend');
    expect(folded.links.find((l) => l.id === 'model:claude-sonnet-4.5→provider:anthropic')).toMatchObject({ requests: 11, errors: 1 });
    // not when a failure belongs to the backend hop
    const failing = [identity('x', [route({ failedAt: 'backend' })])];
    expect(buildRoutingGraph(failing, 'all', NOW, { foldSingleBackend: true }).onlyBackend).toBeNull();
  });

  it('groups app versions and gives a request the links of its path', () => {
    expect(appName('Claude Code 2.1.3')).toBe('Claude Code');
    expect(appName('curl')).toBe('curl');
    expect(recordLinkIds({ clientApp: 'JetBrains AI Assistant', identity: 'pycharm-ai', model: 'gpt-4o', backend: 'binary', provider: 'openai' })).toEqual([
      'app:JetBrains AI Assistant→identity:pycharm-ai',
      'identity:pycharm-ai→model:gpt-4o',
      'model:gpt-4o→backend:Binary',
      'backend:Binary→provider:openai',
    ]);
  });
});

describe('switch outcome', () => {
  const base = fakeModeState();
  it('calls a fall-back a failure and offers no rollback into the failed backend', () => {
    const mode = { ...base, mode: 'sdk' as const, previous: 'binary' as const, lastSwitch: { kind: 'fallback' as const, from: 'binary' as const, to: 'sdk' as const, at: 1, ok: true, reason: 'LiteLLM exited 5 times. Last output: boom.' } };
    expect(switchOutcome(mode)).toMatchObject({ ok: false, headline: 'Binary (LiteLLM) failed; fell back to SDK' });
    expect(rollbackTarget(mode)).toBeNull();
    expect(firstSentence(mode.lastSwitch.reason)).toBe('LiteLLM exited 5 times.');
  });

  it('offers a rollback only after a switch that went through, to a backend that is not failed', () => {
    const switched = { ...base, mode: 'binary' as const, previous: 'sdk' as const, lastSwitch: { kind: 'switch' as const, from: 'sdk' as const, to: 'binary' as const, at: 1, ok: true, reason: null } };
    expect(rollbackTarget(switched)).toBe('sdk');
    expect(rollbackTarget({ ...switched, lastSwitch: { ...switched.lastSwitch, kind: 'rollback' } })).toBeNull();
    expect(rollbackTarget({ ...switched, backends: { ...switched.backends, sdk: { ...switched.backends.sdk, status: 'failed' } } })).toBeNull();
  });
});
