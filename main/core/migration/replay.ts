// Compare: replays a logged request through the OTHER backend and sets both answers side by side. The
// replay is a request of its own in the log (marked `replayOf`), served by the same backend code a
// client's request would get, with the bytes and headers the client originally sent (kept, unredacted,
// by the capture store). It goes to the real provider and costs tokens, so the caller must say it agrees.
// When the other backend is the LiteLLM binary and it is not running, it is started for the replay (the
// backend.state events show its progress) and stopped afterwards, unless a mode switch adopted it.
import type { Logger } from 'pino';
import { GatewayError } from '../../../shared/errors';
import type { GatewayEventBody } from '../../../shared/protocol/events';
import type { Mode } from '../../../shared/protocol/records';
import type { ReplayRequest, ReplayResult } from '../../../shared/protocol/validation';
import type { Backend, ProxyRequest, ResolvedModel } from '../backends/backend';
import type { ModeController } from '../backends/modes/mode-controller';
import { resolveIdentity } from '../clients/identity';
import { findModel } from '../config/model-lookup';
import type { GatewayConfig } from '../config/types';
import type { RequestCaptures } from '../events/request-captures';
import type { RequestTracker } from '../events/request-trace';
import type { InFlight } from '../http/in-flight';
import { parseJsonObject } from '../http/read-body';
import { replyError, toGatewayError } from '../http/render-error';
import { RequestAbort } from '../upstream/abort';
import { compareSides, replaySide } from './replay-compare';
import { createCollectingReply } from './replay-reply';

export interface ReplayerDeps {
  config: GatewayConfig;
  tracker: RequestTracker;
  /** the same store the tracker writes: replays need the captured bytes before redaction */
  captures: RequestCaptures;
  backends: Record<Mode, Backend>;
  modes: Pick<ModeController, 'state'>;
  inFlight: InFlight;
  newId: () => string;
  emit: (body: GatewayEventBody) => void;
  logger: Pick<Logger, 'warn'>;
  /** how long a binary started for a replay may take to drain when stopped again */
  stopGraceMs: number;
}

export interface Replayer {
  replay(request: ReplayRequest): Promise<ReplayResult>;
  /** aborts running replays (gateway shutdown) */
  abortAll(): void;
}

const other = (mode: Mode): Mode => (mode === 'sdk' ? 'binary' : 'sdk');

interface Captured {
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
  contentType: string | null;
}

function captured(deps: ReplayerDeps, id: string, needsBody: boolean): Captured {
  const entry = deps.captures.get(id);
  if (!entry?.requestHeaders || (needsBody && !entry.requestBody)) {
    throw new GatewayError(
      'REPLAY_NOT_CAPTURED',
      'This request’s body was not captured (bodies are kept for the most recent requests only); nothing to replay',
    );
  }
  const body = entry.requestBody?.view((text) => text) ?? null;
  if (body?.truncated) {
    throw new GatewayError(
      'REPLAY_NOT_CAPTURED',
      `This request’s body was cut at ${deps.captures.bytes} bytes of ${body.totalBytes} when it was captured; a replay would send a different request. Raise switchboard.log.body_capture_bytes to compare requests this large`,
    );
  }
  const headers: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(entry.requestHeaders)) headers[name] = typeof value === 'number' ? String(value) : value;
  return { headers, raw: Buffer.from(body?.text ?? '', 'utf8'), contentType: body?.contentType ?? null };
}

export function createReplayer(deps: ReplayerDeps): Replayer {
  const running = new Set<RequestAbort>();
  /** replays that use a binary started for them; it stops when the last one ends */
  let binaryUsers = 0;
  let binaryStartedForReplay = false;

  async function ensureReady(target: Mode): Promise<void> {
    const backend = deps.backends[target];
    if (target !== 'binary') return;
    binaryUsers += 1;
    if (backend.state().status === 'ready') return;
    if (deps.modes.state().mode !== 'binary') binaryStartedForReplay = true;
    deps.emit({ type: 'notice', level: 'info', code: 'REPLAY_STARTS_BINARY', message: 'Starting the LiteLLM binary for a replay; it stops again when the replay is done.' });
    try {
      await backend.start();
    } catch (error) {
      const cause = toGatewayError(error);
      throw new GatewayError(
        cause.code === 'INTERNAL' ? 'BACKEND_UNAVAILABLE' : cause.code,
        `The LiteLLM binary could not be started for the replay: ${cause.message}`,
        { cause: error },
      );
    }
  }

  function release(target: Mode): void {
    if (target !== 'binary') return;
    binaryUsers -= 1;
    if (binaryUsers > 0 || !binaryStartedForReplay) return;
    binaryStartedForReplay = false;
    const mode = deps.modes.state();
    // a switch to binary mode while the replay ran adopted the child: leave it running
    if (mode.mode === 'binary' || mode.switching === 'binary') return;
    deps.backends.binary.stop(deps.stopGraceMs).catch((error: Error) => deps.logger.warn({ err: error }, 'stopping the binary after a replay failed'));
  }

  async function replay(input: ReplayRequest): Promise<ReplayResult> {
    if (input.confirmCost !== true) {
      throw new GatewayError('REPLAY_NOT_CONFIRMED', 'A replay sends the request to the real provider and costs tokens: send {"confirmCost": true} to go ahead');
    }
    const original = deps.tracker.log.get(input.requestId);
    if (!original) throw new GatewayError('NOT_FOUND', 'No such request in the log');
    if (original.phase === 'pending' || original.phase === 'streaming') {
      throw new GatewayError('REPLAY_NOT_CAPTURED', 'This request is still running; compare it once it has finished');
    }
    if (original.model === null && original.endpoint !== 'models') {
      throw new GatewayError('REPLAY_NOT_CAPTURED', 'This request was refused before it reached a backend (no model); there is no answer to compare');
    }
    const source = captured(deps, original.id, original.endpoint !== 'models');
    const body = original.endpoint === 'models' ? {} : parseJsonObject(source.raw);
    let model: ResolvedModel | null = null;
    if (original.endpoint !== 'models') {
      const name = String(body.model ?? '');
      const found = findModel(deps.config.models, name);
      if (!found) throw new GatewayError('UNKNOWN_MODEL', `Model ${name} is no longer configured`);
      model = { config: found.config, requestedName: name, providerModel: found.providerModel };
    }
    const identity = resolveIdentity(source.headers, deps.config.identity);
    const target = other(original.backend);

    try {
      await ensureReady(target);
      const id = deps.newId();
      const stream = original.endpoint !== 'messages.count_tokens' && body.stream === true;
      const trace = deps.tracker.start({
        id, method: original.method, path: original.path, endpoint: original.endpoint, dialect: original.dialect, stream,
        identity, backend: target, bytesIn: source.raw.length, model: model?.requestedName ?? null, replayOf: original.id,
      });
      if (source.raw.length > 0) trace.captureRequest(source.headers, source.raw, source.contentType);
      const signal = new RequestAbort();
      running.add(signal);
      const reply = createCollectingReply(trace);
      const request: ProxyRequest = {
        id, endpoint: original.endpoint, dialect: original.dialect, body, rawBody: source.raw, stream, model, identity,
        headers: source.headers, search: '', signal, trace,
      };
      deps.inFlight.begin();
      try {
        await deps.backends[target].handle(request, reply);
        trace.finish();
      } catch (caught) {
        const error = toGatewayError(caught);
        const answered = reply.started;
        replyError(reply, error, original.dialect);
        trace.fail(error, answered ? undefined : error.status);
      } finally {
        deps.inFlight.end();
        running.delete(signal);
      }
      const originalDetail = deps.tracker.detail(original.id);
      const replayDetail = deps.tracker.detail(id);
      const sides = {
        original: { side: replaySide(originalDetail, original.backend, original.id), detail: originalDetail },
        replay: { side: replaySide(replayDetail, target, id), detail: replayDetail },
      };
      return { original: sides.original.side, replay: sides.replay.side, differences: compareSides(sides.original, sides.replay) };
    } finally {
      release(target);
    }
  }

  return {
    replay,
    abortAll() {
      for (const signal of running) signal.abort();
    },
  };
}
