// Issue 14: express (dashboard, admin API, /v1/models, info routes) is loaded on the first request that
// needs it, not at start: a gateway that has only served the hot path has not loaded it, nor more of
// undici than its agent. Run on the CLI
// bundle as users run it, because the single-file bundle hoists any static `import express` to its top —
// a static import re-added anywhere makes the first check fail.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../../fixtures/fake-upstreams';
import type { FakeUpstream } from '../../fixtures/fake-upstreams';
import { runCli } from './cli-process';
import type { CliRun } from './cli-process';

const PROBE = pathToFileURL(join(import.meta.dirname, '..', '..', 'fixtures', 'module-probe', 'loaded-packages.mjs')).href;
const KEY = 'sk-sb-lazy-express-test-key-0123456789';
const ADMIN_TOKEN = 'sb-admin-lazy-express-test-0123456789';

let dataDir: string;
let openai: FakeUpstream;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'switchboard-lazy-'));
  openai = await startFakeOpenAI();
  await writeFile(join(dataDir, 'config.yaml'), `model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_base: ${openai.url}/v1
      api_key: sk-openai-lazy-test-provider-key
`);
});

afterAll(async () => {
  await openai?.close();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

/** The packages the gateway has loaded so far, asked from the preloaded probe. */
async function loadedPackages(run: CliRun, nth: number): Promise<string[]> {
  run.child.kill('SIGUSR2');
  const text = await run.waitForStderr(new RegExp(`(loaded-packages: .*\\n[^]*){${nth}}`));
  const lines = [...text.matchAll(/loaded-packages: (.*)\n/g)];
  return JSON.parse(lines[nth - 1]![1]!) as string[];
}

describe('express is loaded lazily', () => {
  it('is not loaded by start and the hot path (nor undici\'s index), and is by the first admin or dashboard request', async () => {
    const run = runCli(['serve', '--config', join(dataDir, 'config.yaml'), '--data-dir', dataDir, '--port', '0', '--mode', 'sdk'], {
      SWITCHBOARD_MASTER_KEY: KEY,
      SWITCHBOARD_ADMIN_TOKEN: ADMIN_TOKEN,
      NODE_OPTIONS: `--import=${PROBE}`,
    });
    try {
      const out = await run.waitForStdout(/listening on (http:\/\/\S+)/);
      const base = /listening on (http:\/\/\S+)/.exec(out)![1]!;
      const chat = await fetch(`${base}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(chat.status).toBe(200);
      expect((await chat.json()) as unknown).toMatchObject({ object: 'chat.completion' });

      const afterHotPath = await loadedPackages(run, 1);
      // the probe sees CommonJS packages: undici is one the gateway loads at start
      expect(afterHotPath).toContain('undici');
      expect(afterHotPath).not.toContain('express');
      // only undici's agent and request API: its package index (fetch, WebSocket, cache, mocks) and,
      // through it, Node's own bundled undici cost ~9 MB of resident memory (upstream/undici-agent.ts)
      expect(afterHotPath).not.toContain('undici (package index)');
      expect(afterHotPath).not.toContain("node:undici (Node's bundled copy)");

      const snapshot = await fetch(`${base}/admin/snapshot`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(snapshot.status).toBe(200);
      expect(await loadedPackages(run, 2)).toContain('express');
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});
