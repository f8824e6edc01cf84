// docs/config-reference.md is generated from the schema: a key added, renamed or re-defaulted without
// `npm run docs:config` fails here, and every key has its meaning written down.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigReference } from '../../../main/core/config/config-reference';
import { SWITCHBOARD_KEYS } from '../../../main/core/config/schema-switchboard';

describe('the config reference', () => {
  it('is the one generated from the schema (run `npm run docs:config` after changing it)', () => {
    const committed = readFileSync(new URL('../../../docs/config-reference.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderConfigReference());
  });

  it('describes every key of every level, with its default', () => {
    const text = renderConfigReference();
    for (const [section, keys] of Object.entries(SWITCHBOARD_KEYS)) {
      for (const key of keys) {
        if (['log', 'upstream', 'binary'].includes(key) && section === '') continue;
        const path = ['switchboard', section, key].filter(Boolean).join('.');
        const row = text.split('\n').find((line) => line.startsWith(`| \`${path}\` |`));
        expect(row, path).toBeDefined();
        expect(row!.split(' | ').at(-1)!.replace(/ \|$/, '').trim().length, `${path} has a meaning`).toBeGreaterThan(10);
      }
    }
    expect(text).toContain('| `switchboard.body_limit` | size | `32mb` |');
  });
});
