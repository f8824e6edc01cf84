// Tool parameter schemas cleaned of what a provider rejects (table: provider-quirks.ts). The walk knows
// JSON Schema's structure so a *property named* `additionalProperties` is kept while the keyword is not.
import { isObject } from './json';
import { quirksFor } from './provider-quirks';
import type { SchemaQuirks } from './provider-quirks';
import type { Json, TranslateNotes } from './types';

/** keywords whose value is a map of name -> schema */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** keywords whose value is one schema (or, for items, possibly an array of schemas) */
const SCHEMA_VALUES = new Set([
  'items', 'additionalProperties', 'unevaluatedProperties', 'additionalItems', 'not', 'if', 'then', 'else',
  'contains', 'propertyNames',
]);
/** keywords whose value is an array of schemas */
const SCHEMA_ARRAYS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);

const MAX_REF_DEPTH = 16;

interface Walk {
  root: unknown;
  quirks: SchemaQuirks;
  removed: Set<string>;
  refs: string[];
}

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function cleanMap(value: unknown, walk: Walk): unknown {
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [name, schema] of Object.entries(value)) out[name] = cleanNode(schema, walk);
  return out;
}

function cleanNode(node: unknown, walk: Walk): unknown {
  if (Array.isArray(node)) return node.map((item) => cleanNode(item, walk));
  if (!isObject(node)) return node;
  const q = walk.quirks;
  if (q.inlineRefs && typeof node.$ref === 'string') {
    const ref = node.$ref;
    const target = resolvePointer(walk.root, ref);
    const { $ref: _ref, ...rest } = node;
    if (target === undefined || walk.refs.includes(ref) || walk.refs.length >= MAX_REF_DEPTH) {
      // Recursive or dangling: an open schema is the honest fallback.
      walk.removed.add('$ref');
      return cleanNode(rest, walk);
    }
    walk.refs.push(ref);
    const inlined = cleanNode(isObject(target) ? { ...target, ...rest } : rest, walk);
    walk.refs.pop();
    return inlined;
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (q.dropKeywords.includes(key) || (q.inlineRefs && (key === '$defs' || key === 'definitions'))) {
      walk.removed.add(key);
      continue;
    }
    if (SCHEMA_MAPS.has(key)) out[key] = cleanMap(value, walk);
    else if (SCHEMA_VALUES.has(key) || SCHEMA_ARRAYS.has(key)) out[key] = cleanNode(value, walk);
    else out[key] = value;
  }
  if (q.constToEnum && Object.hasOwn(out, 'const') && !Object.hasOwn(out, 'enum')) {
    // Gemini allows enum on strings only: name the type when the schema did not.
    if (out.type === undefined && typeof out.const === 'string') out.type = 'string';
    out.enum = [out.const];
    delete out.const;
  }
  if (q.typeArraysToNullable && Array.isArray(out.type)) {
    const types = out.type.filter((t): t is string => typeof t === 'string');
    const nonNull = types.filter((t) => t !== 'null');
    if (types.includes('null')) out.nullable = true;
    if (nonNull.length === 1) out.type = nonNull[0];
    else {
      delete out.type;
      if (nonNull.length > 1) out.anyOf = nonNull.map((type) => ({ type }));
    }
  }
  if (q.stringFormats && typeof out.format === 'string' && !q.stringFormats.includes(out.format)) {
    walk.removed.add(`format:${out.format}`);
    delete out.format;
  }
  return out;
}

/**
 * A copy of `schema` without what `providerPrefix` rejects (its provider table row's quirks). Never mutates the input;
 * non-object input comes back unchanged. With `notes`, one note lists the removed keywords.
 */
export function cleanToolSchema(schema: unknown, providerPrefix: string, notes?: TranslateNotes): unknown {
  const walk: Walk = { root: schema, quirks: quirksFor(providerPrefix).schema, removed: new Set(), refs: [] };
  const cleaned = cleanNode(schema, walk);
  if (notes && walk.removed.size > 0) {
    notes.push(`removed tool schema keywords for ${providerPrefix}: ${[...walk.removed].sort().join(', ')}`);
  }
  return cleaned;
}
