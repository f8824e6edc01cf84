// The parent's side of every measurement: one undici Pool (keep-alive) per target, the same request
// bytes and headers for all three, and timing from "request handed to undici" to "last byte read".
// Anything but the expected answer stops the bench: a fast error page must never pass for a fast gateway.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { BENCH_USER_AGENT, CHAT_PATH } from './payloads';

export type TargetName = 'direct' | 'bare' | 'switchboard';
export const TARGET_NAMES: readonly TargetName[] = ['direct', 'bare', 'switchboard'];

export interface Target {
  name: TargetName;
  pool: Pool;
  headers: Record<string, string>;
}

export function createTarget(name: TargetName, origin: string, key: string, connections: number): Target {
  return {
    name,
    pool: new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 120_000 }),
    // the same headers everywhere: the fake upstream ignores the key, Switchboard needs it
    headers: { 'content-type': 'application/json', 'user-agent': BENCH_USER_AGENT, authorization: `Bearer ${key}` },
  };
}

async function failure(target: Target, status: number, body: AsyncIterable<Buffer>): Promise<Error> {
  let text = '';
  for await (const chunk of body) text += chunk.toString('utf8');
  return new Error(`${target.name} answered ${status}: ${text.slice(0, 300)}`);
}

/** One non-streaming chat request; resolves with its latency in ms. */
export async function timedChat(target: Target, body: Buffer, expectedBytes: number): Promise<number> {
  const start = performance.now();
  const res = await target.pool.request({
    path: CHAT_PATH, method: 'POST', body, headers: { ...target.headers, accept: 'application/json' },
  });
  if (res.statusCode !== 200) throw await failure(target, res.statusCode, res.body);
  const bytes = (await res.body.arrayBuffer()).byteLength;
  const elapsed = performance.now() - start;
  if (bytes !== expectedBytes) throw new Error(`${target.name} answered ${bytes} bytes, expected ${expectedBytes}`);
  return elapsed;
}

/**
 * One streaming chat request; resolves with the arrival time (ms after the request left) of each of the
 * first `events` SSE events. The stream must end with `events` events plus [DONE].
 */
export async function timedStream(target: Target, body: Buffer, events: number): Promise<number[]> {
  const start = performance.now();
  const res = await target.pool.request({
    path: CHAT_PATH, method: 'POST', body, headers: { ...target.headers, accept: 'text/event-stream' },
  });
  if (res.statusCode !== 200) throw await failure(target, res.statusCode, res.body);
  const arrivals: number[] = [];
  let count = 0;
  let afterNewline = false;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    const now = performance.now() - start;
    // an event ends at a blank line; "\n\n" may straddle two chunks
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== 10) {
        afterNewline = false;
        continue;
      }
      if (!afterNewline) {
        afterNewline = true;
        continue;
      }
      afterNewline = false;
      count++;
      if (arrivals.length < events) arrivals.push(now);
    }
  }
  if (count !== events + 1) throw new Error(`${target.name} streamed ${count} events, expected ${events} and [DONE]`);
  return arrivals;
}

export async function closeTargets(targets: Target[]): Promise<void> {
  await Promise.allSettled(targets.map((t) => t.pool.close()));
}
