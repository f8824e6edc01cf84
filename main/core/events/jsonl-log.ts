// The append-only request history on disk: one RequestRecord per line in <dataDir>/requests.jsonl,
// rotated by size into requests.1.jsonl … requests.<files>.jsonl (1 is the newest). Appends only queue the
// record; serialization and the write happen on a later tick, one write per batch, so the request path
// never waits for the disk and never sees a disk error.
//
// Durability bound: a batch is handed to the OS at most `batchMs` (200 ms) after its first record was
// appended, or as soon as `batchRecords` (32) records wait, whichever comes first. So a SIGKILL loses at
// most the requests finished in the last 200 ms and never more than 32 of them (while the disk keeps
// up); a power cut may lose what the OS had not yet written back. Writes per second stay bounded under
// load (a write per request cost ~9% of the CPU): records that arrive while a batch is being written wait
// for the same two triggers instead of following at once in batches of a few (that made one write per
// ~5 requests at 50 concurrent).
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RequestRecord } from '../../../shared/protocol/records';
import { DATA_FILES, rotatedJsonlFile } from '../config/data-files';

/** Records waiting for the disk beyond this are dropped (and reported): a stuck disk must not eat memory. */
export const MAX_PENDING_RECORDS = 10_000;
export const DEFAULT_BATCH_MS = 200;
export const DEFAULT_BATCH_RECORDS = 32;

export interface JsonlLogOptions {
  dir: string;
  /** rotate before a write would take the current file past this size */
  maxBytes: number;
  /** rotated files kept besides the current one */
  files: number;
  /** hears the first error of each run of failures (so a full disk is one message, not thousands) */
  onError?: (error: Error) => void;
  /** how long appended records wait to be written together (default 200 ms; flush() writes at once) */
  batchMs?: number;
  /** this many waiting records are written at once, without waiting for batchMs (default 32) */
  batchRecords?: number;
}

export interface JsonlLog {
  readonly path: string;
  /** queues a finished record; never throws */
  append(record: RequestRecord): void;
  /** resolves when everything appended so far is written (or dropped after an error) */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface OpenFile {
  handle: FileHandle;
  size: number;
  /** the file ends inside a line (a crash mid-write): the next write starts with a line break */
  torn: boolean;
}

async function openAppend(path: string): Promise<OpenFile> {
  const handle = await open(path, 'a+', 0o600);
  try {
    // the mode argument only applies when the file is created; an older file may be wider
    await handle.chmod(0o600);
    const size = (await handle.stat()).size;
    let torn = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      torn = last[0] !== 0x0a;
    }
    return { handle, size, torn };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export async function openJsonlLog(options: JsonlLogOptions): Promise<JsonlLog> {
  const { dir, onError } = options;
  const maxBytes = Math.max(1, options.maxBytes);
  const files = Math.max(0, Math.floor(options.files));
  const path = join(dir, DATA_FILES.requests);
  const batchMs = options.batchMs ?? DEFAULT_BATCH_MS;
  const batchRecords = Math.max(1, options.batchRecords ?? DEFAULT_BATCH_RECORDS);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let file: OpenFile | null = await openAppend(path);

  let pending: RequestRecord[] = [];
  /** when the oldest record in `pending` was appended (performance.now()) */
  let oldestAt = 0;
  let writing: Promise<void> | null = null;
  let scheduled = false;
  let failing = false;
  let batchFailed = false;
  let closed = false;

  function report(error: unknown): void {
    batchFailed = true;
    if (failing) return;
    failing = true;
    try {
      onError?.(asError(error));
    } catch {
      // a throwing reporter must not turn into an unhandled rejection
    }
  }

  async function rotate(): Promise<void> {
    const current = file;
    file = null;
    await current?.handle.close().catch(() => undefined);
    try {
      if (files === 0) {
        await rm(path, { force: true });
      } else {
        await rm(join(dir, rotatedJsonlFile(files)), { force: true });
        for (let index = files - 1; index >= 1; index -= 1) {
          await rename(join(dir, rotatedJsonlFile(index)), join(dir, rotatedJsonlFile(index + 1))).catch((error: unknown) => {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          });
        }
        await rename(path, join(dir, rotatedJsonlFile(1)));
      }
    } catch (error) {
      // keep appending to the current file: an oversized file beats lost history
      report(error);
    }
    file = await openAppend(path);
  }

  async function writeChunk(chunk: string, bytes: number): Promise<void> {
    if (!file) file = await openAppend(path);
    // a torn last line keeps its own line, so it cannot swallow this record
    const text = file.torn ? `\n${chunk}` : chunk;
    // one write of one buffer: appendFile runs writeFile's chunking loop, a promise chain per call
    const data = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < data.length) written += (await file.handle.write(data, written, data.length - written)).bytesWritten;
    file.size += bytes + (file.torn ? 1 : 0);
    file.torn = false;
  }

  async function writeBatch(batch: RequestRecord[]): Promise<void> {
    let chunk = '';
    let chunkBytes = 0;
    for (const record of batch) {
      const line = `${JSON.stringify(record)}\n`;
      const lineBytes = Buffer.byteLength(line);
      if (!file) file = await openAppend(path);
      if (file.size + chunkBytes + lineBytes > maxBytes && file.size + chunkBytes > 0) {
        if (chunkBytes > 0) await writeChunk(chunk, chunkBytes);
        chunk = '';
        chunkBytes = 0;
        await rotate();
      }
      chunk += line;
      chunkBytes += lineBytes;
    }
    if (chunkBytes > 0) await writeChunk(chunk, chunkBytes);
  }

  /** `due`: the timer fired or a flush asked, so everything pending goes; else only full batches */
  function drain(due: boolean): Promise<void> {
    if (writing) return writing;
    if (pending.length === 0) return Promise.resolve();
    writing = (async () => {
      while (pending.length > 0 && (due || pending.length >= batchRecords)) {
        const batch = pending;
        pending = [];
        batchFailed = false;
        try {
          await writeBatch(batch);
          // a clean batch ends the run of failures: the next failure is news again
          if (!batchFailed) failing = false;
        } catch (error) {
          // the batch is lost; the next one tries again (reopening the file if needed)
          report(error);
        }
      }
    })().finally(() => {
      writing = null;
      // an append that landed between the loop's end and this line saw `writing` set and did not schedule
      if (pending.length > 0) schedule();
    });
    return writing;
  }

  function schedule(): void {
    if (scheduled || writing) return;
    scheduled = true;
    // one write per interval, not per request: under load a write per tick cost ~9% of the CPU. The
    // interval counts from the oldest waiting record, which may have arrived during the last write.
    setTimeout(() => {
      scheduled = false;
      void drain(true);
    }, Math.max(0, batchMs - (performance.now() - oldestAt))).unref();
  }

  async function flush(): Promise<void> {
    // a batch written meanwhile may have queued more; drain until nothing is left
    while (writing || pending.length > 0) await drain(true);
  }

  return {
    path,
    append(record) {
      if (closed) {
        report(new Error('JSONL request log is closed'));
        return;
      }
      if (pending.length >= MAX_PENDING_RECORDS) {
        report(new Error(`JSONL request log is behind by ${MAX_PENDING_RECORDS} records; dropping records`));
        return;
      }
      if (pending.push(record) === 1) oldestAt = performance.now();
      // a burst is written without waiting for the timer: this bounds what a SIGKILL can lose
      if (pending.length >= batchRecords) void drain(false);
      else schedule();
    },
    flush,
    async close() {
      if (closed) return;
      closed = true;
      await flush();
      const current = file;
      file = null;
      await current?.handle.close().catch(() => undefined);
    },
  };
}
