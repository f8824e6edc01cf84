// Files in the data dir damaged by a crash or by hand: nothing readable is lost, nothing damaged is
// dropped in silence. At start the gateway says once, per file, what it kept and where the rest went.
import OpenAI from 'openai';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { makeDataDir, startTestGateway, TEST_PROVIDER_ENV, twoProviderYaml } from '../harness/test-gateway';
import type { TestGateway } from '../harness/test-gateway';

let anthropic: FakeUpstream;
let openai: FakeUpstream;
const dirs: string[] = [];

beforeAll(async () => {
  anthropic = await startFakeAnthropic();
  openai = await startFakeOpenAI();
});

afterAll(async () => {
  await anthropic?.close();
  await openai?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await makeDataDir();
  dirs.push(dir);
  return dir;
}

const start = (dir: string, yaml = twoProviderYaml(anthropic.url, openai.url)) =>
  startTestGateway({ yaml, env: TEST_PROVIDER_ENV, dataDir: dir });

async function ask(gw: TestGateway, n: number): Promise<void> {
  const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.key, maxRetries: 0 });
  for (let i = 0; i < n; i++) await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `${i}` }] });
}

const warnings = (gw: TestGateway) => gw.logs.filter((line) => /"level":40/.test(line)).join('');

describe('a damaged requests.jsonl', () => {
  it('a torn last line (crash mid-write): the first request after the crash survives the next restart', async () => {
    const dir = await dataDir();
    let gw = await start(dir);
    await ask(gw, 2);
    await gw.stop();
    await appendFile(join(dir, 'requests.jsonl'), '{"id":"torn-by-a-crash","startedAt":17');
    gw = await start(dir);
    await ask(gw, 1);
    const ids = gw.gateway.admin.snapshot().log.map((r) => r.id);
    expect(ids).toHaveLength(3);
    await gw.stop();
    gw = await start(dir);
    expect(gw.gateway.admin.snapshot().log.map((r) => r.id)).toEqual(ids);
    await gw.stop();
  });

  it('a broken line in the middle: kept records reload, the line is moved aside, and the start says so once', async () => {
    const dir = await dataDir();
    let gw = await start(dir);
    await ask(gw, 2);
    await gw.stop();
    const file = join(dir, 'requests.jsonl');
    const [first, second] = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, `${first}\nnot json at all\n${second}\n`);
    gw = await start(dir);
    expect(gw.gateway.admin.snapshot().log).toHaveLength(2);
    const said = warnings(gw);
    expect(said).toContain(file);
    expect(said).toMatch(/kept 2 records/);
    expect(said).toContain(`${file}.damaged`);
    expect(said.match(/requests\.jsonl\.damaged/g)).toHaveLength(1);
    expect(await readFile(`${file}.damaged`, 'utf8')).toContain('not json at all');
    await gw.stop();
    // moved aside once: the next start is quiet
    gw = await start(dir);
    expect(warnings(gw)).not.toContain('damaged');
    await gw.stop();
  });
});

describe('a damaged mode.json', () => {
  it('is not treated as absent in silence: the start names it and keeps it as mode.json.corrupt', async () => {
    const dir = await dataDir();
    const file = join(dir, 'mode.json');
    await writeFile(file, '{"mode": "bin');
    const gw = await start(dir);
    const said = warnings(gw);
    expect(said).toContain(file);
    expect(said).toContain(`${file}.corrupt`);
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('{"mode": "bin');
    expect(gw.gateway.admin.snapshot().mode.mode).toBe('sdk');
    await gw.stop();
  });
});
