// The legacy backend's child process: start it on a free loopback port with a generated config, wait
// for readiness, restart it when it crashes (until it crashes too often), stop it without leaving
// anything behind. State changes go to onState; the binary backend forwards requests to baseUrl().
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { GatewayError, isGatewayError } from '../../../../shared/errors';
import type { BackendState, BackendStatus } from '../../../../shared/protocol/records';
import { describeEnd, spawnChild } from './child-process';
import type { ChildEnd, ChildHandle } from './child-process';
import { createCrashPolicy } from './crash-policy';
import {
  cancelledError, classifyEarlyExit, configRejectedError, crashLoopError, missingExtrasError, notFoundError,
  portConflictError, portMovedError, readyTimeoutError,
} from './failures';
import { findFreePort } from './free-port';
import { childEnvironment, MASTER_KEY_ENV, writeLitellmConfig } from './litellm-config';
import { checkLitellmVersion, MIN_LITELLM_VERSION, probeLitellmVersion, versionTooOldError } from './litellm-version';
import { createLogSink } from './log-sink';
import { LIVELINESS_PATH, waitUntilLive } from './readiness';
import { scrubLine } from './scrub-line';
import { reapStaleChild, removePidFile, writePidFile } from './stale-child';
import { killGroupNow, terminateChild } from './terminate';
import type { Supervisor, SupervisorOptions } from './types';
import { DATA_FILES } from '../../config/data-files';

const RING_LINES = 500;
const STATE_TAIL_LINES = 20;
/** How long to wait for a dead child's last output before judging why it died. */
const DRAIN_WAIT_MS = 500;

type LaunchOutcome =
  | { kind: 'ready' }
  | { kind: 'moved'; port: number }
  | { kind: 'port-conflict'; port: number; lines: string[] }
  | { kind: 'crashed'; end: ChildEnd; lines: string[] };

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const platform = options.platform ?? process.platform;
  const { logger, dataDir, command } = options;
  const windowMs = options.crashWindowMs ?? 60_000;
  const logFile = join(dataDir, DATA_FILES.litellmLog);
  // Per run, never persisted: only this gateway process can talk to the child. LiteLLM wants `sk-` keys.
  const token = `sk-switchboard-${randomBytes(24).toString('base64url')}`;
  const log = createLogSink({
    file: logFile,
    maxBytes: options.logMaxBytes ?? 5 * 1024 * 1024,
    ringSize: RING_LINES,
    scrub: (line) => scrubLine(line, [token, ...knownSecrets()]),
    now,
    onFileError: (error) => logger.warn({ file: logFile, error: String(error) }, 'cannot write the LiteLLM log file; keeping output in memory only'),
    onLine: () => logChanged(),
  });
  // The log tail the Mode view shows stays live between status changes: a throttled update per burst.
  let logTimer: NodeJS.Timeout | null = null;
  function logChanged(): void {
    if (!options.onLog || logTimer) return;
    logTimer = setTimeout(() => {
      logTimer = null;
      try {
        options.onLog?.(snapshot());
      } catch (error) {
        logger.error({ error: String(error) }, 'LiteLLM onLog listener threw');
      }
    }, options.logUpdateMs ?? 500);
    logTimer.unref();
  }
  // Runs inside stream 'data' handlers: a throwing secrets() must not take the gateway down.
  function knownSecrets(): string[] {
    try {
      return options.secrets();
    } catch (error) {
      logger.error({ error: String(error) }, 'secrets() threw; scrubbing LiteLLM output by shape only');
      return [];
    }
  }
  const crashes = createCrashPolicy({
    now,
    backoffMs: options.restartBackoffMs ?? [500, 2000, 5000],
    maxCrashes: options.maxCrashes ?? 3,
    windowMs,
  });

  let status: BackendStatus = 'stopped';
  let reason: string | null = null;
  let since = now();
  let restarts = 0;
  let child: ChildHandle | null = null;
  let lastPort: number | null = null;
  let version: string | null = null;
  let acceptedVersion: string | null = null;
  let forcedKill = false;
  /** One start()…stop() span; stop() aborts it and every async step of that span checks it. */
  let cycle = new AbortController();
  /** The start or restart under way, if any. */
  let flow: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;

  function snapshot(): BackendState {
    return {
      kind: 'binary', status, reason, since,
      pid: child?.pid ?? null,
      port: child?.port ?? null,
      inFlight: 0,
      restarts,
      logTail: log.tail(STATE_TAIL_LINES),
      version,
      attachedTo: null,
    };
  }

  function setStatus(next: BackendStatus, why: string | null): void {
    status = next;
    reason = why;
    since = now();
    const details = { status: next, reason: why, pid: child?.pid ?? null, port: child?.port ?? null };
    if (next === 'failed' || next === 'crashed') logger.warn(details, 'LiteLLM backend state');
    else logger.info(details, 'LiteLLM backend state');
    try {
      options.onState?.(snapshot());
    } catch (error) {
      logger.error({ error: String(error) }, 'LiteLLM onState listener threw');
    }
  }

  function fail(error: GatewayError): GatewayError {
    child = null;
    setStatus('failed', error.message);
    void removePidFile(dataDir).catch(() => undefined);
    return error;
  }

  function track(run: Promise<void>): Promise<void> {
    flow = run;
    const clear = (): void => {
      if (flow === run) flow = null;
    };
    run.then(clear, clear);
    return run;
  }

  async function terminate(handle: ChildHandle): Promise<void> {
    const result = await terminateChild(handle, options.stopGraceMs, platform);
    forcedKill = forcedKill || result.forced;
    if (result.forced) log.note(`pid ${handle.pid} ignored SIGTERM for ${options.stopGraceMs} ms; killed with SIGKILL`);
    // 'exit' can come before the last output: let it land so the log is complete once stop() resolves
    await Promise.race([handle.drained, delay(DRAIN_WAIT_MS)]);
    if (child === handle) child = null;
  }

  function childEnv(): Record<string, string> {
    const env = childEnvironment(options.env);
    env[MASTER_KEY_ENV] = token;
    env.SWITCHBOARD_PARENT_PID = String(options.parentPid ?? process.pid);
    env.PYTHONUNBUFFERED = '1'; // line-by-line output, so the log tail is current when it crashes
    return env;
  }

  /**
   * Before the first spawn of a start: the binary runs at all, and is new enough to keep identities. An
   * accepted version is remembered for this gateway's life (importing LiteLLM for `--version` takes seconds,
   * more on a busy machine); a refused one is read again at the next start, so an upgrade is seen.
   */
  async function checkVersion(signal: AbortSignal): Promise<void> {
    if (acceptedVersion !== null) return;
    const probe = await probeLitellmVersion({
      command, args: options.args, env: childEnvironment(options.env), pinnedVersion: options.pinnedVersion, timeoutMs: options.readyTimeoutMs,
      spawn: options.spawn,
    });
    if (signal.aborted) throw cancelledError();
    if (probe.error) throw fail(probe.error);
    const lines = probe.output.split('\n');
    if (probe.version === null && classifyEarlyExit(lines) === 'missing-extras') {
      throw fail(missingExtrasError(command, options.pinnedVersion, lines));
    }
    version = probe.version;
    const refusal = checkLitellmVersion(probe.version, options.minVersion ?? MIN_LITELLM_VERSION, options.pinnedVersion, probe.timedOut);
    if (refusal) {
      log.note(refusal);
      throw fail(versionTooOldError(refusal));
    }
    acceptedVersion = probe.version;
    log.note(`${command} --version: LiteLLM ${probe.version}`);
  }

  async function launchOnce(signal: AbortSignal, freshPort: boolean): Promise<LaunchOutcome> {
    // Never 4000: LiteLLM silently moves off 4000 when it is taken (proxy_cli.py), and we would wait on
    // the wrong port. 0 asks the OS for a free one just before the spawn.
    const preferred = options.preferredPort === 4000 ? 0 : options.preferredPort;
    const port = await findFreePort(freshPort ? 0 : (lastPort ?? preferred), host);
    const configFile = await writeLitellmConfig(dataDir, options.litellmDocument, options.configDir ?? null, (removed) =>
      log.note(`left out of the generated config (not for a child only Switchboard talks to): ${removed.join(', ')}`));
    if (signal.aborted) throw cancelledError();
    lastPort = port;
    const mark = log.mark();
    const args = [...options.args, '--config', configFile, '--port', String(port), '--host', host];
    const handle = spawnChild({ spawn: options.spawn, command, args, env: childEnv(), cwd: dataDir, port, log });
    child = handle;
    setStatus('starting', `starting ${command} on ${host}:${port}`);
    if (handle.pid !== undefined) {
      log.note(`started ${command} (pid ${handle.pid}) on ${host}:${port}`);
      await writePidFile(dataDir, { pid: handle.pid, port, configFile, startedAt: now() }).catch((error: unknown) =>
        logger.warn({ error: String(error) }, 'cannot write the LiteLLM pid file'));
    }

    const childGone = new AbortController();
    void handle.ended.then(() => childGone.abort());
    // the child says where it listens: confirm that it is the port we gave it
    let movedTo: number | null = null;
    const watchPort = setInterval(() => {
      const said = listeningPort(log.childLinesSince(mark));
      if (said !== null && said !== port) {
        movedTo = said;
        childGone.abort();
      }
    }, options.pollIntervalMs ?? 150);
    const readiness = await waitUntilLive({
      host, port,
      timeoutMs: options.readyTimeoutMs,
      intervalMs: options.pollIntervalMs ?? 150,
      signal: AbortSignal.any([signal, childGone.signal]),
    }).finally(() => clearInterval(watchPort));
    if (movedTo !== null && !signal.aborted) {
      await terminate(handle);
      return { kind: 'moved', port: movedTo };
    }
    if (readiness === 'live') {
      watchWhileReady(handle, signal);
      setStatus('ready', null);
      return { kind: 'ready' };
    }
    if (signal.aborted) {
      await terminate(handle);
      throw cancelledError();
    }
    if (readiness === 'timeout') {
      log.note(`no answer on ${LIVELINESS_PATH} within ${options.readyTimeoutMs} ms; stopping pid ${handle.pid}`);
      await terminate(handle);
      throw fail(readyTimeoutError(host, port, options.readyTimeoutMs, logFile, log.childLinesSince(mark)));
    }
    const end = await handle.ended;
    await Promise.race([handle.drained, delay(DRAIN_WAIT_MS)]);
    if (child === handle) child = null;
    const lines = log.childLinesSince(mark);
    if (end.kind === 'spawn-error') throw fail(notFoundError(command, options.pinnedVersion, end.error));
    log.note(`${command} ${describeEnd(end)} before it became ready`);
    switch (classifyEarlyExit(lines, end.kind === 'exit' ? end.code : null)) {
      case 'port-conflict':
        return { kind: 'port-conflict', port, lines };
      case 'missing-extras':
        throw fail(missingExtrasError(command, options.pinnedVersion, lines));
      case 'config-rejected':
        throw fail(configRejectedError(describeEnd(end), join(dataDir, DATA_FILES.litellmConfig), logFile, lines));
      default:
        return { kind: 'crashed', end, lines };
    }
  }

  async function runUntilReady(signal: AbortSignal, firstDelayMs: number | null, firstStart: boolean): Promise<void> {
    if (firstStart) {
      await reapStaleChild({ dataDir, host, graceMs: options.stopGraceMs, platform, logger }).catch((error: unknown) =>
        logger.warn({ error: String(error) }, 'could not check for a LiteLLM child left behind'));
      await checkVersion(signal);
    }
    let delayMs = firstDelayMs;
    const conflictPorts: number[] = [];
    for (;;) {
      if (delayMs !== null) {
        await delay(delayMs, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) throw cancelledError();
        restarts += 1;
      }
      if (signal.aborted) throw cancelledError();
      const outcome = await launchOnce(signal, conflictPorts.length > 0).catch((error: unknown) => {
        // already failed, or cancelled: as it is; a catalogued error of preparing the child (an include that
        // cannot be read) fails the start like any other
        if (isGatewayError(error)) throw signal.aborted || status === 'failed' ? error : fail(error);
        if (signal.aborted) throw cancelledError();
        // our own I/O (data dir not writable, no loopback port): still a clear, catalogued failure
        throw fail(new GatewayError('INTERNAL', `Could not prepare the LiteLLM child: ${String(error)}`, { cause: error }));
      });
      if (outcome.kind === 'ready') return;
      if (outcome.kind === 'moved') throw fail(portMovedError(host, lastPort ?? 0, outcome.port));
      if (outcome.kind === 'port-conflict') {
        // Someone took the port between our check and the child's bind: one more try on a fresh port.
        conflictPorts.push(outcome.port);
        if (conflictPorts.length >= 2) throw fail(portConflictError(host, conflictPorts, outcome.lines));
        delayMs = null;
        continue;
      }
      const verdict = crashes.record();
      if (verdict.giveUp) throw fail(crashLoopError(verdict.count, windowMs, describeEnd(outcome.end), outcome.lines));
      setStatus('crashed', `LiteLLM ${describeEnd(outcome.end)} before it became ready; restarting in ${verdict.delayMs} ms`);
      delayMs = verdict.delayMs;
    }
  }

  function watchWhileReady(handle: ChildHandle, signal: AbortSignal): void {
    void handle.ended.then(async (end) => {
      if (signal.aborted || child !== handle) return; // stopped on purpose
      await Promise.race([handle.drained, delay(DRAIN_WAIT_MS)]);
      if (signal.aborted || child !== handle) return;
      child = null;
      log.note(`${command} (pid ${handle.pid}) ${describeEnd(end)}`);
      const verdict = crashes.record();
      if (verdict.giveUp) {
        fail(crashLoopError(verdict.count, windowMs, describeEnd(end), log.tail(STATE_TAIL_LINES)));
        return;
      }
      setStatus('crashed', `LiteLLM ${describeEnd(end)}; restarting in ${verdict.delayMs} ms`);
      track(runUntilReady(signal, verdict.delayMs, false)).catch((error: unknown) =>
        logger.debug({ error: String(error) }, 'LiteLLM restart ended without a ready child'));
    });
  }

  async function start(): Promise<void> {
    if (stopping) await stopping;
    if (status === 'ready') return;
    if (flow) return flow;
    cycle = new AbortController();
    crashes.reset();
    restarts = 0;
    forcedKill = false;
    return track(runUntilReady(cycle.signal, null, true));
  }

  async function stopNow(): Promise<void> {
    cycle.abort();
    forcedKill = false;
    if (child || flow) setStatus('stopping', 'stop requested');
    if (flow) await flow.catch(() => undefined);
    if (child) await terminate(child);
    await removePidFile(dataDir).catch(() => undefined);
    if (status !== 'stopped') {
      setStatus('stopped', forcedKill ? `LiteLLM ignored SIGTERM for ${options.stopGraceMs} ms and was killed with SIGKILL` : null);
    }
    // a stopped supervisor leaves its log complete on disk: nothing is written into the data dir afterwards
    await log.close();
  }

  function stop(): Promise<void> {
    if (!stopping) {
      const run = stopNow();
      stopping = run;
      const clear = (): void => {
        if (stopping === run) stopping = null;
      };
      run.then(clear, clear);
    }
    return stopping;
  }

  return {
    start,
    stop,
    state: snapshot,
    baseUrl: () => (status === 'ready' && child ? `http://${host.includes(':') ? `[${host}]` : host}:${child.port}` : null),
    token: () => token,
    logTail: (lines = 100) => log.tail(Math.min(lines, RING_LINES)),
    killSync: () => {
      cycle.abort();
      killGroupNow(child, platform);
    },
  };
}

const RUNNING_ON = /Uvicorn running on https?:\/\/[^\s:]+:(\d+)/;

/** The port in uvicorn's "Uvicorn running on http://host:port" line, if printed yet. */
function listeningPort(lines: string[]): number | null {
  for (const line of lines) {
    const match = RUNNING_ON.exec(line);
    if (match) return Number(match[1]);
  }
  return null;
}
