// The configuration used when no file is found: the common Anthropic, OpenAI and Gemini models with keys
// from their usual env vars, and identities for the clients we know. Written as a LiteLLM config so it
// goes through the same loader (and works in binary mode) and doubles as an example users can copy.
// Wildcards keep it short and current: new dated model names route without a release of Switchboard.

export const EMBEDDED_DEFAULT_CONFIG = `# Switchboard built-in config (LiteLLM config.yaml format).
# Copy it to <data dir>/config.yaml or pass --config to change it.
model_list:
  # Anthropic: key from ANTHROPIC_API_KEY. Named aliases first, then every other claude-* name
  # (Claude Code sends names like claude-opus-4-1-20250805 or claude-haiku-4-5-20251001).
  - model_name: claude-sonnet-4.5
    litellm_params:
      model: anthropic/claude-sonnet-4-5
  - model_name: claude-opus-4.5
    litellm_params:
      model: anthropic/claude-opus-4-5
  - model_name: claude-haiku-4.5
    litellm_params:
      model: anthropic/claude-haiku-4-5
  - model_name: claude-opus-4.1
    litellm_params:
      model: anthropic/claude-opus-4-1
  - model_name: claude-sonnet-4
    litellm_params:
      model: anthropic/claude-sonnet-4-0
  - model_name: "claude-*"
    litellm_params:
      model: "anthropic/claude-*"
  # OpenAI: key from OPENAI_API_KEY.
  - model_name: "gpt-*"
    litellm_params:
      model: "openai/gpt-*"
  - model_name: "chatgpt-*"
    litellm_params:
      model: "openai/chatgpt-*"
  - model_name: "o1*"
    litellm_params:
      model: "openai/o1*"
  - model_name: "o3*"
    litellm_params:
      model: "openai/o3*"
  - model_name: "o4*"
    litellm_params:
      model: "openai/o4*"
  # Gemini through its OpenAI-compatible endpoint: key from GEMINI_API_KEY (or GOOGLE_API_KEY).
  - model_name: "gemini-*"
    litellm_params:
      model: "gemini/gemini-*"

user_id_mappings:
  custom_header: x-memory-user-id
  header_patterns:
    - header: user-agent
      pattern: 'OpenAIClientImpl/Java'
      user_id: pycharm-ai
    - header: user-agent
      pattern: 'claude-cli/|Claude Code'
      user_id: claude-cli
    - header: user-agent
      pattern: 'anthropic-sdk-python|Anthropic/Python'
      user_id: anthropic-python
    - header: user-agent
      pattern: 'OpenAI/Python|OpenAI/JS'
      user_id: openai-sdk
  default_user_id: default-dev
`;

/** Label used in messages about the built-in config (it has no file). */
export const EMBEDDED_DEFAULT_LABEL = 'built-in config';
