// Shared pieces of the upstream integration tests: config, a jar in a temp dir, a sleep that records
// instead of waiting, and tiny local HTTP servers.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UpstreamConfig } from '../../../main/core/config/types';
import { openCookieJar } from '../../../main/core/upstream/cookie-jar';
import type { CookieJarStore } from '../../../main/core/upstream/types';

export function upstreamConfig(overrides: Partial<UpstreamConfig> = {}): UpstreamConfig {
  return {
    connectTimeoutMs: 5000,
    headersTimeoutMs: 10_000,
    bodyTimeoutMs: 10_000,
    keepAliveTimeoutMs: 4000,
    maxConcurrencyPerUpstream: 16,
    retries: 2,
    retryBaseDelayMs: 100,
    maxRetryAfterMs: 30_000,
    maxSseEventBytes: 1024 * 1024,
    ...overrides,
  };
}

export interface TempJar {
  file: string;
  jar: CookieJarStore;
  reopen(): Promise<CookieJarStore>;
  remove(): Promise<void>;
}

export async function tempJar(): Promise<TempJar> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-upstream-'));
  const file = join(dir, 'cookies.json');
  return {
    file,
    jar: await openCookieJar({ file }),
    reopen: () => openCookieJar({ file }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** a sleep that returns at once and remembers what it was asked to wait */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

export interface LocalServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(handler: RequestListener, port = 0): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** a port nobody listens on (bound once, then released) */
export async function closedPort(): Promise<number> {
  const probe = await startServer((_req, res) => res.end());
  await probe.close();
  return probe.port;
}

export async function collect(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of body) text += chunk.toString('utf8');
  return text;
}
