// What the front server and the backends see of a request's trace, apart from the tracker that makes one
// (request-trace.ts) and the recorder behind it (trace-recorder.ts), which both use these types.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dialect, Endpoint, Mode, RequestRecord, TokenUsage } from '../../../shared/protocol/records';
import type { IdentityMatch } from '../clients/identity-types';

export interface ModelInfo {
  model: string | null;
  providerModel: string | null;
  provider: string | null;
  upstreamHost: string | null;
  translated: boolean;
}

export interface RequestTrace {
  readonly id: string;
  readonly record: Readonly<RequestRecord>;
  setModel(info: ModelInfo): void;
  /** keeps a copy of the headers and at most `bodyCaptureBytes` of the body; redacted when viewed */
  captureRequest(headers: IncomingHttpHeaders, body: Buffer, contentType: string | null): void;
  /** what we sent upstream (redacted when viewed) */
  upstreamRequest(headers: Record<string, string>): void;
  /** the upstream call leaves: ends queueMs (the first call counts; retries do not move it) */
  dispatched(): void;
  upstreamResponse(status: number, headers: Record<string, string | string[]>): void;
  retry(info: { attempt: number; reason: string; delayMs: number }): void;
  /** the response head went to the client */
  responseStarted(status: number, headers: Record<string, string | string[]>): void;
  /** the first non-empty chunk is the first byte (emits request.first_byte once); counts bytesOut; captures (capped) */
  responseChunk(chunk: Buffer | string): void;
  /** merges: fields left undefined keep their value */
  usage(usage: Partial<TokenUsage>): void;
  note(text: string): void;
  /** emits request.finished (request.failed when status >= 400); finish and fail together fire once */
  finish(): void;
  /** emits request.failed once; errorCode from GatewayError.code else 'INTERNAL'; the message is scrubbed */
  fail(error: unknown, status?: number): void;
}

export interface TraceInit {
  id: string;
  method: string;
  path: string;
  endpoint: Endpoint;
  dialect: Dialect;
  stream: boolean;
  identity: IdentityMatch;
  backend: Mode;
  bytesIn: number;
  model: string | null;
  /** set when this request replays a logged one (Compare); the log marks it */
  replayOf?: string | null;
}
