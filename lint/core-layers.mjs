// The layers inside main/core, lowest first. A file may import its own layer and the layers below it,
// never one above: the request path's parts stack up to the composition root, and each part can be read
// (and tested) knowing only what is under it. Do not relax this table to let an import through — move the
// shared type down instead. Enforced by lint (rule local/core-layers) and test/unit/import-boundaries.test.ts.
import { dirname, relative, resolve, sep } from 'node:path';

export const CORE_LAYERS = [
  { name: 'base', parts: ['atomic-file.ts', 'heap-growth.ts'] },
  { name: 'config', parts: ['config'] },
  { name: 'clients', parts: ['clients'] },
  { name: 'providers', parts: ['providers'] },
  { name: 'translate', parts: ['translate'] },
  { name: 'upstream', parts: ['upstream'] },
  { name: 'events', parts: ['events'] },
  { name: 'backends', parts: ['backends'] },
  { name: 'http', parts: ['http'] },
  { name: 'admin', parts: ['admin'] },
  { name: 'migration', parts: ['migration'] },
  {
    name: 'gateway',
    parts: ['gateway.ts', 'gateway-runtime.ts', 'gateway-types.ts', 'front-app.ts', 'front-express.ts', 'bind-server.ts', 'instance-file.ts', 'config-secrets.ts'],
  },
];

const CORE = `main${sep}core${sep}`;

/** The layer index of a path relative to the repository root, -1 outside main/core, null when undeclared. */
export function coreLayerOf(file) {
  if (!file.startsWith(CORE)) return -1;
  // a folder name, or a file at main/core's top (named with or without its extension)
  const part = file.slice(CORE.length).split(sep)[0];
  const bare = part.replace(/\.(ts|tsx|js|mjs)$/, '');
  const index = CORE_LAYERS.findIndex((layer) => layer.parts.some((p) => p === part || p.replace(/\.ts$/, '') === bare));
  return index === -1 ? null : index;
}

/**
 * Why `spec`, imported by `file` (both relative to the repository root), breaks the layering, or null.
 * Only relative imports between two files of main/core are judged.
 */
export function layerViolation(file, spec) {
  if (!spec.startsWith('.')) return null;
  const from = coreLayerOf(file);
  if (from === -1) return null;
  const target = relative('.', resolve(dirname(file), spec));
  const to = coreLayerOf(target);
  if (to === -1) return null;
  if (from === null) return `main/core/${file.slice(CORE.length).split(sep)[0]} is in no declared layer (lint/core-layers.mjs)`;
  if (to === null) return `${spec} is in no declared layer (lint/core-layers.mjs)`;
  if (to <= from) return null;
  return `layer ${CORE_LAYERS[from].name} may not import layer ${CORE_LAYERS[to].name} (${spec}); move what both need into the lower layer`;
}

/** ESLint plugin with the one rule: every static import, export-from and import() of a main/core file. */
export const coreLayersPlugin = {
  rules: {
    'core-layers': {
      meta: { type: 'problem', schema: [], docs: { description: 'main/core imports only its own and lower layers' } },
      create(context) {
        const file = relative(context.cwd, context.filename);
        const check = (node, source) => {
          if (!source || typeof source.value !== 'string') return;
          const problem = layerViolation(file, source.value);
          if (problem) context.report({ node, message: problem });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source),
        };
      },
    },
  },
};
