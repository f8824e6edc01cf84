#!/usr/bin/env node
// Package bin: runs the built CLI (npm run serve / npm start build it first).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'node', 'cli.js');
if (!existsSync(cli)) {
  console.error('switchboard: not built yet; run `npm run build` (or `npm run serve`) first');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
