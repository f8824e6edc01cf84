// The identity rule that catches a recognised client app: used by the dashboard when such an app lands on
// the default identity, by the admin route that writes the rule into the config, and by the start-up
// check of the config's rules against what these apps really send.
import type { HeaderPattern } from './protocol/records';

export interface KnownClient {
  /** the client app name the gateway derives from the User-Agent, without version */
  app: string;
  /** a User-Agent the app really sends (Claude Code 2.x: `claude-cli/<version> (external, cli)`) */
  sampleUserAgent: string;
  rule: HeaderPattern;
}

export const KNOWN_CLIENTS: readonly KnownClient[] = [
  { app: 'Claude Code', sampleUserAgent: 'claude-cli/2.0.14 (external, cli)', rule: { header: 'user-agent', pattern: 'claude-cli/|Claude Code', user_id: 'claude-cli' } },
  { app: 'JetBrains AI Assistant', sampleUserAgent: 'OpenAIClientImpl/Java unknown', rule: { header: 'user-agent', pattern: 'OpenAIClientImpl/Java', user_id: 'pycharm-ai' } },
  { app: 'Anthropic SDK (Python)', sampleUserAgent: 'Anthropic/Python 0.69.0', rule: { header: 'user-agent', pattern: 'anthropic-sdk-python|Anthropic/Python', user_id: 'anthropic-python' } },
  { app: 'OpenAI SDK (Python)', sampleUserAgent: 'OpenAI/Python 1.99.0', rule: { header: 'user-agent', pattern: 'OpenAI/Python|OpenAI/JS', user_id: 'openai-sdk' } },
  { app: 'OpenAI SDK (JS)', sampleUserAgent: 'OpenAI/JS 5.10.0', rule: { header: 'user-agent', pattern: 'OpenAI/Python|OpenAI/JS', user_id: 'openai-sdk' } },
  { app: 'Anthropic SDK (JS)', sampleUserAgent: 'Anthropic/JS 0.60.0', rule: { header: 'user-agent', pattern: 'Anthropic/JS', user_id: 'anthropic-js' } },
];

/** "Claude Code 2.1.3" → the known client, or null for apps we do not recognise (curl, browsers, raw UAs). */
export function knownClientFor(clientApp: string): KnownClient | null {
  const name = clientApp.replace(/\s+v?\d[\w.-]*$/, '');
  return KNOWN_CLIENTS.find((c) => c.app === name) ?? null;
}

/** "user-agent ~ /claude-cli\/|Claude Code/ → claude-cli", as the rules panel writes it. */
export function describeRule(rule: HeaderPattern): string {
  return `${rule.header} ~ /${rule.pattern}/ → ${rule.user_id}`;
}
