// What a provider accepts beyond the OpenAI wire format, as values a provider table row can set
// (config/provider-table.ts); the translators read them through quirksFor(), never through an `if`.

export interface SchemaQuirks {
  /** JSON Schema keywords the provider rejects in tool parameters; removed at every level */
  dropKeywords: readonly string[];
  /** `const: x` becomes `enum: [x]` (for providers that reject const but take enum) */
  constToEnum: boolean;
  /** `type: ["string", "null"]` becomes `type: "string", nullable: true` (OpenAPI 3.0 style) */
  typeArraysToNullable: boolean;
  /** string `format` values the provider accepts; others are removed (null: all accepted) */
  stringFormats: readonly string[] | null;
  /** replace local `$ref: "#/$defs/X"` with the definition (for providers without $ref support) */
  inlineRefs: boolean;
}

export interface ProviderQuirks {
  schema: SchemaQuirks;
  /** field for the output token limit (OpenAI's reasoning models reject max_tokens) */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** accepts the `user` field (some reject unknown fields outright) */
  supportsUser: boolean;
  /** accepts stream_options.include_usage (we need usage for Anthropic's message_delta) */
  supportsStreamOptions: boolean;
  /** how a reasoning effort is sent */
  reasoningParam: 'reasoning_effort' | 'reasoning.effort';
  /** wants earlier assistant reasoning sent back as `reasoning_content` (DeepSeek thinking + tools) */
  echoReasoningContent: boolean;
  /** accepts `top_k` */
  supportsTopK: boolean;
  /** at most this many stop sequences */
  maxStopSequences: number;
  /** longest `user` accepted (OpenAI: 64, OpenRouter: 128); longer ids are cut with a note */
  maxUserLength: number;
  /** reasoning models of this provider reject temperature/top_p other than the default */
  reasoningRejectsSampling: boolean;
  /** tool-call ids it accepts: any string, or Mistral's exactly 9 characters [a-zA-Z0-9] */
  toolIds: 'any' | 'mistral';
  /** wants each tool call's thought signature back (`extra_content.google.thought_signature`) */
  thoughtSignatures: boolean;
}

export const PLAIN_SCHEMA: SchemaQuirks = {
  // `$schema` never changes what a tool accepts, and several providers choke on it.
  dropKeywords: ['$schema'],
  constToEnum: false,
  typeArraysToNullable: false,
  stringFormats: null,
  inlineRefs: false,
};

// Gemini's function declarations take an OpenAPI 3.0 subset: no $schema/$id/$ref/additionalProperties,
// `nullable` instead of type arrays, string formats only enum and date-time.
export const GEMINI_SCHEMA: SchemaQuirks = {
  dropKeywords: [
    '$schema', '$id', '$comment', '$anchor', 'additionalProperties', 'unevaluatedProperties', 'patternProperties',
    'propertyNames', 'exclusiveMinimum', 'exclusiveMaximum', 'examples', 'contentEncoding', 'contentMediaType',
    'dependentRequired', 'dependentSchemas', 'if', 'then', 'else', 'not', 'strict',
  ],
  constToEnum: true,
  typeArraysToNullable: true,
  stringFormats: ['enum', 'date-time'],
  inlineRefs: true,
};

export const DEFAULT_QUIRKS: ProviderQuirks = {
  schema: PLAIN_SCHEMA,
  maxTokensField: 'max_tokens',
  supportsUser: true,
  supportsStreamOptions: true,
  reasoningParam: 'reasoning_effort',
  echoReasoningContent: false,
  supportsTopK: false,
  maxStopSequences: 4,
  maxUserLength: 64,
  reasoningRejectsSampling: false,
  toolIds: 'any',
  thoughtSignatures: false,
};
