// Identity patterns for the clients Switchboard knows. The built-in config lists them, and a user's
// LiteLLM file without a `user_id_mappings:` section gets them too: LiteLLM files never had that section
// (it belonged to the memory proxy), and every client landing on default-dev would defeat the point.
import type { HeaderPattern } from '../../../shared/protocol/records';

export const KNOWN_CLIENT_PATTERNS: readonly HeaderPattern[] = [
  { header: 'user-agent', pattern: 'OpenAIClientImpl/Java', user_id: 'pycharm-ai' },
  { header: 'user-agent', pattern: 'claude-cli/|Claude Code', user_id: 'claude-cli' },
  { header: 'user-agent', pattern: 'anthropic-sdk-python|Anthropic/Python', user_id: 'anthropic-python' },
  { header: 'user-agent', pattern: 'OpenAI/Python|OpenAI/JS', user_id: 'openai-sdk' },
];

export const DEFAULT_CUSTOM_HEADER = 'x-memory-user-id';
export const DEFAULT_USER_ID = 'default-dev';
