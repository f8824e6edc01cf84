// The desktop app's log file: rotated once at start past its size, one old copy kept, always 0600.
import { closeSync, writeSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppLog } from '../../../main/electron/app-log';
import { DATA_FILES } from '../../../main/core/config/data-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-applog-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const append = (fd: number, text: string) => {
  writeSync(fd, text);
  closeSync(fd);
};

describe('app log rotation', () => {
  it('a log past the limit moves to switchboard.1.log (replacing the older copy) and a fresh 0600 file starts', async () => {
    await writeFile(join(dir, DATA_FILES.appLog), 'x'.repeat(2000));
    await writeFile(join(dir, DATA_FILES.appLogOld), 'oldest run');
    append(openAppLog(dir, 1000), 'new run\n');
    expect(await readFile(join(dir, DATA_FILES.appLogOld), 'utf8')).toBe('x'.repeat(2000));
    expect(await readFile(join(dir, DATA_FILES.appLog), 'utf8')).toBe('new run\n');
    expect((await stat(join(dir, DATA_FILES.appLog))).mode & 0o777).toBe(0o600);
  });

  it('a log under the limit keeps growing; a missing folder is created', async () => {
    const nested = join(dir, 'a', 'b');
    append(openAppLog(nested, 1000), 'first\n');
    append(openAppLog(nested, 1000), 'second\n');
    expect(await readFile(join(nested, DATA_FILES.appLog), 'utf8')).toBe('first\nsecond\n');
    await expect(stat(join(nested, DATA_FILES.appLogOld))).rejects.toThrow();
  });
});
