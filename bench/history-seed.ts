// A request history on disk for Switchboard to replay at start: `records` finished requests in
// requests.jsonl, shaped like the ones it writes itself (several identities, models and outcomes), so
// the event-loop delay while they are loaded is that of a real restart with a full log.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestRecord } from '../shared/protocol/records';

const IDENTITIES = [
  { identity: 'pycharm-ai', clientApp: 'JetBrains AI Assistant', userAgent: 'OpenAIClientImpl/Java unknown', dialect: 'openai' as const },
  { identity: 'claude-cli', clientApp: 'Claude Code 2.0.14', userAgent: 'claude-cli/2.0.14 (external, cli)', dialect: 'anthropic' as const },
  { identity: 'openai-sdk', clientApp: 'OpenAI SDK (JS)', userAgent: 'OpenAI/JS 5.12.0', dialect: 'openai' as const },
];
const MODELS = ['gpt-bench', 'claude-bench', 'claude-sonnet-4.5', 'gemini-2.5-pro'];

export function historyRecord(index: number, startedAt: number): RequestRecord {
  const who = IDENTITIES[index % IDENTITIES.length]!;
  const model = MODELS[index % MODELS.length]!;
  const failed = index % 17 === 0;
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    startedAt,
    phase: failed ? 'error' : 'done',
    method: 'POST',
    path: who.dialect === 'anthropic' ? '/v1/messages' : '/v1/chat/completions',
    endpoint: who.dialect === 'anthropic' ? 'messages' : 'chat.completions',
    dialect: who.dialect,
    stream: index % 3 === 1,
    identity: who.identity,
    identitySource: 'pattern',
    matchedPattern: null,
    clientApp: who.clientApp,
    userAgent: who.userAgent,
    model,
    providerModel: model,
    provider: model.startsWith('claude') ? 'anthropic' : model.startsWith('gemini') ? 'gemini' : 'openai',
    upstreamHost: 'api.supermemory.ai',
    backend: 'sdk',
    translated: index % 5 === 0,
    status: failed ? 429 : 200,
    ttfbMs: 180 + (index % 50),
    durationMs: 900 + (index % 400),
    bytesIn: 2_000 + (index % 90_000),
    bytesOut: 1_500 + (index % 4_000),
    usage: failed ? null : { input: 1200 + (index % 300), output: 80 + (index % 60), cacheRead: null, cacheCreation: null },
    retries: failed ? 2 : 0,
    errorCode: failed ? 'UPSTREAM_ERROR' : null,
    errorMessage: failed ? 'Upstream answered 429: rate limited' : null,
    replayOf: null,
  };
}

/** Writes `records` records (the newest ending a minute ago) to `<dataDir>/requests.jsonl`. */
export async function seedHistory(dataDir: string, records: number, now: number): Promise<void> {
  const lines: string[] = [];
  const first = now - 60_000 - records * 100;
  for (let i = 0; i < records; i++) lines.push(JSON.stringify(historyRecord(i, first + i * 100)));
  await writeFile(join(dataDir, 'requests.jsonl'), lines.length > 0 ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
}
