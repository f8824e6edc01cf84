// The SDK backend of the temp gateway: ready, every endpoint answering, and the probe's Cloudflare-like
// cookies held, sent back and still there after the gateway (and its jar) restarts.
import { ENDPOINT_ITEMS, ITEMS } from './catalog';
import { dialectOutcome } from './checks-binary';
import { PROBE_USER_AGENT } from './identity-cases';
import { probeCall, textRequest } from './probe-call';
import type { ProbeTarget } from './probe-call';
import { PROBE_MODELS } from './probe-config';
import type { ProbeSet } from './probe-set';
import type { ProbeUpstream } from './probe-upstream';
import { PROBE_COOKIE_NAMES } from './probe-upstream';
import type { CheckOutcome, RunContext } from './run-context';
import type { TempGateway } from './temp-gateway';

const ENDPOINT_FIX = 'This is Switchboard itself failing on a probe: run the validation again, and report it with this detail if it stays.';

export async function sdkReadyItem(ctx: RunContext, temp: TempGateway): Promise<boolean> {
  const item = await ctx.check(ITEMS.sdkReady, () => {
    const state = temp.gateway.admin.snapshot().mode;
    const sdk = state.backends.sdk;
    return state.mode === 'sdk' && sdk.status === 'ready'
      ? { ok: true, detail: 'the SDK backend is ready' }
      : { ok: false, detail: `mode ${state.mode}, SDK backend ${sdk.status}${sdk.reason ? `: ${sdk.reason}` : ''}`, fix: ENDPOINT_FIX };
  });
  return item.ok;
}

export async function endpointItems(ctx: RunContext, target: ProbeTarget, set: ProbeSet): Promise<void> {
  const status = (expected: number, got: number | null, what: string): CheckOutcome =>
    got === expected ? { ok: true, detail: `${what}: ${got}` } : { ok: false, detail: `${what}: status ${got ?? 'none'}, expected ${expected}`, fix: ENDPOINT_FIX };
  await ctx.check(ENDPOINT_ITEMS.head, async () => status(200, (await probeCall(target, { method: 'HEAD', path: '/' })).status, 'HEAD /'));
  await ctx.check(ENDPOINT_ITEMS.health, async () => {
    const result = await probeCall(target, { method: 'GET', path: '/health' });
    const healthy = (result.json as { status?: unknown } | null)?.status === 'healthy';
    return result.status === 200 && healthy ? { ok: true, detail: 'GET /health: 200 healthy' } : { ok: false, detail: `GET /health: ${result.status} ${JSON.stringify(result.json)?.slice(0, 120)}`, fix: ENDPOINT_FIX };
  });
  await ctx.check(ENDPOINT_ITEMS.models, async () => {
    const result = await probeCall(target, { method: 'GET', path: '/v1/models' });
    const ids = ((result.json as { data?: Array<{ id?: unknown }> } | null)?.data ?? []).map((m) => String(m.id));
    const missing = Object.values(PROBE_MODELS).filter((name) => !ids.includes(name));
    return result.status === 200 && missing.length === 0
      ? { ok: true, detail: `GET /v1/models: ${ids.length} models` }
      : { ok: false, detail: `GET /v1/models: status ${result.status}, missing ${missing.join(', ') || 'none'}`, fix: ENDPOINT_FIX };
  });
  await ctx.check(ENDPOINT_ITEMS.chat, () => dialectOutcome([set.get('chat')], 'done'));
  await ctx.check(ENDPOINT_ITEMS.chatStream, () => dialectOutcome([set.get('chat-stream')], 'done'));
  await ctx.check(ENDPOINT_ITEMS.messages, () => dialectOutcome([set.get('messages')], 'message_stop'));
  await ctx.check(ENDPOINT_ITEMS.messagesStream, () => dialectOutcome([set.get('messages-stream')], 'message_stop'));
  await ctx.check(ENDPOINT_ITEMS.countTokens, async () => {
    const result = await probeCall(target, {
      method: 'POST', path: '/v1/messages/count_tokens', dialect: 'anthropic',
      body: { model: PROBE_MODELS.anthropic, messages: [{ role: 'user', content: 'count me' }] },
    });
    const tokens = (result.json as { input_tokens?: unknown } | null)?.input_tokens;
    return result.status === 200 && typeof tokens === 'number'
      ? { ok: true, detail: `count_tokens: ${tokens} input tokens` }
      : { ok: false, detail: `count_tokens: status ${result.status} ${result.shape}`, fix: ENDPOINT_FIX };
  });
  await ctx.check(ENDPOINT_ITEMS.routingInfo, async () => {
    const result = await probeCall(target, { method: 'GET', path: '/memory-routing/info', headers: { 'user-agent': PROBE_USER_AGENT } });
    const userId = (result.json as { user_id?: unknown } | null)?.user_id;
    return result.status === 200 && typeof userId === 'string'
      ? { ok: true, detail: `/memory-routing/info: user_id ${userId}` }
      : { ok: false, detail: `/memory-routing/info: status ${result.status}`, fix: ENDPOINT_FIX };
  });
}

export async function cookieItems(ctx: RunContext, temp: TempGateway, probe: ProbeUpstream, runTag: string): Promise<void> {
  const target = (): ProbeTarget => ({ url: temp.url, key: temp.key, now: ctx.now, signal: ctx.signal });
  const fix = 'Switchboard could not keep the cookies: check that the data dir is writable (cookies.json) and look for "cookie jar problem" in the log.';
  await ctx.check(ITEMS.cookiesHeld, () => {
    const cookies = temp.gateway.admin.snapshot().cookies;
    const names = cookies.domains.flatMap((d) => d.cookies.map((c) => c.name));
    const held = PROBE_COOKIE_NAMES.every((name) => names.includes(name));
    return held ? { ok: true, detail: `the jar holds ${PROBE_COOKIE_NAMES.join(' and ')} (${cookies.total} cookies)` } : { ok: false, detail: `the jar holds ${names.join(', ') || 'no cookies'}`, fix };
  });
  await ctx.check(ITEMS.cookiesSentBack, async () => {
    const marker = `probe:${runTag}-cookie-again`;
    await probeCall(target(), textRequest('openai', PROBE_MODELS.openai, marker, false));
    const hit = probe.hitFor(marker);
    return hit?.cookiesReturned
      ? { ok: true, detail: 'the next request carried both cookies with the values handed out' }
      : { ok: false, detail: `the next request carried ${hit?.cookieNames.join(', ') || 'no cookies'}`, fix };
  });
  ctx.step('restarting the temporary gateway on the same data dir');
  await ctx.check(ITEMS.cookiesRestart, async () => {
    await temp.restart();
    const marker = `probe:${runTag}-cookie-restart`;
    await probeCall(target(), textRequest('openai', PROBE_MODELS.openai, marker, false));
    const hit = probe.hitFor(marker);
    return hit?.cookiesReturned
      ? { ok: true, detail: 'after a restart the first request carried both cookies again' }
      : { ok: false, detail: `after a restart the first request carried ${hit?.cookieNames.join(', ') || 'no cookies'}`, fix };
  });
}
