// Anthropic `tools` and `tool_choice` -> OpenAI `tools`, `tool_choice` and `parallel_tool_calls`.
import { asArray, asObject, asString } from './json';
import { dropped } from './notes';
import type { NoteCollector } from './notes';
import { cleanToolSchema } from './schema-clean';
import type { Json } from './types';

export function anthropicTools(tools: unknown, providerPrefix: string, notes: NoteCollector): Json[] {
  const out: Json[] = [];
  if (tools !== undefined && tools !== null && !Array.isArray(tools)) notes.add(dropped('tools', 'not an array'));
  for (const raw of asArray(tools) ?? []) {
    const tool = asObject(raw);
    const name = asString(tool?.name);
    // Typed tools (web_search_20250305, bash_20250124, text_editor_…) run on Anthropic's side or need
    // Anthropic's own tool definitions: an OpenAI-compatible model cannot be given them.
    if (!tool || !name || (tool.type !== undefined && tool.type !== null && tool.type !== 'custom')) {
      notes.add(dropped('tools[]', tool?.type ? `server tool ${String(tool.type).slice(0, 40)}` : 'no name'));
      continue;
    }
    const fn: Json = { name };
    if (typeof tool.description === 'string') fn.description = tool.description;
    fn.parameters = cleanToolSchema(asObject(tool.input_schema) ?? { type: 'object', properties: {} }, providerPrefix, {
      push: (note) => notes.add(note),
    });
    if (typeof tool.strict === 'boolean') fn.strict = tool.strict;
    if (tool.cache_control !== undefined) notes.add(dropped('cache_control'));
    for (const key of Object.keys(tool)) {
      if (!['name', 'description', 'input_schema', 'cache_control', 'type', 'strict'].includes(key)) notes.add(dropped(`tools[].${key.slice(0, 40)}`));
    }
    out.push({ type: 'function', function: fn });
  }
  return out;
}

/** Anthropic tool_choice.type -> OpenAI tool_choice word. */
const TOOL_CHOICE_TYPES: Record<string, string> = { auto: 'auto', any: 'required', none: 'none' };

export function anthropicToolChoice(value: unknown, hasTools: boolean, notes: NoteCollector): { toolChoice?: unknown; parallel?: boolean } {
  const choice = asObject(value);
  if (value !== undefined && value !== null && !choice) notes.add(dropped('tool_choice', 'not an object'));
  if (!choice || !hasTools) {
    if (choice && !hasTools) notes.add(dropped('tool_choice', 'no tools'));
    return {};
  }
  const result: { toolChoice?: unknown; parallel?: boolean } = {};
  const type = asString(choice.type) ?? '';
  if (type === 'tool' && typeof choice.name === 'string') result.toolChoice = { type: 'function', function: { name: choice.name } };
  else if (Object.hasOwn(TOOL_CHOICE_TYPES, type)) result.toolChoice = TOOL_CHOICE_TYPES[type];
  else notes.add(dropped('tool_choice', `type ${type.slice(0, 20)}`));
  if (choice.disable_parallel_tool_use === true) result.parallel = false;
  return result;
}
