// `--live`: one tiny real request per configured model through the user's own gateway (costs tokens,
// so it is planned first, shown with an estimate, and sent only when confirmed).
import type { LiveRequestPlan } from '../../../shared/protocol/validation';
import type { GatewayConfig } from '../config/types';
import { liveItem } from './catalog';
import { probeCall } from './probe-call';
import type { ProbeTarget } from './probe-call';
import type { RunContext } from './run-context';
import { isWellFormed } from './shape';

const LIVE_PROMPT = 'Reply with the single word OK.';
const LIVE_MAX_TOKENS = 5;

/** Models a live request can name: concrete names (a wildcard has no model to ask for) without config errors. */
export function livePlan(config: GatewayConfig): LiveRequestPlan[] {
  return config.models
    .filter((m) => !m.modelName.includes('*') && m.error === null)
    .map((m) => ({ model: m.modelName, provider: m.providerPrefix, estimatedTokens: Math.ceil(LIVE_PROMPT.length / 4) + 10 + LIVE_MAX_TOKENS }));
}

export async function liveItems(ctx: RunContext, config: GatewayConfig, target: ProbeTarget): Promise<void> {
  for (const plan of livePlan(config)) {
    const model = config.models.find((m) => m.modelName === plan.model)!;
    ctx.step(`live request to ${plan.model}`);
    await ctx.check(liveItem(plan.model), async () => {
      const body = { model: plan.model, max_tokens: LIVE_MAX_TOKENS, messages: [{ role: 'user', content: LIVE_PROMPT }] };
      const result = await probeCall(target, model.dialect === 'anthropic'
        ? { method: 'POST', path: '/v1/messages', dialect: 'anthropic', body }
        : { method: 'POST', path: '/v1/chat/completions', dialect: 'openai', body });
      if (result.status === 200 && isWellFormed(result.shape)) return { ok: true, detail: `200 in ${Math.round(result.durationMs)} ms through the running mode` };
      const message = (result.json as { error?: { message?: unknown } } | null)?.error?.message;
      return {
        ok: false,
        detail: `status ${result.status ?? 'none'}${typeof message === 'string' ? `: ${message.slice(0, 200)}` : ` ${result.shape}`}`,
        fix: 'Check the provider key for this model and its api_base; the request log in the dashboard has the full answer.',
      };
    });
  }
}
