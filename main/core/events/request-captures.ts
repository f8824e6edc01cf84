// Headers, bodies, timing and notes of the last N requests, for the dashboard's detail panel. Entries
// hold what the request path handed over (copies, bodies capped at `bytes`); redaction and decoding
// happen in view(), when a human opens a request, so the hot path only copies bytes.
import type { CapturedBody, RequestTiming } from '../../../shared/protocol/records';
import type { Fingerprint } from '../../../shared/redact';
import { createBodyBuffer, isEventStream, type BodyBuffer } from './captured-body';
import { redactHeaderView, scrubText } from './redaction';

/** Notes beyond this many are dropped; a retry storm must not grow one entry without bound. */
export const MAX_NOTES = 50;

type RawHeaders = Record<string, string | string[] | number | undefined>;

export interface CaptureEntry {
  requestHeaders: RawHeaders | null;
  upstreamRequestHeaders: Record<string, string> | null;
  responseHeaders: Record<string, string | string[]> | null;
  requestBody: BodyBuffer | null;
  responseBody: BodyBuffer | null;
  notes: string[];
  /** filled when the request ends; while it runs the trace holds the live timing */
  timing: RequestTiming | null;
}

export interface CaptureView {
  requestHeaders: Record<string, string>;
  upstreamRequestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  requestBody: CapturedBody | null;
  responseBody: CapturedBody | null;
  notes: string[];
  timing: RequestTiming | null;
}

export interface RequestCaptures {
  /** bytes kept per body */
  readonly bytes: number;
  /** starts an entry (evicting the oldest when full); null when captures are off (entries = 0) */
  open(id: string): CaptureEntry | null;
  get(id: string): CaptureEntry | undefined;
  captureBody(entry: CaptureEntry, which: 'request' | 'response', contentType: string | null): BodyBuffer;
  /** the redacted, decoded view; `secrets` are the values (and their escaped forms) to scrub */
  view(id: string, redact: { fingerprint: Fingerprint; secrets: readonly string[] }): CaptureView | null;
  clear(): void;
  size(): number;
}

/** Adds a note unless the entry already holds MAX_NOTES. */
export function addNote(entry: CaptureEntry | null, text: string): void {
  if (entry && entry.notes.length < MAX_NOTES) entry.notes.push(text);
}

export function createRequestCaptures(options: { entries: number; bytes: number }): RequestCaptures {
  const limit = Math.max(0, Math.floor(options.entries));
  const bytes = Math.max(0, Math.floor(options.bytes));
  const entries = new Map<string, CaptureEntry>();

  return {
    bytes,
    open(id) {
      if (limit === 0) return null;
      if (!entries.has(id) && entries.size >= limit) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      const entry: CaptureEntry = {
        requestHeaders: null,
        upstreamRequestHeaders: null,
        responseHeaders: null,
        requestBody: null,
        responseBody: null,
        notes: [],
        timing: null,
      };
      entries.set(id, entry);
      return entry;
    },
    get: (id) => entries.get(id),
    captureBody(entry, which, contentType) {
      // SSE is kept as its transcript: the raw `event:`/`data:` text the client received, capped like any body.
      const body = createBodyBuffer(bytes, contentType, isEventStream(contentType));
      if (which === 'request') entry.requestBody = body;
      else entry.responseBody = body;
      return body;
    },
    view(id, redact) {
      const entry = entries.get(id);
      if (!entry) return null;
      const { fingerprint, secrets } = redact;
      const scrub = (text: string, cut: boolean): string => scrubText(text, secrets, cut);
      return {
        requestHeaders: redactHeaderView(entry.requestHeaders, fingerprint, secrets),
        upstreamRequestHeaders: redactHeaderView(entry.upstreamRequestHeaders, fingerprint, secrets),
        responseHeaders: redactHeaderView(entry.responseHeaders, fingerprint, secrets),
        requestBody: entry.requestBody?.view(scrub) ?? null,
        responseBody: entry.responseBody?.view(scrub) ?? null,
        notes: entry.notes.map((note) => scrubText(note, secrets)),
        timing: entry.timing ? { ...entry.timing } : null,
      };
    },
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
