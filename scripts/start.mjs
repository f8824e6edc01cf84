#!/usr/bin/env node
// `npm start`: build, then run the desktop app when it can run here, else the headless gateway.
//   1. node scripts/build.mjs (+ scripts/icons.mjs for the tray icons)
//   2. Electron binary present (one download attempt, bounded, if it is missing) and a display available
//      (DISPLAY / WAYLAND_DISPLAY on Linux; always on macOS and Windows) -> launch it on this folder
//   3. otherwise ONE line saying why, then `node bin/switchboard.js serve` (it prints the dashboard URL)
// Arguments after `npm start --` go to the headless gateway (e.g. --port 9000); --headless forces it.
// Set SWITCHBOARD_NO_ELECTRON_DOWNLOAD=1 to skip the download attempt.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 180_000;

/** Where node_modules/electron keeps the binary once downloaded (its index.js reads the same files). */
export function electronBinaryPath(env = process.env) {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, pkgDir: null };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return { path: existsSync(candidate) ? candidate : null, pkgDir };
  }
  const candidate = relative ? join(pkgDir, 'dist', relative) : null;
  return { path: candidate && existsSync(candidate) ? candidate : null, pkgDir };
}

export function displayProblem(platform = process.platform, env = process.env) {
  if (platform !== 'linux') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'no display available (DISPLAY and WAYLAND_DISPLAY are unset)';
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs a child with our signals forwarded, and exits with its code. */
function handOver(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * What to launch. Pure: `probe()` finds the binary (and may try the download once).
 * Returns { kind: 'electron', binary } or { kind: 'headless', line } with the one line to print.
 */
export function chooseLauncher({ headlessForced, platform, env, probe }) {
  let reason = headlessForced ? '--headless given' : displayProblem(platform, env);
  if (!reason) {
    const found = probe();
    if (found.path) return { kind: 'electron', binary: found.path };
    reason = found.pkgDir ? 'Electron binary not available (download blocked)' : 'the electron package is not installed';
  }
  return { kind: 'headless', line: `${reason}; running the headless gateway instead` };
}

function probeWithOneDownload() {
  let found = electronBinaryPath();
  if (!found.path && found.pkgDir && process.env.SWITCHBOARD_NO_ELECTRON_DOWNLOAD !== '1') {
    // On a normal machine this fetches the binary the denied postinstall did not; here it fails fast.
    spawnSync(process.execPath, [join(found.pkgDir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
    found = electronBinaryPath();
  }
  return found;
}

function main(argv) {
  const headlessForced = argv.includes('--headless');
  const serveArgs = argv.filter((arg) => arg !== '--headless');
  run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet']);

  const choice = chooseLauncher({ headlessForced, platform: process.platform, env: process.env, probe: probeWithOneDownload });
  if (choice.kind === 'headless') {
    console.log(choice.line);
    handOver(process.execPath, [join(root, 'bin', 'switchboard.js'), 'serve', ...serveArgs], process.env);
    return;
  }

  run(process.execPath, [join(root, 'scripts', 'icons.mjs'), '--quiet']);
  const env = { ...process.env };
  // Set by some tools (VS Code tasks); it would make the binary a plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  // Chromium refuses to run as root with its sandbox on (containers, CI); only then it is turned off.
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  handOver(choice.binary, [...rootArgs, root], env);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
