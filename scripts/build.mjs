#!/usr/bin/env node
// Builds what `npm start`, `npm run serve`, `npm run bench` and the tests run:
//   dist/node/cli.js         headless CLI (ESM, dependencies stay in node_modules)
//   dist/bench/bench.js      the benchmark (and dist/bench/probe.js, preloaded into the measured gateway)
//   dist/electron/*.cjs      Electron main and preload (CommonJS: sandboxed preloads cannot be ESM)
//   dist/renderer/           the dashboard (Vite)
// Flags: --main-only (skip the dashboard when it is already built), --quiet.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const mainOnly = args.has('--main-only');
const log = (line) => { if (!quiet) console.log(line); };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

const targets = [
  { entry: 'main/node/cli.ts', outfile: 'dist/node/cli.js', format: 'esm', platform: 'node', external },
  { entry: 'bench/bench.ts', outfile: 'dist/bench/bench.js', format: 'esm', platform: 'node', external },
  { entry: 'bench/probe.ts', outfile: 'dist/bench/probe.js', format: 'esm', platform: 'node', external },
  { entry: 'main/electron/main.ts', outfile: 'dist/electron/main.cjs', format: 'cjs', platform: 'node', external: ['electron'] },
  { entry: 'main/electron/preload.ts', outfile: 'dist/electron/preload.cjs', format: 'cjs', platform: 'node', external: ['electron'] },
];

for (const t of targets) {
  if (!existsSync(join(root, t.entry))) continue;
  await build({
    entryPoints: [join(root, t.entry)],
    outfile: join(root, t.outfile),
    bundle: true,
    platform: t.platform,
    format: t.format,
    target: 'node20',
    sourcemap: true,
    external: t.external,
    banner: t.format === 'esm'
      ? { js: "import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);" }
      : undefined,
    logLevel: 'warning',
  });
  log(`built ${t.outfile}`);
}

const rendererIndex = join(root, 'renderer', 'index.html');
const rendererOut = join(root, 'dist', 'renderer', 'index.html');
if (existsSync(rendererIndex) && !(mainOnly && existsSync(rendererOut))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  log('built dist/renderer');
}
