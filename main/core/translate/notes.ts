// Notes are debug-level facts about what translation could not carry over. The same loss repeats often
// (cache_control on every block of a 100 KB Claude Code request), so notes are counted and flushed once
// per translation: "dropped field cache_control (x12)". Notes name fields, never their values: values may
// hold user content or secrets.
import type { TranslateNotes } from './types';

export interface NoteCollector {
  add(note: string): void;
  /** push every distinct note to the sink, with its count when above one; idempotent */
  flush(): void;
}

export function collectNotes(sink: TranslateNotes): NoteCollector {
  const counts = new Map<string, number>();
  return {
    add(note) {
      counts.set(note, (counts.get(note) ?? 0) + 1);
    },
    flush() {
      for (const [note, count] of counts) sink.push(count > 1 ? `${note} (x${count})` : note);
      counts.clear();
    },
  };
}

/** For streams: push each distinct note as soon as it happens (a stream may never finish). */
export function onceNotes(sink: TranslateNotes): NoteCollector {
  const seen = new Set<string>();
  return {
    add(note) {
      if (seen.has(note)) return;
      seen.add(note);
      sink.push(note);
    },
    flush() {},
  };
}

export function dropped(field: string, why?: string): string {
  return why ? `dropped field ${field} (${why})` : `dropped field ${field}`;
}
