// The one error vocabulary (shared/errors.ts) holds only codes the product can produce: each code is named
// in main/ (thrown, classified or rendered), and the core throws no plain Error (lint forbids it; this test
// also runs the rule on a sample so a relaxed config fails here).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../../shared/errors';

const root = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('error catalog', () => {
  it('every code is used somewhere in main/', () => {
    const text = sources(join(root, 'main')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(ERROR_CATALOG).filter((code) => !text.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('lint refuses `throw new Error` in main/core and allows a GatewayError', async () => {
    const eslint = new ESLint({ cwd: root });
    const file = join(root, 'main', 'core', 'lint-sample.ts');
    const [plain] = await eslint.lintText("export function f(): never {\n  throw new Error('x');\n}\n", { filePath: file });
    expect(plain!.messages.map((m) => m.message)).toContain('Throw a GatewayError with a code from shared/errors.ts.');
    const [typed] = await eslint.lintText("import { GatewayError } from '../../shared/errors';\nexport function f(): never {\n  throw new GatewayError('INTERNAL', 'x');\n}\n", { filePath: file });
    expect(typed!.messages).toEqual([]);
  });
});
