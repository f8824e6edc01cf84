import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '../../../main/core/backends/supervisor/log-sink';
import { scrubLine } from '../../../main/core/backends/supervisor/scrub-line';

async function sink(overrides: { maxBytes?: number; ringSize?: number } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'sb-log-'));
  const file = join(dir, 'litellm.log');
  const errors: unknown[] = [];
  const log = createLogSink({
    file,
    maxBytes: overrides.maxBytes ?? 1024 * 1024,
    ringSize: overrides.ringSize ?? 500,
    scrub: (line) => scrubLine(line, ['provider-secret-value']),
    now: () => Date.UTC(2025, 0, 1),
    onFileError: (error) => errors.push(error),
  });
  return { log, file, errors };
}

describe('log sink', () => {
  it('never writes the file synchronously: a burst of lines is on disk after flush(), in order', async () => {
    const { log, file } = await sink();
    for (let n = 0; n < 50; n += 1) log.write('stdout', `line ${n}\n`);
    await log.flush();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(50);
    expect(lines.at(-1)).toContain('[stdout] line 49');
    // the child's chatter must never block the thread the tray and window share with the gateway
    const source = readFileSync(new URL('../../../main/core/backends/supervisor/log-sink.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\b\w+Sync\(/);
  });

  it('joins lines split across chunks and keeps stdout and stderr apart', async () => {
    const { log } = await sink();
    log.write('stdout', 'INFO: one\nINFO: tw');
    log.write('stderr', 'ERR: a');
    log.write('stdout', 'o\r\n');
    log.end('stderr');
    expect(log.tail(10)).toEqual(['INFO: one', 'INFO: two', 'ERR: a']);
  });

  it('scrubs before storing, in memory and on disk', async () => {
    const { log, file } = await sink();
    log.write('stdout', 'key=provider-secret-value auth: Bearer abcdefghijklmnop sk-abcdefghijklmnopqrstuv\n');
    await log.close();
    const [line] = log.tail(1);
    expect(line).toBe('key=[redacted] auth: Bearer [redacted] [redacted]');
    const disk = await readFile(file, 'utf8');
    expect(disk).toContain('[stdout] key=[redacted]');
    expect(disk).not.toContain('provider-secret-value');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps only the last ringSize lines and separates its own notes from child output', async () => {
    const { log } = await sink({ ringSize: 3 });
    const mark = log.mark();
    log.note('started pid 1');
    for (const n of [1, 2, 3, 4]) log.write('stdout', `line ${n}\n`);
    expect(log.tail(10)).toEqual(['line 2', 'line 3', 'line 4']);
    expect(log.tail(0)).toEqual([]);
    log.note('config file /x/litellm.config.yaml');
    expect(log.childLinesSince(mark)).toEqual(['line 3', 'line 4']);
  });

  it('cuts a line without newline at 4000 characters', async () => {
    const { log } = await sink();
    log.write('stdout', 'x'.repeat(9000));
    expect(log.tail(5).map((l) => l.length)).toEqual([4000, 4000]);
    log.end('stdout');
    expect(log.tail(1)[0]).toHaveLength(1000);
  });

  it('rotates the file once when it passes maxBytes', async () => {
    const { log, file } = await sink({ maxBytes: 400 });
    for (let n = 0; n < 20; n += 1) log.write('stdout', `line number ${n} ${'.'.repeat(20)}\n`);
    await log.close();
    const current = await readFile(file, 'utf8');
    const rotated = await readFile(`${file}.1`, 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(400);
    expect(current).toContain('line number 19');
    expect(rotated).not.toContain('line number 19');
    expect(rotated.length).toBeGreaterThan(0);
  });

  it('keeps working in memory when the file cannot be opened', async () => {
    const errors: unknown[] = [];
    const log = createLogSink({
      file: '/nonexistent-dir-for-switchboard/litellm.log',
      maxBytes: 1000, ringSize: 10, scrub: (l) => l, now: Date.now,
      onFileError: (error) => errors.push(error),
    });
    log.write('stdout', 'a\nb\n');
    expect(log.tail(5)).toEqual(['a', 'b']);
    await log.flush();
    log.write('stdout', 'c\n');
    await log.flush();
    expect(log.tail(5)).toEqual(['a', 'b', 'c']);
    expect(errors).toHaveLength(1);
  });
});
