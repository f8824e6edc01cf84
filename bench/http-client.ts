// The parent's side of every measurement: one undici Pool (keep-alive) per target, the same request
// bytes and headers for the three compared paths, and timing from "request handed to undici" to "last
// byte read". Anything but the expected answer stops the bench: a fast error page must never pass for a
// fast gateway. The two extra targets (a translated model, binary mode) answer in bytes of their own:
// their first answer is checked to be an OpenAI chat completion and its size is what every later one must have.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { BENCH_MODEL, BENCH_USER_AGENT, CHAT_PATH, chatRequest } from './payloads';

/** direct, bare floor, Switchboard (SDK, same dialect); then Switchboard translating, and in binary mode */
export type TargetName = 'direct' | 'bare' | 'switchboard' | 'translated' | 'binary';
export const TARGET_NAMES: readonly TargetName[] = ['direct', 'bare', 'switchboard', 'translated', 'binary'];

export interface Target {
  name: TargetName;
  pool: Pool;
  headers: Record<string, string>;
  /** the model the requests name */
  model: string;
  /** bytes of a correct answer; null until the first answer was checked */
  expectedBytes: number | null;
}

export function createTarget(name: TargetName, origin: string, key: string, connections: number, options: { model?: string; expectedBytes: number | null }): Target {
  return {
    name,
    pool: new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 120_000 }),
    // the same headers everywhere: the fake upstream ignores the key, Switchboard needs it
    headers: { 'content-type': 'application/json', 'user-agent': BENCH_USER_AGENT, authorization: `Bearer ${key}` },
    model: options.model ?? BENCH_MODEL,
    expectedBytes: options.expectedBytes,
  };
}

const bodies = new Map<string, Buffer>();

/** The chat request of about `bytes` bytes for this target's model (built once, reused). */
export function requestFor(target: Target, bytes: number, stream: boolean): Buffer {
  const key = `${target.model}:${bytes}:${stream}`;
  let body = bodies.get(key);
  if (!body) {
    body = chatRequest(bytes, stream, target.model);
    bodies.set(key, body);
  }
  return body;
}

function checkFirstAnswer(target: Target, data: ArrayBuffer): void {
  let parsed: { object?: unknown; choices?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(data).toString('utf8')) as typeof parsed;
  } catch {
    throw new Error(`${target.name} answered 200 with a body that is not JSON`);
  }
  if (parsed.object !== 'chat.completion' || !Array.isArray(parsed.choices)) {
    throw new Error(`${target.name} answered 200 with something other than a chat completion`);
  }
  target.expectedBytes = data.byteLength;
}

async function failure(target: Target, status: number, body: AsyncIterable<Buffer>): Promise<Error> {
  let text = '';
  for await (const chunk of body) text += chunk.toString('utf8');
  return new Error(`${target.name} answered ${status}: ${text.slice(0, 300)}`);
}

/** One non-streaming chat request; resolves with its latency in ms. */
export async function timedChat(target: Target, body: Buffer): Promise<number> {
  const start = performance.now();
  const res = await target.pool.request({
    path: CHAT_PATH, method: 'POST', body, headers: { ...target.headers, accept: 'application/json' },
  });
  if (res.statusCode !== 200) throw await failure(target, res.statusCode, res.body);
  const data = await res.body.arrayBuffer();
  const elapsed = performance.now() - start;
  if (target.expectedBytes === null) checkFirstAnswer(target, data);
  if (data.byteLength !== target.expectedBytes) throw new Error(`${target.name} answered ${data.byteLength} bytes, expected ${target.expectedBytes}`);
  return elapsed;
}

/** Sends until the target answers 200 (binary mode's LiteLLM child may still be starting), at most `timeoutMs`. */
export async function waitUntilServing(target: Target, body: Buffer, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const res = await target.pool.request({ path: CHAT_PATH, method: 'POST', body, headers: { ...target.headers, accept: 'application/json' } });
    const text = await res.body.text();
    if (res.statusCode === 200) return;
    if (performance.now() > deadline) throw new Error(`${target.name} still answers ${res.statusCode} after ${timeoutMs} ms: ${text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
