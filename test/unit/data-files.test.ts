// One home per fact: the names of the files in the data dir live in main/core/config/data-files.ts, and
// small data files are replaced through main/core/atomic-file.ts (0600, fsync, rename). A name typed
// again elsewhere, or a second way of writing a data file, fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../main/core/config/data-files';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const mainFiles = sources(join(root, 'main')).map((file) => ({ file: relative(root, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));

/** Code without its comments, so a comment may still name a file for the reader. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('data files', () => {
  it('each name is written once, in config/data-files.ts', () => {
    const again = mainFiles
      .filter(({ file }) => file !== 'main/core/config/data-files.ts')
      .flatMap(({ file, text }) => Object.values(DATA_FILES).filter((name) => new RegExp(`['"]${name.replace(/\./g, '\\.')}['"]`).test(code(text))).map((name) => `${file}: ${name}`));
    expect(again).toEqual([]);
  });

  it('the core writes whole files only through atomic-file.ts (the request log appends, a secret file is created exclusively)', () => {
    const allowed = ['main/core/atomic-file.ts', 'main/core/config/secret-file.ts'];
    const writers = mainFiles
      .filter(({ file }) => file.startsWith('main/core/') && !allowed.includes(file))
      .filter(({ text }) => /\bwriteFile(Sync)?\s*\(/.test(code(text).replace(/writeFileAtomic/g, '')))
      .map(({ file }) => file);
    expect(writers).toEqual([]);
  });
});
