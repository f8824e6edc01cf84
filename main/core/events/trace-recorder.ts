// One request's recorder: the mutable record and timing behind a RequestTrace. It decides what the
// record says (status, phase, errorCode, timings) and when the request events fire; the tracker
// (request-trace.ts) decides where finished records go.
import { isGatewayError } from '../../../shared/errors';
import type { RequestRecord, RequestTiming, TokenUsage } from '../../../shared/protocol/records';
import { scrubSecrets } from '../../../shared/redact';
import type { BodyBuffer } from './captured-body';
import { scrubMessage } from './redaction';
import { addNote, type CaptureEntry, type RequestCaptures } from './request-captures';
import type { RequestTrace, TraceInit } from './request-trace';

/** Error messages longer than this are cut (upstream HTML error pages can be many KB). */
export const MAX_ERROR_MESSAGE = 500;

export type RequestEventType = 'request.started' | 'request.first_byte' | 'request.finished' | 'request.failed';

export interface TraceRecorderDeps {
  now: () => number;
  hrNow: () => number;
  /** secret values and their escaped forms, for scrubbing */
  secretForms: () => readonly string[];
  captures: RequestCaptures;
  /** stores a copy of the record in the log and emits the event */
  publish: (type: RequestEventType, record: RequestRecord) => RequestRecord;
  /** the request ended; `timing` is final */
  settled: (type: 'request.finished' | 'request.failed', record: RequestRecord, timing: RequestTiming) => void;
}

export interface TraceHandle {
  trace: RequestTrace;
  record: RequestRecord;
  timing: RequestTiming;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

function headerText(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function initialRecord(init: TraceInit, startedAt: number, forms: readonly string[]): RequestRecord {
  const { identity } = init;
  return {
    id: init.id,
    startedAt,
    phase: 'pending',
    method: init.method,
    // a query string can carry a key (`?key=` in Gemini-style URLs)
    path: scrubSecrets(init.path, forms),
    endpoint: init.endpoint,
    dialect: init.dialect,
    stream: init.stream,
    identity: identity.userId,
    identitySource: identity.source,
    matchedPattern: identity.matchedPattern,
    clientApp: identity.clientApp,
    userAgent: scrubSecrets(identity.userAgent, forms),
    model: init.model,
    providerModel: null,
    provider: null,
    upstreamHost: null,
    backend: init.backend,
    translated: false,
    status: null,
    ttfbMs: null,
    durationMs: null,
    bytesIn: init.bytesIn,
    bytesOut: 0,
    usage: null,
    retries: 0,
    errorCode: null,
    errorMessage: null,
    replayOf: init.replayOf ?? null,
  };
}

/** Creates the recorder and emits request.started. */
export function startTraceRecorder(init: TraceInit, deps: TraceRecorderDeps): TraceHandle {
  const { hrNow, captures, publish } = deps;
  const t0 = hrNow();
  const elapsed = (): number => round(hrNow() - t0);
  const rec = initialRecord(init, deps.now(), deps.secretForms());
  const timing: RequestTiming = { queueMs: null, upstreamHeadersMs: null, ttfbMs: null, durationMs: null };
  const capture: CaptureEntry | null = captures.open(init.id);
  let responseBody: BodyBuffer | null = null;
  let responseType: string | null = null;
  let headSent = false;
  let upstreamAnswered = false;
  let ended = false;

  function settle(type: 'request.finished' | 'request.failed'): void {
    rec.durationMs = timing.durationMs = elapsed();
    if (capture) capture.timing = { ...timing };
    deps.settled(type, rec, timing);
  }

  const trace: RequestTrace = {
    id: init.id,
    record: rec,
    setModel(info) {
      rec.model = info.model;
      rec.providerModel = info.providerModel;
      rec.provider = info.provider;
      rec.upstreamHost = info.upstreamHost;
      rec.translated = info.translated;
    },
    captureRequest(headers, body, contentType) {
      if (!capture) return;
      // references, not copies: every header object handed over here is built for this request alone
      capture.requestHeaders = headers;
      captures.captureBody(capture, 'request', contentType).append(body);
    },
    upstreamRequest(headers) {
      if (capture) capture.upstreamRequestHeaders = headers;
    },
    dispatched() {
      if (timing.queueMs === null) timing.queueMs = elapsed();
    },
    upstreamResponse(status, headers) {
      upstreamAnswered = true;
      timing.upstreamHeadersMs = elapsed();
      if (!capture) return;
      addNote(capture, `upstream answered ${status}`);
      // shown until the client's own response head is sent (then that one is)
      if (!headSent) capture.responseHeaders = headers;
    },
    retry(info) {
      rec.retries += 1;
      addNote(capture, `retry ${info.attempt} in ${info.delayMs} ms: ${info.reason}`);
    },
    responseStarted(status, headers) {
      rec.status = status;
      headSent = true;
      responseType = headerText(headers['content-type']);
      if (capture) capture.responseHeaders = headers;
    },
    responseChunk(chunk) {
      if (ended) return;
      const bytes = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (bytes === 0) return;
      rec.bytesOut += bytes;
      if (rec.ttfbMs === null) {
        rec.ttfbMs = timing.ttfbMs = elapsed();
        if (rec.stream) rec.phase = 'streaming';
        publish('request.first_byte', rec);
      }
      if (!capture) return;
      responseBody ??= captures.captureBody(capture, 'response', responseType);
      responseBody.append(chunk);
    },
    usage(usage) {
      const merged: TokenUsage = rec.usage ?? { input: null, output: null, cacheRead: null, cacheCreation: null };
      if (usage.input !== undefined) merged.input = usage.input;
      if (usage.output !== undefined) merged.output = usage.output;
      if (usage.cacheRead !== undefined) merged.cacheRead = usage.cacheRead;
      if (usage.cacheCreation !== undefined) merged.cacheCreation = usage.cacheCreation;
      rec.usage = merged;
    },
    note(text) {
      addNote(capture, text);
    },
    finish() {
      if (ended) return;
      ended = true;
      const failed = rec.status !== null && rec.status >= 400;
      // a >= 400 that reached finish() is the upstream's answer, passed through
      if (failed && rec.errorCode === null && upstreamAnswered) rec.errorCode = 'UPSTREAM_ERROR';
      rec.phase = failed ? 'error' : 'done';
      settle(failed ? 'request.failed' : 'request.finished');
    },
    fail(error, status) {
      if (ended) return;
      ended = true;
      const gatewayError = isGatewayError(error) ? error : null;
      rec.errorCode = gatewayError?.code ?? 'INTERNAL';
      rec.errorMessage = scrubMessage(messageOf(error), deps.secretForms(), MAX_ERROR_MESSAGE);
      // once the head is out the client saw that status; the failure shows in phase and errorCode
      rec.status = status ?? (headSent ? rec.status : (gatewayError?.status ?? 500));
      rec.phase = 'error';
      settle('request.failed');
    },
  };

  publish('request.started', rec);
  return { trace, record: rec, timing };
}
