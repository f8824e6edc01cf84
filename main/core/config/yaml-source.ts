// A parsed config file that still knows where every key was written, so validation problems found on
// the plain data can point at a line. Pure: text in, document out.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { ConfigProblem } from './config-error';

export type KeyPath = ReadonlyArray<string | number>;

export interface YamlSource {
  /** label used in messages: the file path, or "built-in config" */
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  /** the document as plain data */
  data: unknown;
  /** parser warnings, one line each */
  warnings: string[];
}

export type ParseResult = { ok: true; source: YamlSource } | { ok: false; problems: ConfigProblem[] };

// Aliases expand on toJS; a small file must not be able to expand into gigabytes ("billion laughs").
const MAX_ALIAS_COUNT = 100;

export function parseYamlSource(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  // YAML 1.1 because LiteLLM reads the same file with PyYAML (1.1): `yes`/`no` booleans and `<<` merge
  // keys then mean the same thing in both modes.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.1', uniqueKeys: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({ file, line: lineAt(error.pos[0]), keyPath: '', problem: `YAML: ${firstLine(error.message)}` })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, problems: [{ file, line: null, keyPath: '', problem: `YAML: ${firstLine(String((error as Error).message ?? error))}` }] };
  }
  const warnings = doc.warnings.map((w) => `${file}:${lineAt(w.pos[0])}: YAML: ${firstLine(w.message)}`);
  return { ok: true, source: { file, doc, lineCounter, data, warnings } };
}

/** `model_list[2].litellm_params.api_key` */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}

/**
 * The line where `path` is written. When the path does not exist in full (a missing key) this is the line
 * of the deepest part that does. `key: true` points at the key rather than its value (unknown keys).
 */
export function lineOf(source: YamlSource, path: KeyPath, options: { key?: boolean } = {}): number | null {
  let node: unknown = source.doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i];
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) break;
      const keyOffset = rangeStart(pair.key);
      const valueOffset = rangeStart(pair.value);
      const last = i === path.length - 1;
      offset = (last && options.key) || valueOffset === null ? (keyOffset ?? offset) : valueOffset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === null ? null : source.lineCounter.linePos(offset).line;
}

export function problemAt(source: YamlSource, path: KeyPath, problem: string, options: { key?: boolean } = {}): ConfigProblem {
  return { file: source.file, line: lineOf(source, path, options), keyPath: formatKeyPath(path), problem };
}

function keyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : null;
}

function rangeStart(node: unknown): number | null {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : null;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
