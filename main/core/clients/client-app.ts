// A human name for the calling app, from its User-Agent, for the log and the client cards. Table-driven:
// first match wins; the version is taken from the first capture group when there is one.

interface ClientAppRule {
  pattern: RegExp;
  name: string;
}

const RULES: ClientAppRule[] = [
  { pattern: /claude-cli\/([\w.-]+)/i, name: 'Claude Code' },
  { pattern: /Claude Code(?:\/([\w.-]+))?/i, name: 'Claude Code' },
  { pattern: /OpenAIClientImpl\/Java/i, name: 'JetBrains AI Assistant' },
  { pattern: /JetBrains|IntelliJ|PyCharm/i, name: 'JetBrains IDE' },
  { pattern: /anthropic-sdk-python|Anthropic\/Python\s*([\w.-]+)?/i, name: 'Anthropic SDK (Python)' },
  { pattern: /Anthropic\/JS\s*([\w.-]+)?/i, name: 'Anthropic SDK (JS)' },
  { pattern: /OpenAI\/Python\s*([\w.-]+)?/i, name: 'OpenAI SDK (Python)' },
  { pattern: /OpenAI\/JS\s*([\w.-]+)?/i, name: 'OpenAI SDK (JS)' },
  { pattern: /\bcurl\/([\w.-]+)/i, name: 'curl' },
  { pattern: /python-httpx\/([\w.-]+)/i, name: 'httpx' },
  { pattern: /python-requests\/([\w.-]+)/i, name: 'requests' },
  { pattern: /\bnode(?:-fetch)?\b|undici/i, name: 'Node.js' },
  { pattern: /Mozilla\//, name: 'Browser' },
];

const cache = new Map<string, string>();
const CACHE_LIMIT = 256;

export function describeClientApp(userAgent: string): string {
  if (!userAgent) return 'unknown';
  const cached = cache.get(userAgent);
  if (cached !== undefined) return cached;
  let name = userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
  for (const rule of RULES) {
    const m = rule.pattern.exec(userAgent);
    if (m) {
      name = m[1] ? `${rule.name} ${m[1]}` : rule.name;
      break;
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(userAgent, name);
  return name;
}
