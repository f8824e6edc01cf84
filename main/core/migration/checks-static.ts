// Checks that need no gateway: the user's own config (every model has its key variable) and the legacy
// binary on disk (found, and recent enough).
import { checkLitellmVersion, probeLitellmVersion } from '../backends/supervisor/litellm-version';
import type { SpawnFn } from '../backends/supervisor/spawn-types';
import type { GatewayConfig } from '../config/types';
import type { CheckOutcome, RunContext } from './run-context';
import { ITEMS } from './catalog';

export function modelKeysOutcome(config: GatewayConfig): CheckOutcome {
  const broken = config.models.filter((m) => m.error !== null);
  if (broken.length === 0) return { ok: true, detail: `all ${config.models.length} configured models have what they need` };
  const variables = [...new Set(broken.flatMap((m) => [...(m.error ?? '').matchAll(/(?:variable |set )([A-Z][A-Z0-9_]*)/g)].map((x) => x[1]!)))];
  return {
    ok: false,
    detail: broken.map((m) => `${m.modelName}: ${m.error}`).join('; '),
    fix: variables.length > 0
      ? `Set ${variables.join(', ')} in the environment Switchboard starts from (e.g. export ${variables[0]}=…, or the app's Provider keys), then restart Switchboard.`
      : 'Fix the models named above in your config (see the error next to each), then restart Switchboard.',
  };
}

function installFix(pinnedVersion: string, attachUrl: string | null): string {
  const install = `Install LiteLLM (pip install 'litellm[proxy]==${pinnedVersion}') or set switchboard.binary.command to its full path.`;
  // an attached proxy has its own model list, so it cannot be pointed at the probe: the checks need a local one
  return attachUrl ? `${install} You attach to ${attachUrl}; the checks start their own LiteLLM from switchboard.binary.command, so install the same version locally.` : install;
}

export interface BinaryFacts {
  found: boolean;
  version: string | null;
  reason: string | null;
}

export async function checkBinary(ctx: RunContext, config: GatewayConfig, env: Record<string, string | undefined>, spawn?: SpawnFn): Promise<BinaryFacts> {
  const binary = config.switchboard.binary;
  ctx.step(`reading the version of ${binary.command}`);
  const probe = await probeLitellmVersion({ command: binary.command, args: binary.args, env, spawn, pinnedVersion: binary.pinnedVersion, timeoutMs: 60_000 });
  const found = !probe.error;
  await ctx.check(ITEMS.binaryFound, () =>
    found
      ? { ok: true, detail: `"${binary.command}" runs` }
      : { ok: false, detail: probe.error!.message, fix: installFix(binary.pinnedVersion, binary.attachUrl) },
  );
  if (!found) {
    ctx.skip(ITEMS.binaryVersion, 'not checked: the binary was not found', null);
    return { found, version: null, reason: probe.error!.message };
  }
  const refusal = checkLitellmVersion(probe.version, binary.minVersion, binary.pinnedVersion);
  await ctx.check(ITEMS.binaryVersion, () =>
    refusal === null
      ? { ok: true, detail: `LiteLLM ${probe.version} (needs ${binary.minVersion} or later)` }
      : { ok: false, detail: refusal, fix: `pip install 'litellm[proxy]==${binary.pinnedVersion}'` },
  );
  return { found, version: probe.version, reason: refusal };
}
