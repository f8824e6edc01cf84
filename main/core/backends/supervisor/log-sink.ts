// The child's stdout/stderr, line by line: scrubbed, kept in a ring buffer for the UI and appended to a
// size-capped log file in the data dir (rotated once to <file>.1). Writes are synchronous and small: a
// line per call keeps ordering simple and the file complete if the gateway dies right after.
import { chmodSync, closeSync, fstatSync, openSync, renameSync, writeSync } from 'node:fs';

export type LogSource = 'stdout' | 'stderr' | 'switchboard';

export interface LogSinkOptions {
  file: string;
  maxBytes: number;
  ringSize: number;
  /** applied to every line before it is stored anywhere */
  scrub: (line: string) => string;
  now: () => number;
  /** called once if the file cannot be written (the ring buffer keeps working) */
  onFileError: (error: unknown) => void;
}

export interface LogSink {
  /** a chunk of child output; partial lines wait for their end */
  write(source: 'stdout' | 'stderr', chunk: Buffer | string): void;
  /** flushes a stream's unterminated last line */
  end(source: 'stdout' | 'stderr'): void;
  /** a line of our own (start/stop notes), marked so it is never mistaken for child output */
  note(text: string): void;
  tail(lines: number): string[];
  /** position to pass to childLinesSince() */
  mark(): number;
  /** child lines (no notes) written since `mark`, as far as the ring still holds them */
  childLinesSince(mark: number): string[];
  close(): void;
}

/** Longest line kept; a child printing a huge blob without newlines must not grow memory without bound. */
const MAX_LINE = 4000;

interface Entry {
  seq: number;
  source: LogSource;
  text: string;
}

export function createLogSink(options: LogSinkOptions): LogSink {
  const ring: Entry[] = [];
  const partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  let seq = 0;
  let fd: number | null = null;
  let size = 0;
  let fileBroken = false;

  function openFile(): number | null {
    if (fileBroken) return null;
    if (fd !== null) return fd;
    try {
      fd = openSync(options.file, 'a', 0o600);
      chmodSync(options.file, 0o600);
      size = fstatSync(fd).size;
      return fd;
    } catch (error) {
      fileBroken = true;
      options.onFileError(error);
      return null;
    }
  }

  function appendToFile(source: LogSource, text: string): void {
    // notes already start with "[switchboard]"
    const tagged = source === 'switchboard' ? text : `[${source}] ${text}`;
    const line = `${new Date(options.now()).toISOString()} ${tagged}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (fd !== null && size + bytes > options.maxBytes && size > 0) {
        closeSync(fd);
        fd = null;
        renameSync(options.file, `${options.file}.1`);
      }
      const handle = openFile();
      if (handle === null) return;
      writeSync(handle, line);
      size += bytes;
    } catch (error) {
      fileBroken = true;
      options.onFileError(error);
    }
  }

  function store(source: LogSource, raw: string): void {
    const text = options.scrub(raw.replace(/\r$/, ''));
    seq += 1;
    ring.push({ seq, source, text });
    if (ring.length > options.ringSize) ring.splice(0, ring.length - options.ringSize);
    appendToFile(source, text);
  }

  return {
    write(source, chunk) {
      let buffer = partial[source] + chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        store(source, buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
      while (buffer.length > MAX_LINE) {
        store(source, buffer.slice(0, MAX_LINE));
        buffer = buffer.slice(MAX_LINE);
      }
      partial[source] = buffer;
    },
    end(source) {
      if (partial[source] !== '') store(source, partial[source]);
      partial[source] = '';
    },
    note(text) {
      store('switchboard', `[switchboard] ${text}`);
    },
    tail(lines) {
      return lines > 0 ? ring.slice(-lines).map((e) => e.text) : [];
    },
    mark() {
      return seq;
    },
    childLinesSince(mark) {
      return ring.filter((e) => e.seq > mark && e.source !== 'switchboard').map((e) => e.text);
    },
    close() {
      if (fd !== null) {
        try {
          closeSync(fd);
        } catch {
          // already closed: nothing to flush, writes were synchronous
        }
        fd = null;
      }
    },
  };
}
