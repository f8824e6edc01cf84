// Copy-ready settings for the clients people point at Switchboard. The key is a placeholder until the
// user asks to see it, so the page never shows it by default.
import type { ServerInfo } from '../../../shared/protocol/records';

export const KEY_PLACEHOLDER = '<your Switchboard key>';

export interface ClientSetting {
  id: 'claude-code' | 'jetbrains' | 'openai-python' | 'openai-node';
  title: string;
  hint: string;
  text: string;
}

export function clientSettings(server: ServerInfo, key: string | null): ClientSetting[] {
  const k = key ?? KEY_PLACEHOLDER;
  return [
    {
      id: 'claude-code',
      title: 'Claude Code',
      hint: 'Add to your shell profile or to the env block of ~/.claude/settings.json.',
      text: `ANTHROPIC_BASE_URL=${server.baseUrl}\nANTHROPIC_API_KEY=${k}`,
    },
    {
      id: 'jetbrains',
      title: 'JetBrains AI Assistant',
      hint: 'Settings → Tools → AI Assistant → Models → OpenAI-compatible: URL and API key.',
      text: `URL:     ${server.openaiBaseUrl}\nAPI key: ${k}`,
    },
    {
      id: 'openai-python',
      title: 'OpenAI SDK (Python)',
      hint: 'Any OpenAI-compatible SDK works the same way.',
      text: `from openai import OpenAI\n\nclient = OpenAI(\n    base_url="${server.openaiBaseUrl}",\n    api_key="${k}",\n)`,
    },
    {
      id: 'openai-node',
      title: 'OpenAI SDK (Node)',
      hint: 'Or set OPENAI_BASE_URL and OPENAI_API_KEY in the environment.',
      text: `import OpenAI from 'openai';\n\nconst client = new OpenAI({\n  baseURL: '${server.openaiBaseUrl}',\n  apiKey: '${k}',\n});`,
    },
  ];
}
