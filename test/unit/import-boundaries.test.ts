// The import rules of docs/architecture.md, checked over every source file (lint enforces them too; this test also
// catches imports lint would miss, such as dynamic import() and require()).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_LAYERS, layerViolation } from '../../lint/core-layers.mjs';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier: static imports/exports, dynamic import(), require(). */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?:^|\s)(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/gm,
    /(?:^|\s)import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

const builtins = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]!);
const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'child_process', 'dgram', 'tls', 'http2'];
const isIo = (spec: string) => IO_MODULES.includes(spec.replace(/^node:/, '')) || spec === 'undici' || spec === 'express';

interface Rule {
  name: string;
  applies: (file: string) => boolean;
  forbids: (spec: string, file: string) => boolean;
}

const RULES: Rule[] = [
  { name: "'electron' only in main/electron", applies: (f) => !f.startsWith(`main${sep}electron${sep}`), forbids: (s) => s === 'electron' || s.startsWith('electron/') },
  { name: 'no Node built-ins in shared/', applies: (f) => f.startsWith(`shared${sep}`), forbids: isNodeBuiltin },
  { name: 'no Node built-ins in renderer/', applies: (f) => f.startsWith(`renderer${sep}src${sep}`), forbids: isNodeBuiltin },
  { name: 'renderer/ never imports main/', applies: (f) => f.startsWith(`renderer${sep}`), forbids: (s) => /(^|\/)main\//.test(s) },
  {
    name: 'translate/, clients/ and the config schema stay free of I/O',
    applies: (f) => /^main[\\/]core[\\/](translate|clients)[\\/]/.test(f) || /^main[\\/]core[\\/]config[\\/]schema/.test(f),
    forbids: isIo,
  },
  { name: 'the core never imports React', applies: (f) => f.startsWith(`main${sep}core${sep}`), forbids: (s) => s === 'react' || s.startsWith('react-dom') },
  {
    name: 'main/core imports only its own and lower layers (lint/core-layers.mjs)',
    applies: (f) => f.startsWith(`main${sep}core${sep}`),
    forbids: (s, f) => layerViolation(f, s) !== null,
  },
];

export function violations(file: string, source: string): string[] {
  const out: string[] = [];
  for (const spec of specifiers(source)) {
    for (const rule of RULES) if (rule.applies(file) && rule.forbids(spec, file)) out.push(`${file}: ${rule.name} (imports ${spec})`);
  }
  return out;
}

describe('import boundaries', () => {
  it('the checker sees every kind of import and flags a violation', () => {
    const code = `import { app } from 'electron';\nconst fs = await import('node:fs');\nconst x = require("child_process");\nexport * from '../../main/core/gateway';`;
    expect(specifiers(code)).toEqual(['electron', '../../main/core/gateway', 'node:fs', 'child_process']);
    expect(violations(join('shared', 'x.ts'), code)).toHaveLength(3);
    expect(violations(join('renderer', 'src', 'x.ts'), code)).toHaveLength(4);
    expect(violations(join('main', 'core', 'translate', 'x.ts'), code)).toHaveLength(3);
    expect(violations(join('main', 'electron', 'x.ts'), code)).toHaveLength(0);
  });

  it('the layer rule refuses an import upwards and allows one downwards', () => {
    const reversed = "import type { AdminModel } from '../admin/admin-model-types';";
    expect(violations(join('main', 'core', 'config', 'x.ts'), reversed)).toHaveLength(1);
    expect(violations(join('main', 'core', 'migration', 'x.ts'), reversed)).toHaveLength(0);
    expect(violations(join('main', 'core', 'backends', 'sdk', 'x.ts'), "import { gateway } from '../../gateway';")).toHaveLength(1);
  });

  it('every folder and file at the top of main/core sits in a declared layer', () => {
    const declared = new Set(CORE_LAYERS.flatMap((layer) => layer.parts));
    const top = readdirSync(join(root, 'main', 'core')).filter((name) => !name.endsWith('.md'));
    expect(top.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('holds for every source file in the repository', () => {
    const files = ['main', 'shared', 'renderer', 'test', 'bench'].flatMap((d) => {
      try {
        return sourceFiles(join(root, d));
      } catch {
        return [];
      }
    });
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => violations(relative(root, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('electron is imported in main/electron and nowhere else', () => {
    const files = sourceFiles(join(root, 'main'));
    const importers = files.filter((f) => specifiers(readFileSync(f, 'utf8')).includes('electron')).map((f) => relative(root, f));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.every((f) => f.startsWith(`main${sep}electron${sep}`))).toBe(true);
  });
});
