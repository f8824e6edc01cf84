// Export of the visible log rows. JSONL is the records as the gateway sent them (already redacted);
// HAR 1.2 lets the rows open in browser devtools and HAR viewers. Records carry no bodies or header
// sets (those live in RequestDetail), so the HAR has the User-Agent only and keeps our own fields under
// HAR's `_` extension prefix.
import type { RequestRecord } from '../../../shared/protocol/records';

export function toJsonl(records: readonly RequestRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
}

export interface HarOptions {
  /** e.g. http://127.0.0.1:8765; request URLs are this plus the record's path */
  baseUrl: string;
  creatorVersion: string;
}

interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  [extension: `_${string}`]: unknown;
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

function queryString(path: string): HarNameValue[] {
  const q = path.indexOf('?');
  if (q === -1) return [];
  return [...new URLSearchParams(path.slice(q + 1))].map(([name, value]) => ({ name, value }));
}

export function toHarEntry(record: RequestRecord, options: HarOptions): HarEntry {
  const duration = Math.max(0, record.durationMs ?? 0);
  const wait = Math.max(0, Math.min(record.ttfbMs ?? duration, duration || (record.ttfbMs ?? 0)));
  const receive = Math.max(0, duration - wait);
  return {
    startedDateTime: new Date(record.startedAt).toISOString(),
    time: wait + receive,
    request: {
      method: record.method,
      url: options.baseUrl.replace(/\/$/, '') + record.path,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: record.userAgent ? [{ name: 'user-agent', value: record.userAgent }] : [],
      queryString: queryString(record.path),
      headersSize: -1,
      bodySize: record.bytesIn,
    },
    response: {
      // HAR uses 0 for "no response" (the request failed before an answer)
      status: record.status ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: record.bytesOut, mimeType: record.stream ? 'text/event-stream' : 'application/json' },
      redirectURL: '',
      headersSize: -1,
      bodySize: record.bytesOut,
    },
    cache: {},
    timings: { send: 0, wait, receive },
    _id: record.id,
    _phase: record.phase,
    _identity: record.identity,
    _identitySource: record.identitySource,
    _matchedPattern: record.matchedPattern,
    _clientApp: record.clientApp,
    _model: record.model,
    _provider: record.provider,
    _providerModel: record.providerModel,
    _upstreamHost: record.upstreamHost,
    _backend: record.backend,
    _translated: record.translated,
    _stream: record.stream,
    _ttfbMs: record.ttfbMs,
    _usage: record.usage,
    _retries: record.retries,
    _errorCode: record.errorCode,
    _errorMessage: record.errorMessage,
  };
}

/** HAR lists entries oldest first, whatever order the table shows. */
export function toHar(records: readonly RequestRecord[], options: HarOptions): HarLog {
  const entries = [...records].sort((a, b) => a.startedAt - b.startedAt).map((r) => toHarEntry(r, options));
  return { log: { version: '1.2', creator: { name: 'Switchboard', version: options.creatorVersion }, entries } };
}

/** File name stem with the local time, e.g. switchboard-requests-20240501-142233. */
export function exportFileStem(now: number): string {
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  return `switchboard-requests-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
