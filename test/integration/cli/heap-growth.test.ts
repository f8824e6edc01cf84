// Issue 14: `switchboard serve` limits how far V8 lets the old generation grow past the live heap
// (main/core/heap-growth.ts); left to itself V8 let the gateway's old space reach 2-4× its live heap
// under load, ~30 MB of resident memory holding garbage. The flag is set at run time, so it is seen
// through a preload that records every v8.setFlagsFromString call of the real CLI bundle.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT } from '../../../main/core/heap-growth';
import { runCli } from './cli-process';

const PRELOAD = join(import.meta.dirname, '..', '..', 'fixtures', 'module-probe', 'v8-flags.mjs');

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'switchboard-heap-'));
  await writeFile(join(dataDir, 'config.yaml'), `model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_base: http://127.0.0.1:9/v1
      api_key: sk-openai-heap-test-provider-key
`);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('heap growth', () => {
  it('serve limits the old generation to doubling before it starts the gateway', async () => {
    const trace = join(dataDir, 'v8-flags.txt');
    const run = runCli(['serve', '--config', join(dataDir, 'config.yaml'), '--data-dir', dataDir, '--port', '0', '--mode', 'sdk'], {
      SWITCHBOARD_MASTER_KEY: 'sk-sb-heap-growth-test-key-0123456789',
      SWITCHBOARD_ADMIN_TOKEN: 'sb-admin-heap-growth-test-0123456789',
      NODE_OPTIONS: `--import=${pathToFileURL(PRELOAD).href}`,
      V8_FLAGS_TRACE: trace,
    });
    try {
      await run.waitForStdout(/listening on http:\/\/\S+/);
      expect(HEAP_GROWING_PERCENT).toBe(100);
      expect((await readFile(trace, 'utf8')).split('\n')).toContain(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});
