// The running instance as the CLI sees it: its URL (from <data dir>/instance.json, or 127.0.0.1:--port),
// the admin token (SWITCHBOARD_ADMIN_TOKEN or <data dir>/admin-token), JSON calls and the event stream.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { GatewayEvent } from '../../shared/protocol/events';
import { ADMIN_PATHS } from '../../shared/protocol/admin-api';
import type { ConfigFlags } from '../core/config';
import { defaultDataDir } from '../core/config';
import { readInstance } from '../core/instance-file';
import type { CliIo } from './cli-io';
import { DATA_FILES } from '../core/config/data-files';

export interface InstanceClient {
  baseUrl: string;
  call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** reads /admin/events until `signal` aborts or the stream ends; resolves once connected */
  events(onEvent: (event: GatewayEvent) => void, signal: AbortSignal): Promise<void>;
}

export type FoundInstance = { kind: 'running'; client: InstanceClient } | { kind: 'none'; reason: string } | { kind: 'unusable'; reason: string };

export function dataDirOf(flags: ConfigFlags, io: CliIo): string {
  return flags.dataDir ?? defaultDataDir(process.platform, io.env, homedir());
}

/** The instance that answers /health at the recorded URL (or --port); a stale instance.json counts as none. */
export async function findInstance(flags: ConfigFlags, io: CliIo): Promise<FoundInstance> {
  const dataDir = dataDirOf(flags, io);
  const recorded = flags.port !== undefined ? null : await readInstance(dataDir);
  const baseUrl = flags.port !== undefined ? `http://127.0.0.1:${flags.port}` : recorded?.baseUrl;
  if (!baseUrl) return { kind: 'none', reason: `no ${join(dataDir, DATA_FILES.instance)}` };
  if (!(await answers(baseUrl))) return { kind: 'none', reason: `nothing answers at ${baseUrl}` };
  const token = io.env.SWITCHBOARD_ADMIN_TOKEN ?? (await readFile(join(dataDir, DATA_FILES.adminToken), 'utf8').catch(() => '')).trim();
  if (!token) return { kind: 'unusable', reason: `an instance runs at ${baseUrl} but there is no admin token (set SWITCHBOARD_ADMIN_TOKEN or check ${join(dataDir, DATA_FILES.adminToken)})` };
  return { kind: 'running', client: instanceClient(baseUrl, token) };
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

export function instanceClient(baseUrl: string, token: string): InstanceClient {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    baseUrl,
    async call<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async events(onEvent, signal) {
      const response = await fetch(`${baseUrl}${ADMIN_PATHS.events}`, { headers, signal });
      if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      void (async () => {
        let buffer = '';
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf('\n\n')) !== -1) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = frame.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
              if (data) onEvent(JSON.parse(data) as GatewayEvent);
            }
          }
        } catch {
          // aborted or the instance went away: the caller notices through its own wait
        }
      })();
    },
  };
}
