// Every problem names the file, the line and the key path, and all of them come at once.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatProblem } from '../../../main/core/config';
import { fixture, loadError, useTempDirs } from './helpers';

type Expected = Array<{ line: number | null; keyPath: string; problem: RegExp }>;

function expectProblems(error: ConfigError, file: string | null, expected: Expected): void {
  expect(error.problems.map((p) => ({ file: p.file, line: p.line, keyPath: p.keyPath }))).toEqual(
    expected.map(({ line, keyPath }) => ({ file, line, keyPath })),
  );
  error.problems.forEach((p, i) => expect(p.problem).toMatch(expected[i]?.problem ?? /never/));
  // one line per problem, each "<file>:<line>: <key.path>: <problem>"
  expect(error.message.split('\n')).toEqual(error.problems.map(formatProblem));
  expect(error.file).toBe(file);
  expect(error.line).toBe(expected[0]?.line);
  expect(error.keyPath).toBe(expected[0]?.keyPath);
}

describe('config errors', () => {
  const tempDir = useTempDirs();

  it('switchboard: wrong types, unknown keys (with a hint) and bad values, all at once, in file order', async () => {
    const file = fixture('error-switchboard.yaml');
    const error = await loadError({ dataDir: await tempDir(), flags: { config: file } });
    expectProblems(error, file, [
      { line: 6, keyPath: 'switchboard.port', problem: /expected number, received string/ },
      { line: 7, keyPath: 'switchboard.bodylimit', problem: /^unknown key \(did you mean body_limit\?\)$/ },
      { line: 9, keyPath: 'switchboard.log.level', problem: /expected one of/ },
      { line: 11, keyPath: 'switchboard.upstream.retries', problem: /expected number to be >=0/ },
    ]);
    expect(error.message.split('\n')[1]).toBe(`${file}:7: switchboard.bodylimit: unknown key (did you mean body_limit?)`);
  });

  it('YAML syntax errors name the file and line', async () => {
    const file = fixture('error-yaml-syntax.yaml');
    const error = await loadError({ dataDir: await tempDir(), flags: { config: file } });
    expect(error.file).toBe(file);
    expect(error.line).toBeGreaterThanOrEqual(5);
    expect(error.line).toBeLessThanOrEqual(6);
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: YAML: `));
  });

  it('model_list and user_id_mappings problems, each entry checked even when another is broken', async () => {
    const file = fixture('error-models.yaml');
    const error = await loadError({ dataDir: await tempDir(), flags: { config: file } });
    expectProblems(error, file, [
      { line: 5, keyPath: 'model_list[1].litellm_params', problem: /^required but missing$/ },
      { line: 6, keyPath: 'model_list[2].model_name', problem: /at most one \* wildcard/ },
      { line: 12, keyPath: 'model_list[3].litellm_params.api_base', problem: /http:\/\/ or https:\/\/ URL/ },
      { line: 15, keyPath: 'model_list[4].litellm_params.model', problem: /model_name has none/ },
      { line: 19, keyPath: 'user_id_mappings.header_patterns[0].pattern', problem: /^not a valid regular expression: / },
      { line: 23, keyPath: 'user_id_mappings.header_patterns[1].user_id', problem: /1-128 printable ASCII characters/ },
      { line: 24, keyPath: 'user_id_mappings.default_user_id', problem: /1-128 printable ASCII characters/ },
    ]);
  });

  const inline: Array<{ name: string; yaml: string; line: number | null; keyPath: string; problem: RegExp }> = [
    { name: 'top level is a list', yaml: '- a\n- b\n', line: 1, keyPath: '', problem: /top level must be a mapping/ },
    { name: 'model_list is not a list', yaml: 'model_list:\n  a: 1\n', line: 2, keyPath: 'model_list', problem: /expected array/ },
    { name: 'entry without model_name', yaml: 'model_list:\n  - litellm_params:\n      model: openai/x\n', line: 2, keyPath: 'model_list[0].model_name', problem: /required/ },
    { name: 'max_tokens not a number', yaml: 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/x\n      max_tokens: lots\n', line: 5, keyPath: 'model_list[0].litellm_params.max_tokens', problem: /expected number/ },
    { name: 'os.environ/ without a name', yaml: 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/x\n      api_key: os.environ/\n', line: 5, keyPath: 'model_list[0].litellm_params.api_key', problem: /must name a variable/ },
    { name: 'provider prefix without model', yaml: 'model_list:\n  - model_name: a\n    litellm_params:\n      model: anthropic/\n', line: 4, keyPath: 'model_list[0].litellm_params.model', problem: /needs a model/ },
    { name: 'header pattern with an unknown key', yaml: 'user_id_mappings:\n  header_patterns:\n    - header: user-agent\n      pattern: x\n      user_id: ide\n      userid: ide\n', line: 6, keyPath: 'user_id_mappings.header_patterns[0].userid', problem: /unknown key/ },
    { name: 'bad header name', yaml: 'user_id_mappings:\n  custom_header: "x memory"\n', line: 2, keyPath: 'user_id_mappings.custom_header', problem: /HTTP header name/ },
    { name: 'body_limit not a size', yaml: 'switchboard:\n  body_limit: huge\n', line: 2, keyPath: 'switchboard.body_limit', problem: /"huge" is not a size/ },
    { name: 'supermemory_base_url not a URL', yaml: 'switchboard:\n  supermemory_base_url: api.supermemory.ai\n', line: 2, keyPath: 'switchboard.supermemory_base_url', problem: /http:\/\/ or https:\/\/ URL/ },
    { name: 'duplicate key', yaml: 'switchboard:\n  port: 1\n  port: 2\n', line: 3, keyPath: '', problem: /YAML: Map keys must be unique/ },
    { name: 'master_key os.environ/ without a name', yaml: 'general_settings:\n  master_key: os.environ/\n', line: 2, keyPath: 'general_settings.master_key', problem: /must name a variable/ },
  ];

  it.each(inline)('$name', async ({ yaml, line, keyPath, problem }) => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'bad.yaml');
    await writeFile(file, yaml);
    const error = await loadError({ dataDir, flags: { config: file } });
    expectProblems(error, file, [{ line, keyPath, problem }]);
  });

  const flagCases: Array<{ name: string; flags?: Record<string, unknown>; env?: Record<string, string>; keyPath: string }> = [
    { name: 'port out of range', flags: { port: 70000 }, keyPath: '--port' },
    { name: 'port not whole', flags: { port: 1.5 }, keyPath: '--port' },
    { name: 'unknown mode', flags: { mode: 'turbo' }, keyPath: '--mode' },
    { name: 'empty host', flags: { host: ' ' }, keyPath: '--host' },
    { name: 'bad SWITCHBOARD_LOG_LEVEL', env: { SWITCHBOARD_LOG_LEVEL: 'loud' }, keyPath: 'env SWITCHBOARD_LOG_LEVEL' },
  ];

  it.each(flagCases)('flag/env problem: $name', async ({ flags, env, keyPath }) => {
    const error = await loadError({ dataDir: await tempDir(), flags: { config: fixture('missing-env.yaml'), ...flags }, env });
    expect(error.problems).toHaveLength(1);
    expect(error.file).toBeNull();
    expect(error.line).toBeNull();
    expect(error.keyPath).toBe(keyPath);
    expect(error.message.startsWith(`${keyPath}: `)).toBe(true);
  });

  it('a master key that cannot be a header value is refused without showing it', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'c.yaml');
    await writeFile(file, 'model_list: []\ngeneral_settings:\n  master_key: "sk secret with spaces"\n');
    const error = await loadError({ dataDir, flags: { config: file }, env: { SWITCHBOARD_ADMIN_TOKEN: 'bad token' } });
    expect(error.problems.map((p) => [p.line, p.keyPath])).toEqual([
      [3, 'general_settings.master_key'],
      [null, 'env SWITCHBOARD_ADMIN_TOKEN'],
    ]);
    expect(error.message).not.toContain('secret with spaces');
    expect(error.message).not.toContain('bad token');
  });
});

describe('ConfigError', () => {
  it('formats each part only when known', () => {
    const error = new ConfigError([
      { file: '/c.yaml', line: 3, keyPath: 'switchboard.port', problem: 'bad' },
      { file: '/c.yaml', line: null, keyPath: '', problem: 'cannot read' },
      { file: null, line: null, keyPath: '--port', problem: 'bad flag' },
    ]);
    expect(error.message).toBe('/c.yaml:3: switchboard.port: bad\n/c.yaml: cannot read\n--port: bad flag');
    expect(error.name).toBe('ConfigError');
  });
});
