// POST /v1/messages/count_tokens for models that are not Anthropic's: no provider offers an exact count
// for our translated request, so we estimate. The estimate (documented in README.md):
//   - text (system, messages, tool results, tool names/descriptions/schemas as JSON):
//     ASCII characters / 4, plus 1 token per non-ASCII character (CJK and emoji are ~1 token or more);
//   - each message: +4 tokens of framing; each tool: +8; the request: +8;
//   - each image: 1,600 tokens (Anthropic's figure for a ~1.15 megapixel image; the size is unknown here);
//   - each PDF document: base64 bytes * 3/4 / 3 (roughly one token per three bytes of PDF).
// It aims to be within ~20% for English prose and code, which is what callers use it for: deciding when
// to compact. It is deliberately a little high rather than low.
import { asArray, asObject, isObject, stringifyJson } from './json';
import type { Json } from './types';

export const IMAGE_TOKENS = 1600;
const MESSAGE_OVERHEAD = 4;
const TOOL_OVERHEAD = 8;
const REQUEST_OVERHEAD = 8;

export function textTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

function blockTokens(block: unknown): number {
  if (typeof block === 'string') return textTokens(block);
  if (!isObject(block)) return 0;
  switch (block.type) {
    case 'text':
      return typeof block.text === 'string' ? textTokens(block.text) : 0;
    case 'image':
      return IMAGE_TOKENS;
    case 'document': {
      const source = asObject(block.source) ?? {};
      if (typeof source.data !== 'string') return 0;
      return source.type === 'base64' ? Math.ceil((source.data.length * 3) / 4 / 3) : textTokens(source.data);
    }
    case 'thinking':
      return typeof block.thinking === 'string' ? textTokens(block.thinking) : 0;
    case 'tool_use':
      return textTokens(String(block.name ?? '')) + textTokens(stringifyJson(block.input ?? {}));
    case 'tool_result':
      return contentTokens(block.content);
    default:
      // Unknown blocks still cost something: count their JSON.
      return textTokens(stringifyJson(block));
  }
}

function contentTokens(content: unknown): number {
  if (typeof content === 'string') return textTokens(content);
  return (asArray(content) ?? []).reduce<number>((sum, block) => sum + blockTokens(block), 0);
}

function toolTokens(tool: unknown): number {
  const t: Json = asObject(tool) ?? {};
  const { name, description, input_schema } = t;
  return TOOL_OVERHEAD + textTokens(String(name ?? '')) + textTokens(typeof description === 'string' ? description : '')
    + textTokens(stringifyJson(input_schema ?? {}));
}

/** Estimated input tokens of an Anthropic-dialect request (see the formula above). Never throws. */
export function estimateInputTokens(anthropicBody: Record<string, unknown>): number {
  const body = asObject(anthropicBody) ?? {};
  let total = REQUEST_OVERHEAD + contentTokens(body.system);
  for (const message of asArray(body.messages) ?? []) {
    total += MESSAGE_OVERHEAD + contentTokens(asObject(message)?.content);
  }
  for (const tool of asArray(body.tools) ?? []) total += toolTokens(tool);
  return total;
}
