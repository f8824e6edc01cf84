// A gateway with both backends available: SDK mode on fake upstreams, binary mode on the fake LiteLLM.
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { twoProviderYaml } from '../harness/test-gateway';

export function modesYaml(anthropicUrl: string, openaiUrl: string, binary: Record<string, string | number | boolean> = {}): string {
  const settings = { command: FAKE_LITELLM_PATH, ready_timeout_ms: 20_000, stop_grace_ms: 2_000, ...binary };
  const lines = Object.entries(settings).map(([k, v]) => `    ${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`);
  return twoProviderYaml(anthropicUrl, openaiUrl, `  binary:\n${lines.join('\n')}\n`);
}

export const adminFetch = (url: string, token: string) => (path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
