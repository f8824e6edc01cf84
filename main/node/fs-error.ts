// A file-system error at start (a read-only or misplaced data dir, a file where a folder should be) is
// the user's to fix, not a bug: one line naming the path and the way out, never a stack trace.

/** true for errors raised by node:fs and friends (they carry an errno code and the failing syscall) */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const e = error as NodeJS.ErrnoException | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.syscall === 'string';
}

/** `cannot open /x/requests.jsonl (EACCES): …; choose a writable folder with --data-dir <folder>` */
export function fileSystemErrorLine(error: NodeJS.ErrnoException, dataDir: string | null): string {
  const where = error.path ?? dataDir ?? 'a file';
  const dir = dataDir ? ` in the data dir ${dataDir}` : '';
  return `cannot ${error.syscall} ${where} (${error.code})${dir}; choose a writable folder with --data-dir <folder> (or SWITCHBOARD_DATA_DIR)`;
}
