// `switchboard mode [sdk|binary|rollback]`: asks the running instance through its admin API.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PATHS } from '../../shared/protocol/admin-api';
import type { ModeResult } from '../../shared/protocol/admin-api';
import type { SetModeBody } from '../../shared/protocol/admin-bodies';
import type { ModeState } from '../../shared/protocol/records';
import type { ConfigFlags } from '../core/config';
import { defaultDataDir } from '../core/config';
import type { CliIo } from './cli-io';
import { readInstance } from '../core/instance-file';
import { DATA_FILES } from '../core/config/data-files';

export async function modeCommand(action: 'sdk' | 'binary' | 'rollback' | 'status', flags: ConfigFlags, io: CliIo): Promise<number> {
  const dataDir = flags.dataDir ?? defaultDataDir(process.platform, io.env, homedir());
  const instance = await readInstance(dataDir);
  if (!instance) {
    io.stderr(`switchboard: no running instance found (no ${join(dataDir, DATA_FILES.instance)}); start it with: switchboard serve`);
    return 1;
  }
  const token = io.env.SWITCHBOARD_ADMIN_TOKEN ?? (await readFile(join(dataDir, DATA_FILES.adminToken), 'utf8').catch(() => '')).trim();
  if (!token) {
    io.stderr(`switchboard: no admin token (set SWITCHBOARD_ADMIN_TOKEN or check ${join(dataDir, DATA_FILES.adminToken)})`);
    return 1;
  }
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const base = instance.baseUrl;
  let response: Response;
  try {
    if (action === 'status') {
      response = await fetch(`${base}${ADMIN_PATHS.snapshot}`, { headers });
    } else if (action === 'rollback') {
      response = await fetch(`${base}${ADMIN_PATHS.rollback}`, { method: 'POST', headers, body: '{}' });
    } else {
      response = await fetch(`${base}${ADMIN_PATHS.mode}`, { method: 'POST', headers, body: JSON.stringify({ mode: action } satisfies SetModeBody) });
    }
  } catch (error) {
    io.stderr(`switchboard: cannot reach the instance at ${base}: ${(error as Error).message}`);
    return 1;
  }
  const body = (await response.json().catch(() => null)) as (ModeResult & { error?: { message: string } }) | { mode: ModeState } | null;
  if (!body) {
    io.stderr(`switchboard: unexpected answer ${response.status} from ${base}`);
    return 1;
  }
  if (action === 'status') {
    io.stdout(describeMode((body as { mode: ModeState }).mode));
    return response.ok ? 0 : 1;
  }
  const result = body as ModeResult;
  if (!result.ok) {
    io.stderr(`switchboard: ${action} failed: ${result.error?.message ?? response.status}`);
    if (result.mode) io.stderr(describeMode(result.mode));
    return 1;
  }
  io.stdout(describeMode(result.mode));
  return 0;
}

export function describeMode(mode: ModeState): string {
  const backend = mode.backends[mode.mode];
  const previous = mode.previous ? `; roll back to ${mode.previous} with: switchboard mode rollback` : '';
  return `mode: ${mode.mode} (backend ${backend.status})${previous}`;
}
