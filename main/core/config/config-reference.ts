// The reference of the `switchboard:` section, rendered from its zod schema (types, defaults and the
// `.describe()` text of each key), so the documentation cannot drift from what the loader accepts.
// docs/config-reference.md is this output; a test compares the two. Pure.
import { z } from 'zod';
import { switchboardSchema } from './schema-switchboard';

interface JsonSchemaNode {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
}

const HEADER = `# \`switchboard:\` configuration reference

Generated from the schema in \`main/core/config/schema-switchboard.ts\` by \`npm run docs:config\`; a test
fails when it is out of date. Every key is optional. Sizes take a number of bytes or a number with \`kb\`,
\`mb\` or \`gb\` (1 kb = 1024 bytes). The LiteLLM sections of the file (\`model_list\`, \`user_id_mappings\`,
\`general_settings\`, \`litellm_settings\`, …) are described in \`main/core/config/README.md\`.

| Key | Type | Default | Meaning |
| --- | --- | --- | --- |
`;

export function renderConfigReference(): string {
  const schema = z.toJSONSchema(switchboardSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const defaults = switchboardSchema.parse({}) as Record<string, unknown>;
  return `${HEADER}${rows(schema, 'switchboard', defaults).join('\n')}\n`;
}

function rows(node: JsonSchemaNode, path: string, defaults: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const keyPath = `${path}.${key}`;
    if (child.properties) {
      out.push(...rows(child, keyPath, (defaults[key] ?? {}) as Record<string, unknown>));
      continue;
    }
    const type = typeOf(child);
    out.push(`| \`${keyPath}\` | ${type} | ${defaultOf(child, defaults[key], type === 'size')} | ${cell(child.description ?? '')} |`);
  }
  return out;
}

function typeOf(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (node.anyOf) {
    const kinds = node.anyOf.map(typeOf);
    return kinds.includes('integer') && kinds.includes('string') ? 'size' : [...new Set(kinds)].join(' or ');
  }
  if (node.type === 'array') return `list of ${typeOf(node.items ?? {})}`;
  if (node.type === 'integer' && node.minimum === 0 && node.maximum === 65535) return 'port';
  return node.type ?? 'any';
}

function defaultOf(node: JsonSchemaNode, parsed: unknown, size: boolean): string {
  const value = parsed ?? node.default;
  if (value === undefined) return '—';
  if (size && typeof value === 'number') return `\`${sizeText(value)}\``;
  if (Array.isArray(value) && value.length === 0) return '`[]`';
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** 33554432 → 32mb, as a user would write it. */
function sizeText(bytes: number): string {
  for (const [unit, factor] of [['gb', 1024 ** 3], ['mb', 1024 ** 2], ['kb', 1024]] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return String(bytes);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
