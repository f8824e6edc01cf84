import { describe, expect, it } from 'vitest';
import { closestModelNames, findModel } from '../../../main/core/config';
import type { ModelConfig } from '../../../main/core/config';

function model(modelName: string, providerModel: string): ModelConfig {
  return {
    modelName,
    litellmModel: `anthropic/${providerModel}`,
    providerPrefix: 'anthropic',
    provider: 'anthropic',
    dialect: 'anthropic',
    providerModel,
    apiBase: 'https://api.anthropic.com',
    apiKey: null,
    extraHeaders: {},
    supermemory: false,
    thinking: null,
    reasoningEffort: null,
    maxTokens: null,
    extraParams: {},
    error: null,
    source: { file: null, line: null },
  };
}

const MODELS = [
  model('claude-sonnet-4.5', 'claude-sonnet-4-5'),
  model('claude-*', 'claude-*'),
  model('claude-opus-*', 'claude-opus-*-pinned'),
  model('*-preview', 'preview/*'),
  model('*-mini-preview', 'mini/*'),
  model('gpt-*', 'gpt-*'),
  model('gpt-4o', 'gpt-4o-2024-11-20'),
  model('fixed-*', 'claude-haiku-4-5'),
];

describe('findModel', () => {
  const cases: Array<{ name: string; entry: string | null; providerModel?: string }> = [
    // Claude Code's own names route through the wildcard without being listed
    { name: 'claude-opus-4-8', entry: 'claude-opus-*', providerModel: 'claude-opus-4-8-pinned' },
    { name: 'claude-haiku-4-5-20251001', entry: 'claude-*', providerModel: 'claude-haiku-4-5-20251001' },
    // an exact name wins over a wildcard that also matches
    { name: 'claude-sonnet-4.5', entry: 'claude-sonnet-4.5', providerModel: 'claude-sonnet-4-5' },
    // ...even when the exact entry is declared after the wildcard
    { name: 'gpt-4o', entry: 'gpt-4o', providerModel: 'gpt-4o-2024-11-20' },
    { name: 'gpt-4.1-mini', entry: 'gpt-*', providerModel: 'gpt-4.1-mini' },
    // equal prefixes (empty): the longer literal suffix is the more specific entry
    { name: 'o4-mini-preview', entry: '*-mini-preview', providerModel: 'mini/o4' },
    { name: 'x-preview', entry: '*-preview', providerModel: 'preview/x' },
    // a provider model without * is used as is
    { name: 'fixed-anything', entry: 'fixed-*', providerModel: 'claude-haiku-4-5' },
    // the * may match the empty string
    { name: 'claude-', entry: 'claude-*', providerModel: 'claude-' },
    { name: 'Claude-sonnet-4.5', entry: null },
    { name: 'llama3', entry: null },
    { name: '-preview', entry: '*-preview', providerModel: 'preview/' },
  ];
  it.each(cases)('$name -> $entry', ({ name, entry, providerModel }) => {
    const match = findModel(MODELS, name);
    if (entry === null) {
      expect(match).toBeNull();
      return;
    }
    expect(match?.config.modelName).toBe(entry);
    expect(match?.providerModel).toBe(providerModel);
  });

  it('a catch-all * entry takes any name, and loses to every more specific one', () => {
    const models = [model('*', 'passthrough/*'), model('claude-*', 'claude-*')];
    expect(findModel(models, 'mistral-large')).toMatchObject({ providerModel: 'passthrough/mistral-large' });
    expect(findModel(models, 'claude-3')?.config.modelName).toBe('claude-*');
  });

  it('on a full tie the first declared entry wins', () => {
    const models = [model('team-*', 'first/*'), model('team-*', 'second/*')];
    expect(findModel(models, 'team-a')?.providerModel).toBe('first/a');
  });

  it('the returned config is the configured object itself', () => {
    expect(findModel(MODELS, 'claude-x')?.config).toBe(MODELS[1]);
  });
});

describe('closestModelNames', () => {
  const cases: Array<{ name: string; expected: string[]; limit?: number }> = [
    // names no entry matches (only those get a 404 with hints)
    { name: 'claud-sonnet-4.5', expected: ['claude-sonnet-4.5', 'claude-*'] },
    { name: 'clade-opus-4', expected: ['claude-opus-*', 'claude-*'] },
    { name: 'gpt4o', expected: ['gpt-4o', 'gpt-*'] },
    { name: 'gpt4o', expected: ['gpt-4o'], limit: 1 },
    { name: 'llama-3.1-70b', expected: [] },
    { name: 'zzz', expected: [] },
  ];
  it.each(cases)('$name (limit $limit)', ({ name, expected, limit }) => {
    expect(closestModelNames(MODELS, name, limit)).toEqual(expected);
  });

  it('lists each configured name once', () => {
    const models = [model('gpt-4o', 'a'), model('gpt-4o', 'b')];
    expect(closestModelNames(models, 'gpt-4')).toEqual(['gpt-4o']);
  });
});
