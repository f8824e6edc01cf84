// LiteLLM's `include:` list names YAML files relative to the config file; their sections are merged into
// the config (a list extends the same key, anything else replaces it: proxy_server.py `_process_includes`).
// The child reads a generated copy in the data dir, where those relative paths no longer resolve, so the
// includes are inlined here, from the user's config folder, with LiteLLM's merge rule.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { GatewayError } from '../../../../shared/errors';

export async function inlineIncludes(doc: Record<string, unknown>, configDir: string | null): Promise<Record<string, unknown>> {
  if (!('include' in doc)) return doc;
  const list = doc.include;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw rejected('`include:` must be a list of file paths (relative to your config file)');
  }
  if (configDir === null) throw rejected('`include:` needs a config file to resolve its paths from; the built-in config has none');
  const out: Record<string, unknown> = { ...doc };
  delete out.include;
  for (const name of list as string[]) {
    const file = isAbsolute(name) ? name : join(configDir, name);
    let included: unknown;
    try {
      included = parse(await readFile(file, 'utf8'));
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
      throw rejected(`the included file ${file} cannot be read as YAML (${why})`, error);
    }
    if (included === null || included === undefined) continue;
    if (typeof included !== 'object' || Array.isArray(included)) throw rejected(`the included file ${file} must hold YAML sections (a mapping)`);
    for (const [key, value] of Object.entries(included as Record<string, unknown>)) {
      const current = out[key];
      out[key] = Array.isArray(value) && Array.isArray(current) ? [...current, ...value] : value;
    }
  }
  return out;
}

function rejected(why: string, cause?: unknown): GatewayError {
  return new GatewayError('BINARY_CONFIG_REJECTED', `Cannot prepare LiteLLM's config: ${why}. Fix the \`include:\` list of your config.`, { cause });
}
