#!/usr/bin/env node
// `npm start`: build, then run the desktop app when it can run here, else the headless gateway.
//   1. node scripts/build.mjs (+ scripts/icons.mjs for the tray icons)
//   2. Electron binary present (one download attempt, with progress, bounded, if it is missing) and a
//      display available (DISPLAY / WAYLAND_DISPLAY on Linux; always on macOS and Windows) -> launch it
//      on this folder; Linux without usable user namespaces (AppArmor, Ubuntu 24.04+) gets --no-sandbox
//   3. otherwise, or when Electron dies right at launch, ONE line saying which failure it was, then
//      `node bin/switchboard.js serve` (it prints the dashboard URL)
// Arguments after `npm start --` go to the headless gateway (e.g. --port 9000); --headless forces it.
// Set SWITCHBOARD_NO_ELECTRON_DOWNLOAD=1 to skip the download attempt.
// The desktop app needs Node >= 22.12 to download and run Electron 45 (its installer, @electron/get,
// declares it); the headless gateway runs on Node >= 20.19.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 180_000;
const UNPACK_TIMEOUT_MS = 120_000;
/** Electron that exits within this long after launch is taken as "could not start here". */
const LAUNCH_WINDOW_MS = 15_000;
export const DESKTOP_NODE_MIN = '22.12.0';

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

export function nodeMeetsDesktopMinimum(version = process.versions.node) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = DESKTOP_NODE_MIN.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
  }
  return true;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPROTO', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN']);
const MODULE_CODES = new Set(['ERR_REQUIRE_ESM', 'ERR_MODULE_NOT_FOUND', 'ERR_UNKNOWN_FILE_EXTENSION', 'ERR_UNSUPPORTED_DIR_IMPORT', 'ERR_REQUIRE_ASYNC_MODULE']);

/**
 * Which failure a download attempt was, in words (pure). `error`: what scripts/electron-download.mjs
 * reported ({ name, message, code, causeMessage, status }), or null when it printed nothing.
 */
export function describeDownloadFailure({ error, timedOut, nodeVersion, timeoutMs = DOWNLOAD_TIMEOUT_MS }) {
  const oldNode = !nodeMeetsDesktopMinimum(nodeVersion);
  const needNode = `Electron 45's installer needs Node >= ${DESKTOP_NODE_MIN}, this is ${nodeVersion.replace(/^v?/, 'v')}`;
  if (timedOut) return `the download did not finish within ${Math.round(timeoutMs / 1000)} s`;
  if (!error) return oldNode ? needNode : 'the download stopped without saying why';
  const code = error.code ?? null;
  const text = `${error.message ?? ''} ${error.causeMessage ?? ''}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /getaddrinfo/.test(text)) {
    const host = /getaddrinfo \w+ (\S+)/.exec(text)?.[1];
    return `download blocked: cannot resolve ${host ?? 'the download host'} (offline, or DNS is blocked)`;
  }
  if (code && NETWORK_CODES.has(code)) return `download blocked: ${code} (a firewall or proxy? set HTTPS_PROXY, or ELECTRON_MIRROR for a mirror)`;
  if (error.status) return `download failed: the server answered HTTP ${error.status}`;
  if (/checksum/i.test(text)) return 'download corrupted: the checksum does not match';
  if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS') return `cannot write Electron's download cache (${code})`;
  if (oldNode && ((code && MODULE_CODES.has(code)) || error.name === 'SyntaxError')) return needNode;
  const first = (error.message ?? '').split('\n')[0];
  return `download failed: ${first}${oldNode ? ` (${needNode})` : ''}`;
}

/** One progress line: "Downloading Electron 45.5.0: 42% (50 of 118 MB)". */
export function progressLine(version, { percent, transferred, total }) {
  const mb = (bytes) => Math.round(bytes / (1024 * 1024));
  const amount = total ? ` (${mb(transferred)} of ${mb(total)} MB)` : ` (${mb(transferred)} MB)`;
  return `Downloading Electron ${version}: ${Math.floor(percent * 100)}%${amount}`;
}

/**
 * Chromium's sandbox on Linux needs unprivileged user namespaces or a root-owned SUID chrome-sandbox.
 * Ubuntu 24.04+ restricts the former (AppArmor) and node_modules/electron/dist cannot have the latter,
 * so Electron aborts at launch. Root cannot use the sandbox at all. Pure: the probes come in.
 */
export function sandboxArgs({ platform, uid, userNamespaces, helperReady }) {
  if (platform !== 'linux') return { args: [], line: null };
  if (uid === 0) return { args: ['--no-sandbox'], line: null };
  if (userNamespaces === 'restricted' && !helperReady) {
    return {
      args: ['--no-sandbox'],
      line: "user namespaces are restricted here (AppArmor, Ubuntu 24.04+) and Electron's chrome-sandbox is not set up: starting Electron with --no-sandbox (the installed .deb keeps its sandbox)",
    };
  }
  return { args: [], line: null };
}

/** Why Electron exited right after launch, or null for a normal exit (pure). */
export function classifyLaunchFailure({ code, signal, output }) {
  if (code === 0 && !signal) return null;
  if (/SUID sandbox helper|No usable sandbox|setuid_sandbox_host|Failed to move to new namespace|zygote_host_impl_linux/.test(output)) {
    return { kind: 'sandbox', reason: "Chromium's sandbox cannot start (user namespaces restricted, e.g. AppArmor on Ubuntu 24.04+)" };
  }
  if (/Missing X server|cannot open display|Failed to connect to Wayland|Could not connect to display/i.test(output)) {
    return { kind: 'display', reason: 'Electron cannot open the display' };
  }
  const library = /error while loading shared libraries: ([^:\s]+)/.exec(output)?.[1];
  if (library) return { kind: 'libraries', reason: `a system library Electron needs is missing (${library})` };
  if (signal) return { kind: 'crash', reason: `Electron was killed by ${signal}` };
  const first = output.split('\n').map((line) => line.trim()).find(Boolean);
  return { kind: 'other', reason: `Electron exited with code ${code}${first ? `: ${first.slice(0, 160)}` : ''}` };
}

/**
 * What to launch. Pure: `probe()` finds the binary (and may try the download once); it returns
 * { path, pkgDir, failure? } where `failure` says why a download did not produce it.
 * Resolves { kind: 'electron', binary } or { kind: 'headless', line } with the one line to print.
 */
export async function chooseLauncher({ headlessForced, platform, env, probe }) {
  let reason = headlessForced ? '--headless given' : displayProblem(platform, env);
  if (!reason) {
    const found = await probe();
    if (found.path) return { kind: 'electron', binary: found.path };
    reason = found.pkgDir ? `Electron binary not available (${found.failure ?? 'not downloaded'})` : 'the electron package is not installed';
  }
  return { kind: 'headless', line: `${reason}; running the headless gateway instead` };
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

/** Runs the download helper; resolves { error, timedOut } (error null on success). */
function downloadWithProgress(version) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'electron-download.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let error = null;
    let done = false;
    let timedOut = false;
    let shownTenth = -1;
    const tty = process.stdout.isTTY;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, DOWNLOAD_TIMEOUT_MS);
    child.stderr.resume();
    createInterface({ input: child.stdout }).on('line', (line) => {
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (message.progress) {
        // On a terminal one line redrawn in place; in a log every 10 %.
        const tenth = Math.floor(message.progress.percent * 10);
        if (tty) process.stdout.write(`\r${progressLine(version, message.progress)}   `);
        else if (tenth > shownTenth) console.log(progressLine(version, message.progress));
        shownTenth = Math.max(shownTenth, tenth);
      }
      if (message.error) error = message.error;
      if (message.done) done = true;
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (tty && shownTenth >= 0) process.stdout.write('\n');
      resolve({ error: done ? null : (error ?? { name: 'Error', message: 'no answer from the downloader' }), timedOut });
    });
  });
}

async function probeWithOneDownload() {
  const found = electronBinaryPath();
  if (found.path || !found.pkgDir) return found;
  if (process.env.SWITCHBOARD_NO_ELECTRON_DOWNLOAD === '1') return { ...found, failure: 'download skipped: SWITCHBOARD_NO_ELECTRON_DOWNLOAD=1' };
  const { version } = JSON.parse(readFileSync(join(found.pkgDir, 'package.json'), 'utf8'));
  if (!nodeMeetsDesktopMinimum()) console.log(`Note: Electron ${version} needs Node >= ${DESKTOP_NODE_MIN} (this is ${process.version}); trying anyway.`);
  console.log(`Downloading Electron ${version} once (about 100 MB, up to ${DOWNLOAD_TIMEOUT_MS / 1000} s; SWITCHBOARD_NO_ELECTRON_DOWNLOAD=1 skips it)…`);
  const { error, timedOut } = await downloadWithProgress(version);
  if (error || timedOut) return { ...found, failure: describeDownloadFailure({ error, timedOut, nodeVersion: process.version }) };
  // The zip is in the cache now: the package's own installer unpacks it and writes path.txt.
  const unpack = spawnSync(process.execPath, [join(found.pkgDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: UNPACK_TIMEOUT_MS });
  const after = electronBinaryPath();
  if (after.path) return after;
  const why = (unpack.stderr || unpack.stdout || '').split('\n').find(Boolean) ?? `exit ${unpack.status}`;
  return { ...after, failure: `downloaded, but unpacking failed: ${why}` };
}

function probeUserNamespaces() {
  const result = spawnSync('unshare', ['-Ur', 'true'], { stdio: 'ignore', timeout: 5_000 });
  if (result.error) return 'unknown';
  return result.status === 0 ? 'available' : 'restricted';
}

function sandboxHelperReady(binary) {
  try {
    const stat = statSync(join(dirname(binary), 'chrome-sandbox'));
    return stat.uid === 0 && (stat.mode & 0o4755) === 0o4755;
  } catch {
    return false;
  }
}

/**
 * Launches Electron; when it dies within the launch window, `onEarlyFailure(failure)` decides what next
 * (a retry without the sandbox, or the headless gateway). Its stderr passes through and is kept for that.
 */
function launchElectron(binary, args, env, onEarlyFailure) {
  const child = spawn(binary, args, { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], env });
  const started = Date.now();
  let output = '';
  let stopping = false;
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    output = (output + chunk.toString('utf8')).slice(-16_384);
  });
  const forward = (signal) => {
    stopping = true;
    if (child.exitCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, forward);
    onEarlyFailure({ kind: 'other', reason: `Electron could not be started (${error.code ?? error.message})` });
  });
  child.on('exit', (code, signal) => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
    const failure = !stopping && Date.now() - started < LAUNCH_WINDOW_MS ? classifyLaunchFailure({ code, signal, output }) : null;
    if (failure) onEarlyFailure(failure);
    else process.exit(code ?? (signal ? 1 : 0));
  });
}

async function main(argv) {
  const headlessForced = argv.includes('--headless');
  const serveArgs = argv.filter((arg) => arg !== '--headless');
  const headless = (line) => {
    console.log(line);
    handOver(process.execPath, [join(root, 'bin', 'switchboard.js'), 'serve', ...serveArgs], process.env);
  };
  run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet']);

  const choice = await chooseLauncher({ headlessForced, platform: process.platform, env: process.env, probe: probeWithOneDownload });
  if (choice.kind === 'headless') return headless(choice.line);

  run(process.execPath, [join(root, 'scripts', 'icons.mjs'), '--quiet']);
  const env = { ...process.env };
  // Set by some tools (VS Code tasks); it would make the binary a plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const linux = process.platform === 'linux';
  const sandbox = sandboxArgs({
    platform: process.platform,
    uid: process.getuid?.(),
    userNamespaces: linux ? probeUserNamespaces() : 'available',
    helperReady: linux ? sandboxHelperReady(choice.binary) : false,
  });
  if (sandbox.line) console.log(sandbox.line);
  const launch = (extra) =>
    launchElectron(choice.binary, [...extra, root], env, (failure) => {
      if (failure.kind === 'sandbox' && !extra.includes('--no-sandbox')) {
        console.log(`${failure.reason}; retrying with --no-sandbox`);
        return launch([...extra, '--no-sandbox']);
      }
      headless(`Electron did not start (${failure.reason}); running the headless gateway instead`);
    });
  launch(sandbox.args);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main(process.argv.slice(2));
