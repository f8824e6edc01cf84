// The desktop app's own JSON log, <data dir>/switchboard.log (0600). Rotated once at start past a size
// (one old copy, switchboard.1.log, replacing the previous one), so a long-lived install keeps at most
// two files of bounded size and the newest start always begins a fresh file.
import { mkdirSync, openSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES } from '../core/config/data-files';

export const APP_LOG_MAX_BYTES = 5 * 1024 * 1024;

/** Opens the log for appending (rotating it first when it is over `maxBytes`) and returns its fd. */
export function openAppLog(dir: string, maxBytes = APP_LOG_MAX_BYTES): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, DATA_FILES.appLog);
  try {
    if (statSync(file).size > maxBytes) renameSync(file, join(dir, DATA_FILES.appLogOld));
  } catch {
    // no log yet
  }
  return openSync(file, 'a', 0o600);
}
