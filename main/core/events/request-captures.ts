// Headers, bodies, timing and notes of the last N requests, for the dashboard's detail panel. Entries
// hold what the request path handed over (header objects; bodies capped at `bytes` and copied into one
// ring of `totalBytes` shared by all entries); redaction and decoding happen in view(), when a human
// opens a request, so the hot path only copies bytes.
import type { CapturedBody, RequestTiming } from '../../../shared/protocol/records';
import type { Fingerprint } from '../../../shared/redact';
import { createCapturedBody, type BodyBuffer, type CaptureOwner, type CaptureSink } from './captured-body';
import { CaptureRing } from './capture-ring';
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
  /** bytes all kept bodies hold together right now */
  keptBytes(): number;
  /** bytes the ring that holds the bodies has allocated (it grows up to the total bound) */
  ringBytes(): number;
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

/** What all captured bodies may hold together unless configured (switchboard.log.body_capture_total_bytes). */
export const DEFAULT_CAPTURE_TOTAL_BYTES = 8 * 1024 * 1024;

/** An entry with its bookkeeping for the total bound (plain fields: a WeakMap lookup per chunk cost more). */
interface HeldEntry extends CaptureEntry, CaptureOwner {
  readonly heldId: string;
  heldBytes: number;
  /** dropped from the map: bytes its request still appends are only counted, not kept */
  dropped: boolean;
  /** its place in the insertion order (`order`, counted from the first entry ever opened) */
  slot: number;
  /** ring position of its first kept byte, -1 before it kept any */
  firstPos: number;
}

/** What a dropped entry's slot in the insertion order holds instead of the entry. */
const DROPPED: HeldEntry = {
  requestHeaders: null, upstreamRequestHeaders: null, responseHeaders: null, requestBody: null, responseBody: null,
  notes: [], timing: null, heldId: '', heldBytes: 0, dropped: true, slot: -1, firstPos: -1,
};

/**
 * `entries` bounds how many requests keep captures, `bytes` each body, `totalBytes` all bodies together:
 * an entry count alone let 200 Claude Code turns (bodies of 75-150 KB) pin ~25 MB. The bodies live in
 * one ring of at most `totalBytes`; an entry whose first bytes the ring overwrites is dropped, so past
 * the bound the oldest entries go first. One body keeps at most half the ring, so the entry being
 * written is never dropped for its own bytes.
 */
export function createRequestCaptures(options: { entries: number; bytes: number; totalBytes?: number }): RequestCaptures {
  const limit = Math.max(0, Math.floor(options.entries));
  const totalLimit = Math.max(2, Math.floor(options.totalBytes ?? DEFAULT_CAPTURE_TOTAL_BYTES));
  const bytes = Math.min(Math.max(0, Math.floor(options.bytes)), Math.floor(totalLimit / 2));
  const entries = new Map<string, HeldEntry>();
  // Entries oldest first, so the oldest is found in O(1): asking the Map for its first key walks the
  // slots earlier deletions left behind. `order[i - base]` is slot i; dropped entries are skipped.
  let order: HeldEntry[] = [];
  let base = 0;
  let head = 0;
  let total = 0;
  // Entries in the order of their first kept byte, which is the order the ring overwrites them in.
  let byPos: HeldEntry[] = [];
  let posHead = 0;
  const ring = new CaptureRing(totalLimit, oldestWanted);
  const sink: CaptureSink = { ring, kept: (owner, pos, added) => kept(owner as HeldEntry, pos, added) };

  /** the ring position of the oldest byte a live entry still holds (the ring's end when none) */
  function oldestWanted(): number {
    // a passed slot must not keep its entry (and the headers it holds) alive until the list is compacted
    while (posHead < byPos.length && byPos[posHead]!.dropped) byPos[posHead++] = DROPPED;
    return posHead < byPos.length ? byPos[posHead]!.firstPos : ring.written;
  }

  /** the oldest entry still held, or null */
  function oldest(): HeldEntry | null {
    for (let i = head; i < base + order.length; i++) {
      const entry = order[i - base]!;
      if (entry.dropped) continue;
      return entry;
    }
    return null;
  }

  /** forgets dropped entries at the front of `order`, compacting it now and then */
  function advance(): void {
    while (head < base + order.length && order[head - base]!.dropped) head++;
    if (head - base > 1024 && (head - base) * 2 > order.length) {
      order = order.slice(head - base);
      base = head;
    }
  }

  function release(entry: HeldEntry): void {
    if (entry.dropped) return;
    entry.dropped = true;
    total -= entry.heldBytes;
  }

  function drop(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    release(entry);
    // its slot must not keep the entry (and the bodies it holds) alive until the list is compacted
    order[entry.slot - base] = DROPPED;
  }

  function kept(entry: HeldEntry, pos: number, added: number): void {
    // `!== false`: an entry this store did not open (or one it dropped) is not counted
    if (entry.dropped !== false) return;
    if (entry.firstPos < 0) {
      entry.firstPos = pos;
      byPos.push(entry);
    }
    entry.heldBytes += added;
    total += added;
    // entries whose first bytes this write overwrote are gone
    for (;;) {
      const next = oldestWanted();
      if (next === ring.written || ring.intact(next)) break;
      const victim = byPos[posHead]!;
      if (victim === entry) break;
      drop(victim.heldId);
    }
    if (posHead > 1024 && posHead * 2 > byPos.length) {
      byPos = byPos.slice(posHead);
      posHead = 0;
    }
    advance();
  }

  return {
    bytes,
    keptBytes: () => total,
    ringBytes: () => ring.capacity,
    open(id) {
      if (limit === 0) return null;
      const previous = entries.get(id);
      // the same id again keeps its place in the map (set() below does not move it); its bytes go
      if (previous) release(previous);
      else if (entries.size >= limit) {
        const first = oldest();
        if (first) drop(first.heldId);
      }
      const entry: HeldEntry = {
        requestHeaders: null,
        upstreamRequestHeaders: null,
        responseHeaders: null,
        requestBody: null,
        responseBody: null,
        notes: [],
        timing: null,
        heldId: id,
        heldBytes: 0,
        dropped: false,
        slot: previous ? previous.slot : base + order.length,
        firstPos: -1,
      };
      if (previous) order[previous.slot - base] = entry;
      else order.push(entry);
      entries.set(id, entry);
      advance();
      return entry;
    },
    get: (id) => entries.get(id),
    captureBody(entry, which, contentType) {
      // SSE is kept as its transcript: the raw `event:`/`data:` text the client received, capped like any body.
      const body = createCapturedBody(bytes, contentType, sink, entry as HeldEntry);
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
    clear: () => {
      for (const id of [...entries.keys()]) drop(id);
      order = [];
      base = head = 0;
      byPos = [];
      posHead = 0;
      ring.clear();
    },
    size: () => entries.size,
  };
}
