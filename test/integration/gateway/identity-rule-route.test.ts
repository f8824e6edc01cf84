// The fall-through fix: a config whose Claude Code rule is the old `Claude Code` pattern sends Claude
// Code 2.x (User-Agent claude-cli/…) to the default identity. The admin route previews the rule that
// catches it, writes it into the file keeping comments and layout, and the next request gets it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { startTwoProviders, stopTwoProviders, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
let gw: TestGateway;

// the migration guide's mapping, with a user's comments
const guideYaml = (a: string, o: string) =>
  twoProviderYaml(a, o)
    .replace('    - header: user-agent\n      pattern: "claude-cli/|Claude Code"\n      user_id: claude-cli\n',
      '    # Claude Code, as the migration guide has it\n    - header: user-agent\n      pattern: "Claude Code"   # keep this comment\n      user_id: claude-cli\n');

beforeAll(async () => {
  ({ anthropic, openai, gw } = await startTwoProviders(guideYaml, { env: TEST_PROVIDER_ENV }));
});

afterAll(() => stopTwoProviders({ anthropic, openai, gw }));

const rule = { header: 'user-agent', pattern: 'claude-cli/|Claude Code', user_id: 'claude-cli' };

async function admin(path: string, body: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

async function identityFor(userAgent: string): Promise<string> {
  const res = await fetch(`${gw.url}/v1/models`, { headers: { authorization: `Bearer ${gw.key}`, 'user-agent': userAgent } });
  expect(res.status).toBe(200);
  return gw.gateway.admin.snapshot().log.at(-1)!.identity;
}

describe('adding the rule that catches a fall-through client', () => {
  it('says at start that Claude Code lands on the default identity, with the rule that fixes it', () => {
    const warning = gw.config.warnings.find((w) => w.includes('Claude Code sends'));
    expect(warning).toContain('lands on default-dev; add user-agent ~ /claude-cli/|Claude Code/ → claude-cli');
    // JetBrains is matched: not warned about
    expect(gw.config.warnings.some((w) => w.includes('JetBrains'))).toBe(false);
  });

  it('refuses a body that is not a rule, naming the field', async () => {
    const bad = await admin('/admin/identity/rules/preview', { header: 'user-agent', pattern: '(', user_id: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(bad.json.error.message).toContain('pattern must be a valid regular expression');
    const extra = await admin('/admin/identity/rules', { ...rule, api_key: 'x' });
    expect(extra.status).toBe(400);
  });

  it('previews, writes keeping comments, and routes the next Claude Code request to the new rule', async () => {
    const file = join(gw.dataDir, 'test-config.yaml');
    const before = await readFile(file, 'utf8');
    expect(await identityFor('claude-cli/2.1.3 (external, cli)')).toBe('default-dev');

    const preview = await admin('/admin/identity/rules/preview', rule);
    expect(preview.status).toBe(200);
    expect(preview.json.configPath).toBe(file);
    expect(preview.json.diff.filter((l: string) => l.startsWith('+'))).toEqual([
      '+     - header: user-agent',
      '+       pattern: claude-cli/|Claude Code',
      '+       user_id: claude-cli',
    ]);
    expect(await readFile(file, 'utf8')).toBe(before);

    const applied = await admin('/admin/identity/rules', rule);
    expect(applied.status).toBe(200);
    expect(applied.json.rules.patterns.at(-1)).toEqual(rule);
    const after = await readFile(file, 'utf8');
    expect(after).toContain('# Claude Code, as the migration guide has it');
    expect(after).toContain('pattern: "Claude Code"   # keep this comment');
    // nothing but the three new lines changed: take them out and the file is what it was
    const added = preview.json.diff.filter((l: string) => l.startsWith('+')).map((l: string) => l.slice(2));
    expect(preview.json.diff.filter((l: string) => l.startsWith('-'))).toEqual([]);
    expect(after.replace(`${added.join('\n')}\n`, '')).toBe(before);
    expect(await identityFor('claude-cli/2.1.3 (external, cli)')).toBe('claude-cli');
    expect(gw.gateway.admin.snapshot().identityRules.patterns.at(-1)).toEqual(rule);
  });
});
