// Compares a logged request's answer with its replay through the other backend. Two answers from a real
// model never match word for word, so the comparison looks at what a client depends on: the status, the
// headers that matter (by presence, content-type by value), the body's shape (field paths and types, not
// the text), the order of stream events (runs collapsed: chunking differs between backends) and timing.
// Pure: the inputs are details the tracker already redacted.
import type { Mode, RequestDetail } from '../../../shared/protocol/records';
import type { ReplayDifference, ReplaySide } from '../../../shared/protocol/validation';
import { collapseRuns, headerKey, runLabel } from '../../../shared/compare';

/** What a client reads from a response head: its type, the provider's request id, rate limits. LiteLLM's own
 * `x-litellm-*` headers are left out: they are always there in binary mode and never in SDK mode. */
const MATTERING: readonly RegExp[] = [/^content-type$/, /request-id$/, /ratelimit/, /^retry-after$/];

/** A timing gap below this, or under half the faster side, is noise on a real provider. */
const TIMING_NOISE_MS = 250;

const MAX_LISTED_PATHS = 6;

export function headersThatMatter(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (MATTERING.some((pattern) => pattern.test(headerKey(name)))) out[name] = value;
  }
  return out;
}

interface SseEvent {
  name: string | null;
  data: string;
}

export function parseTranscript(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.replace(/\r\n/g, '\n').split('\n\n')) {
    let name: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (name !== null || data.length > 0) events.push({ name, data: data.join('\n') });
  }
  return events;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The event's name; OpenAI streams have none, so their payload's `type` or `object` stands in. */
function eventName(event: SseEvent): string {
  if (event.name) return event.name;
  if (event.data.trim() === '[DONE]') return '[DONE]';
  const value = parseJson(event.data);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.type === 'string') return record.type;
    if (typeof record.object === 'string') return record.object;
  }
  return 'data';
}

export function streamEventNames(detail: RequestDetail): string[] {
  const body = detail.responseBody;
  if (!body?.sse) return [];
  return parseTranscript(body.text).map(eventName);
}

function shapeOf(value: unknown, path: string, into: Set<string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.add(`${path}[]: empty`);
    for (const item of value) shapeOf(item, `${path}[]`, into);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) shapeOf(child, path ? `${path}.${key}` : key, into);
    return;
  }
  into.add(`${path || '(root)'}: ${value === null ? 'null' : typeof value}`);
}

/** Field paths and their types; for a stream, those of every event's payload, under the event's name. */
export function bodyShape(detail: RequestDetail): Set<string> | null {
  const body = detail.responseBody;
  if (!body) return null;
  const shape = new Set<string>();
  if (body.sse) {
    for (const event of parseTranscript(body.text)) {
      const value = parseJson(event.data);
      if (value !== undefined) shapeOf(value, eventName(event), shape);
    }
    return shape;
  }
  const value = parseJson(body.text);
  if (value === undefined) return null;
  shapeOf(value, '', shape);
  return shape;
}

export function replaySide(detail: RequestDetail | null, backend: Mode, requestId: string | null): ReplaySide {
  return {
    backend,
    requestId,
    status: detail?.record.status ?? null,
    headers: detail ? headersThatMatter(detail.responseHeaders) : {},
    body: detail?.responseBody?.text ?? '',
    streamEvents: detail ? streamEventNames(detail) : [],
    durationMs: detail?.record.durationMs ?? null,
  };
}

function listPaths(paths: string[]): string {
  if (paths.length === 0) return '—';
  const shown = paths.slice(0, MAX_LISTED_PATHS).join(', ');
  return paths.length > MAX_LISTED_PATHS ? `${shown} and ${paths.length - MAX_LISTED_PATHS} more` : shown;
}

function headerDifferences(original: ReplaySide, replay: ReplaySide): ReplayDifference[] {
  const index = (headers: Record<string, string>) => new Map(Object.entries(headers).map(([name, value]) => [headerKey(name), value]));
  const a = index(original.headers);
  const b = index(replay.headers);
  const out: ReplayDifference[] = [];
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const left = a.get(name);
    const right = b.get(name);
    if (name === 'content-type') {
      const norm = (v: string | undefined) => v?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (norm(left) !== norm(right)) out.push({ field: `header:${name}`, original: left ?? 'absent', replay: right ?? 'absent' });
    } else if ((left === undefined) !== (right === undefined)) {
      // ids and rate-limit counters differ on every call: only their presence is a difference
      out.push({ field: `header:${name}`, original: left === undefined ? 'absent' : 'present', replay: right === undefined ? 'absent' : 'present' });
    }
  }
  return out;
}

function bodyDifference(original: RequestDetail | null, replay: RequestDetail | null): ReplayDifference | null {
  const a = original ? bodyShape(original) : null;
  const b = replay ? bodyShape(replay) : null;
  if (a && b) {
    const onlyA = [...a].filter((p) => !b.has(p)).sort();
    const onlyB = [...b].filter((p) => !a.has(p)).sort();
    if (onlyA.length === 0 && onlyB.length === 0) return null;
    return { field: 'body', original: `only here: ${listPaths(onlyA)}`, replay: `only here: ${listPaths(onlyB)}` };
  }
  const textA = original?.responseBody?.text ?? '';
  const textB = replay?.responseBody?.text ?? '';
  if (!a && !b && textA.trim() === textB.trim()) return null;
  const describe = (shape: Set<string> | null, text: string) => (shape ? 'JSON' : text ? `text (${text.length} characters)` : 'no body');
  return { field: 'body', original: describe(a, textA), replay: describe(b, textB) };
}

export function compareSides(
  original: { side: ReplaySide; detail: RequestDetail | null },
  replay: { side: ReplaySide; detail: RequestDetail | null },
): ReplayDifference[] {
  const a = original.side;
  const b = replay.side;
  const out: ReplayDifference[] = [];
  if (a.status !== b.status) out.push({ field: 'status', original: String(a.status ?? 'none'), replay: String(b.status ?? 'none') });
  out.push(...headerDifferences(a, b));
  const body = bodyDifference(original.detail, replay.detail);
  if (body) out.push(body);
  const runsA = collapseRuns(a.streamEvents);
  const runsB = collapseRuns(b.streamEvents);
  if (runsA.map((r) => r.name).join('\n') !== runsB.map((r) => r.name).join('\n')) {
    const text = (runs: typeof runsA) => runs.map(runLabel).join(' → ') || 'not streamed';
    out.push({ field: 'stream-events', original: text(runsA), replay: text(runsB) });
  }
  if (a.durationMs !== null && b.durationMs !== null) {
    const gap = Math.abs(a.durationMs - b.durationMs);
    if (gap > Math.max(TIMING_NOISE_MS, Math.min(a.durationMs, b.durationMs) / 2)) {
      out.push({ field: 'timing', original: `${Math.round(a.durationMs)} ms`, replay: `${Math.round(b.durationMs)} ms` });
    }
  }
  return out;
}
