// How Compare shows two answers side by side: bodies pretty-printed and split into lines, each line marked
// when the other side has no such line (text from a model always differs, so the marks point at what a
// reader should look at, not at a verdict), and which fields the server found different. Pure.
import type { ReplayDifference, ReplayResult } from '../../../shared/protocol/validation';
import { headerKey } from '../../../shared/compare';

export interface BodyLine {
  text: string;
  /** the other answer has no identical line */
  changed: boolean;
}

/** JSON pretty-printed (two spaces); anything else (SSE transcripts, text) as it came. */
export function prettyBody(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return text;
  }
}

/** Indentation and a trailing comma do not make a line different (a field added after it adds the comma). */
function lineKey(line: string): string {
  return line.trim().replace(/,$/, '');
}

function countLines(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(lineKey(line), (counts.get(lineKey(line)) ?? 0) + 1);
  return counts;
}

/** Marks the lines of `mine` that `theirs` lacks (as a multiset: a line twice here and once there marks one). */
export function markLines(mine: string, theirs: string): BodyLine[] {
  const available = countLines(theirs.split('\n'));
  return mine.split('\n').map((text) => {
    const key = lineKey(text);
    const left = available.get(key) ?? 0;
    if (left > 0) {
      available.set(key, left - 1);
      return { text, changed: false };
    }
    return { text, changed: key !== '' };
  });
}

export interface CompareMarks {
  status: boolean;
  timing: boolean;
  body: boolean;
  streamEvents: boolean;
  /** header names (lower case, without LiteLLM's `llm_provider-` prefix) the server found different */
  headers: Set<string>;
}

/** true when the server marked this header (named as the answer carried it) as different */
export function headerMarked(marks: CompareMarks, name: string): boolean {
  return marks.headers.has(headerKey(name));
}

export function compareMarks(differences: readonly ReplayDifference[]): CompareMarks {
  const fields = new Set(differences.map((d) => d.field));
  const headers = new Set(differences.filter((d) => d.field.startsWith('header:')).map((d) => d.field.slice('header:'.length)));
  return { status: fields.has('status'), timing: fields.has('timing'), body: fields.has('body'), streamEvents: fields.has('stream-events'), headers };
}

export const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  body: 'Body shape',
  'stream-events': 'Stream events',
  timing: 'Timing',
};

export function fieldLabel(field: string): string {
  if (field.startsWith('header:')) return `Header ${field.slice('header:'.length)}`;
  return FIELD_LABELS[field] ?? field;
}

/** One sentence for the dialog's heading. */
export function compareSummary(result: ReplayResult): string {
  const n = result.differences.length;
  if (n === 0) return 'No difference that matters: same status, headers, body shape and stream events.';
  return `${n} ${n === 1 ? 'difference' : 'differences'}: ${result.differences.map((d) => fieldLabel(d.field)).join(', ')}.`;
}
