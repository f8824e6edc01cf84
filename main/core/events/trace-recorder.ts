// One request's recorder: the mutable record and timing behind a RequestTrace. It decides what the
// record says (status, phase, errorCode, timings) and when the request events fire; the tracker
// (request-trace.ts) decides where finished records go.
import { isGatewayError } from '../../../shared/errors';
import type { RequestRecord, RequestTiming, TokenUsage } from '../../../shared/protocol/records';
import { scrubSecrets } from '../../../shared/redact';
import type { BodyBuffer } from './captured-body';
import { scrubMessage } from './redaction';
import { addNote, type CaptureEntry, type RequestCaptures } from './request-captures';
import type { IncomingHttpHeaders } from 'node:http';
import type { ModelInfo, RequestTrace, TraceInit } from './trace-types';

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
  const recorder = new TraceRecorder(init, deps);
  deps.publish('request.started', recorder.record);
  return recorder;
}

/**
 * A class rather than an object of closures: one is made for every request, and a dozen methods as
 * closures were a dozen allocations each time.
 */
class TraceRecorder implements RequestTrace, TraceHandle {
  readonly id: string;
  readonly record: RequestRecord;
  readonly timing: RequestTiming = { queueMs: null, upstreamHeadersMs: null, ttfbMs: null, durationMs: null };
  readonly #deps: TraceRecorderDeps;
  readonly #t0: number;
  readonly #capture: CaptureEntry | null;
  #responseBody: BodyBuffer | null = null;
  #responseType: string | null = null;
  #headSent = false;
  #upstreamAnswered = false;
  #ended = false;

  constructor(init: TraceInit, deps: TraceRecorderDeps) {
    this.#deps = deps;
    this.#t0 = deps.hrNow();
    this.id = init.id;
    this.record = initialRecord(init, deps.now(), deps.secretForms());
    this.#capture = deps.captures.open(init.id);
  }

  get trace(): RequestTrace {
    return this;
  }

  #elapsed(): number {
    return round(this.#deps.hrNow() - this.#t0);
  }

  #settle(type: 'request.finished' | 'request.failed'): void {
    const { record: rec, timing } = this;
    rec.durationMs = timing.durationMs = this.#elapsed();
    if (this.#capture) this.#capture.timing = { ...timing };
    this.#deps.settled(type, rec, timing);
  }

  setModel(info: ModelInfo): void {
    const rec = this.record;
    rec.model = info.model;
    rec.providerModel = info.providerModel;
    rec.provider = info.provider;
    rec.upstreamHost = info.upstreamHost;
    rec.translated = info.translated;
  }

  captureRequest(headers: IncomingHttpHeaders, body: Buffer, contentType: string | null): void {
    const capture = this.#capture;
    if (!capture) return;
    // references, not copies: every header object handed over here is built for this request alone
    capture.requestHeaders = headers;
    this.#deps.captures.captureBody(capture, 'request', contentType).append(body);
  }

  upstreamRequest(headers: Record<string, string>): void {
    if (this.#capture) this.#capture.upstreamRequestHeaders = headers;
  }

  dispatched(): void {
    if (this.timing.queueMs === null) this.timing.queueMs = this.#elapsed();
  }

  upstreamResponse(status: number, headers: Record<string, string | string[]>): void {
    this.#upstreamAnswered = true;
    this.timing.upstreamHeadersMs = this.#elapsed();
    const capture = this.#capture;
    if (!capture) return;
    addNote(capture, `upstream answered ${status}`);
    // shown until the client's own response head is sent (then that one is)
    if (!this.#headSent) capture.responseHeaders = headers;
  }

  retry(info: { attempt: number; reason: string; delayMs: number }): void {
    this.record.retries += 1;
    addNote(this.#capture, `retry ${info.attempt} in ${info.delayMs} ms: ${info.reason}`);
  }

  responseStarted(status: number, headers: Record<string, string | string[]>): void {
    this.record.status = status;
    this.#headSent = true;
    this.#responseType = headerText(headers['content-type']);
    if (this.#capture) this.#capture.responseHeaders = headers;
  }

  responseChunk(chunk: Buffer | string): void {
    if (this.#ended) return;
    const bytes = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes === 0) return;
    const rec = this.record;
    rec.bytesOut += bytes;
    if (rec.ttfbMs === null) {
      rec.ttfbMs = this.timing.ttfbMs = this.#elapsed();
      if (rec.stream) rec.phase = 'streaming';
      this.#deps.publish('request.first_byte', rec);
    }
    const capture = this.#capture;
    if (!capture) return;
    this.#responseBody ??= this.#deps.captures.captureBody(capture, 'response', this.#responseType);
    this.#responseBody.append(chunk);
  }

  usage(usage: Partial<TokenUsage>): void {
    const rec = this.record;
    const merged: TokenUsage = rec.usage ?? { input: null, output: null, cacheRead: null, cacheCreation: null };
    if (usage.input !== undefined) merged.input = usage.input;
    if (usage.output !== undefined) merged.output = usage.output;
    if (usage.cacheRead !== undefined) merged.cacheRead = usage.cacheRead;
    if (usage.cacheCreation !== undefined) merged.cacheCreation = usage.cacheCreation;
    rec.usage = merged;
  }

  note(text: string): void {
    addNote(this.#capture, text);
  }

  finish(): void {
    if (this.#ended) return;
    this.#ended = true;
    const rec = this.record;
    const failed = rec.status !== null && rec.status >= 400;
    // a >= 400 that reached finish() is the upstream's answer, passed through
    if (failed && rec.errorCode === null && this.#upstreamAnswered) rec.errorCode = 'UPSTREAM_ERROR';
    rec.phase = failed ? 'error' : 'done';
    this.#settle(failed ? 'request.failed' : 'request.finished');
  }

  fail(error: unknown, status?: number): void {
    if (this.#ended) return;
    this.#ended = true;
    const rec = this.record;
    const gatewayError = isGatewayError(error) ? error : null;
    rec.errorCode = gatewayError?.code ?? 'INTERNAL';
    rec.errorMessage = scrubMessage(messageOf(error), this.#deps.secretForms(), MAX_ERROR_MESSAGE);
    // once the head is out the client saw that status; the failure shows in phase and errorCode
    rec.status = status ?? (this.#headSent ? rec.status : (gatewayError?.status ?? 500));
    rec.phase = 'error';
    this.#settle('request.failed');
  }
}
