#!/usr/bin/env node
// Fetches the Electron zip for `npm start` into @electron/get's cache, reporting progress, so the
// electron package's own install.js (run next) finds it there and only unpacks it. Its own download
// says nothing for 30 s and then draws a bar only on a terminal; this one prints JSON lines the start
// script turns into progress, and on failure the error's own code (ENOTFOUND, ECONNREFUSED, an HTTP
// status, a checksum mismatch) so the user learns which failure it was.
//   stdout: {"progress":{"percent":0.42,"transferred":…,"total":…}} … then {"done":"<zip>"} or {"error":{…}}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const say = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

function errorInfo(error) {
  const cause = error && typeof error === 'object' ? error.cause : undefined;
  return {
    name: error?.name ?? 'Error',
    message: String(error?.message ?? error),
    code: error?.code ?? cause?.code ?? null,
    causeMessage: cause ? String(cause.message ?? cause) : null,
    status: error?.response?.status ?? null,
  };
}

try {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const checksums = JSON.parse(readFileSync(join(pkgDir, 'checksums.json'), 'utf8'));
  const { downloadArtifact } = await import(require.resolve('@electron/get', { paths: [pkgDir] }));
  let last = -1;
  const zip = await downloadArtifact({
    version,
    artifactName: 'electron',
    cacheRoot: process.env.electron_config_cache,
    checksums: process.env.electron_use_remote_checksums ? undefined : checksums,
    platform: process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform,
    arch: process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch,
    downloadOptions: {
      quiet: true,
      getProgressCallback: async (progress) => {
        // whole percents only: enough for a progress line, few enough lines to read
        const percent = Math.floor((progress.percent ?? 0) * 100);
        if (percent === last) return;
        last = percent;
        say({ progress: { percent: progress.percent ?? 0, transferred: progress.transferred ?? 0, total: progress.total ?? null } });
      },
    },
  });
  say({ done: zip, version });
} catch (error) {
  say({ error: errorInfo(error) });
  process.exitCode = 1;
}
