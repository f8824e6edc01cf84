// main/electron is excluded from the root tsconfig; this runs its own project against the `electron`
// package's type definitions. The controls prove the check is real: a small project using the same
// settings accepts correct BrowserWindow options and rejects misused ones.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// Under node_modules so the root tsc, eslint and vitest never see these deliberately broken files, while
// module resolution still finds node_modules/electron.
const scratch = join(root, 'node_modules', '.cache', `switchboard-electron-tsc-${process.pid}`);

// tsc over main/electron also checks the core it imports (hundreds of files): slow on a busy machine, so
// the build info is kept between runs and the timeout is generous.
const TSC_TIMEOUT_MS = 240_000;

async function typecheck(project: string, buildInfo: string): Promise<{ ok: boolean; output: string }> {
  const args = [tsc, '-p', project, '--pretty', 'false', '--incremental', '--tsBuildInfoFile', join(root, 'node_modules', '.cache', buildInfo)];
  try {
    await run(process.execPath, args, { cwd: root, maxBuffer: 8 * 1024 * 1024 });
    return { ok: true, output: '' };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

// Spelled indirectly so import scanners (test/unit/import-boundaries.test.ts) never mistake the probe
// sources below for imports of this test file.
const ELECTRON = ['elec', 'tron'].join('');

async function scratchProject(name: string, source: string): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../../main/electron/tsconfig.json', include: ['./*.ts'] }));
  await writeFile(join(dir, 'probe.ts'), source);
  return join(dir, 'tsconfig.json');
}

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  for (const kind of ['good', 'bad']) {
    await rm(join(root, 'node_modules', '.cache', `switchboard-electron-${kind}-${process.pid}.tsbuildinfo`), { force: true });
  }
});

describe('main/electron type-checks against electron’s own types', () => {
  it('tsc -p main/electron/tsconfig.json succeeds', async () => {
    const result = await typecheck(join(root, 'main', 'electron', 'tsconfig.json'), 'switchboard-electron.tsbuildinfo');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, TSC_TIMEOUT_MS);

  it('control: correct BrowserWindow options compile under the same settings', async () => {
    const project = await scratchProject(
      'good',
      `import { BrowserWindow } from '${ELECTRON}';\nexport const make = () => new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true } });\n`,
    );
    expect(await typecheck(project, `switchboard-electron-good-${process.pid}.tsbuildinfo`)).toEqual({ ok: true, output: '' });
  }, TSC_TIMEOUT_MS);

  it('control: misused BrowserWindow options fail', async () => {
    const project = await scratchProject(
      'bad',
      [
        `import { BrowserWindow } from '${ELECTRON}';`,
        "export const wrongType = () => new BrowserWindow({ webPreferences: { contextIsolation: 'yes' } });",
        'export const misspelt = () => new BrowserWindow({ webPreferences: { sandboxed: true } });',
        '',
      ].join('\n'),
    );
    const result = await typecheck(project, `switchboard-electron-bad-${process.pid}.tsbuildinfo`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/probe\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'boolean/);
    expect(result.output).toMatch(/probe\.ts\(3,\d+\): error TS2561: .*'sandboxed' does not exist in type 'WebPreferences'/);
  }, TSC_TIMEOUT_MS);
});
