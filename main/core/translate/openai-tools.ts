// OpenAI `tools` / legacy `functions`, `tool_choice` / legacy `function_call` and `parallel_tool_calls`
// -> Anthropic `tools` and `tool_choice`.
import { asArray, asObject, asString, isObject } from './json';
import { dropped } from './notes';
import type { NoteCollector } from './notes';
import { cleanToolSchema } from './schema-clean';
import type { Json } from './types';

const EMPTY_SCHEMA: Json = { type: 'object', properties: {} };

function anthropicTool(fn: Json, notes: NoteCollector): Json | undefined {
  const name = asString(fn.name);
  if (!name) {
    notes.add(dropped('tools[]', 'no function name'));
    return undefined;
  }
  const tool: Json = { name };
  const description = asString(fn.description);
  if (description !== undefined) tool.description = description;
  let schema = fn.parameters === undefined ? EMPTY_SCHEMA : asObject(fn.parameters);
  if (!schema) {
    notes.add(dropped('tools[].function.parameters', 'not an object'));
    schema = EMPTY_SCHEMA;
  }
  // Anthropic requires an object schema at the top; OpenAI lets callers omit `type`.
  if (schema.type === undefined) schema = { type: 'object', ...schema };
  tool.input_schema = cleanToolSchema(schema, 'anthropic', { push: (note) => notes.add(note) });
  if (fn.strict !== undefined && fn.strict !== null) notes.add(dropped('tools[].function.strict'));
  return tool;
}

export function openaiTools(body: Json, notes: NoteCollector): Json[] {
  const tools: Json[] = [];
  for (const raw of asArray(body.tools) ?? []) {
    const fn = isObject(raw) && raw.type === 'function' ? asObject(raw.function) : undefined;
    if (!fn) {
      notes.add(dropped('tools[]', `type ${String(isObject(raw) ? raw.type : typeof raw).slice(0, 40)}`));
      continue;
    }
    const tool = anthropicTool(fn, notes);
    if (tool) tools.push(tool);
  }
  for (const raw of asArray(body.functions) ?? []) {
    const tool = isObject(raw) ? anthropicTool(raw, notes) : undefined;
    if (tool) tools.push(tool);
    else if (!isObject(raw)) notes.add(dropped('functions[]', 'not an object'));
  }
  if (body.tools !== undefined && body.tools !== null && !Array.isArray(body.tools)) notes.add(dropped('tools', 'not an array'));
  return tools;
}

/** OpenAI tool_choice string -> Anthropic tool_choice type. */
const TOOL_CHOICE_WORDS: Record<string, string> = { auto: 'auto', none: 'none', required: 'any' };

function choiceFrom(value: unknown, notes: NoteCollector, field: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const type = Object.hasOwn(TOOL_CHOICE_WORDS, value) ? TOOL_CHOICE_WORDS[value] : undefined;
    if (type) return { type };
    notes.add(dropped(field, `unknown value ${value.slice(0, 20)}`));
    return undefined;
  }
  const obj = asObject(value);
  // { type: 'function', function: { name } }, or legacy function_call { name }
  const name = asString(asObject(obj?.function)?.name) ?? asString(obj?.name);
  if (name) return { type: 'tool', name };
  notes.add(dropped(field, 'not a named function choice'));
  return undefined;
}

export function openaiToolChoice(body: Json, hasTools: boolean, notes: NoteCollector): Json | undefined {
  const field = body.tool_choice !== undefined && body.tool_choice !== null ? 'tool_choice' : 'function_call';
  let choice = choiceFrom(field === 'tool_choice' ? body.tool_choice : body.function_call, notes, field);
  if (!hasTools) {
    if (choice) notes.add(dropped(field, 'no tools'));
    return undefined;
  }
  if (body.parallel_tool_calls === false) {
    choice ??= { type: 'auto' };
    if (choice.type !== 'none') choice = { ...choice, disable_parallel_tool_use: true };
  }
  return choice;
}
