// The child's stdout/stderr, line by line: scrubbed, kept in a ring buffer for the UI and appended to a
// size-capped log file in the data dir (rotated once to <file>.1). The file is written asynchronously,
// the lines of one burst in one write: in the desktop app the gateway shares the main thread with the tray
// and the window, so no file I/O of the child's chatter may block it. A crash loses at most the lines of
// the write under way.
import { chmod, close, fstat, open, rename, write } from 'node:fs';
import { promisify } from 'node:util';

const openFd = promisify(open);
const chmodFile = promisify(chmod);
const fstatFd = promisify(fstat);
const writeFd = promisify(write);
const closeFd = promisify(close);
const renameFile = promisify(rename);

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
  /** called after each stored line */
  onLine?: () => void;
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
  /** resolves when every line stored so far is on disk (or the file is known to be broken) */
  flush(): Promise<void>;
  /** flushes, then closes the file; a later line opens it again */
  close(): Promise<void>;
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
  /** lines stored but not yet handed to the file */
  let pending: string[] = [];
  /** the write loop under way, if any */
  let draining: Promise<void> | null = null;

  function broken(error: unknown): void {
    if (!fileBroken) options.onFileError(error);
    fileBroken = true;
    pending = [];
  }

  async function ensureOpen(): Promise<number> {
    if (fd !== null) return fd;
    const opened = await openFd(options.file, 'a', 0o600);
    fd = opened;
    await chmodFile(options.file, 0o600);
    size = (await fstatFd(opened)).size;
    return opened;
  }

  async function rotate(): Promise<void> {
    if (fd !== null) {
      const old = fd;
      fd = null;
      await closeFd(old);
    }
    await renameFile(options.file, `${options.file}.1`);
  }

  /** Writes what is pending, in as few writes as the size cap allows, until nothing is left. */
  async function drain(): Promise<void> {
    while (pending.length > 0 && !fileBroken) {
      const lines = pending;
      pending = [];
      try {
        let handle = await ensureOpen();
        let chunk = '';
        let chunkBytes = 0;
        for (const line of lines) {
          const bytes = Buffer.byteLength(line);
          if (size + chunkBytes + bytes > options.maxBytes && size + chunkBytes > 0) {
            if (chunk) await writeFd(handle, chunk);
            await rotate();
            handle = await ensureOpen();
            chunk = '';
            chunkBytes = 0;
          }
          chunk += line;
          chunkBytes += bytes;
        }
        if (chunk) await writeFd(handle, chunk);
        size += chunkBytes;
      } catch (error) {
        broken(error);
      }
    }
  }

  function appendToFile(source: LogSource, text: string): void {
    if (fileBroken) return;
    // notes already start with "[switchboard]"
    const tagged = source === 'switchboard' ? text : `[${source}] ${text}`;
    pending.push(`${new Date(options.now()).toISOString()} ${tagged}\n`);
    if (!draining) {
      draining = drain().finally(() => {
        draining = null;
      });
    }
  }

  function store(source: LogSource, raw: string): void {
    const text = options.scrub(raw.replace(/\r$/, ''));
    seq += 1;
    ring.push({ seq, source, text });
    if (ring.length > options.ringSize) ring.splice(0, ring.length - options.ringSize);
    appendToFile(source, text);
    options.onLine?.();
  }

  async function flush(): Promise<void> {
    while (draining) await draining;
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
    flush,
    async close() {
      await flush();
      if (fd !== null) {
        const old = fd;
        fd = null;
        await closeFd(old).catch(() => undefined);
      }
    },
  };
}
