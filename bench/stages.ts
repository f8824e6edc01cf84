// The per-stage profile: each stage of Switchboard's request path timed on its own, in this process,
// with the gateway's own modules and a config like the bench's. µs per stage (wall time of a tight
// loop; network stages: CPU of this process per request, client side only). It answers "which part
// of the request path costs what", which the end-to-end figures cannot.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { Agent } from 'undici';
import { resolveIdentity } from '../main/core/clients/identity';
import { loadConfig } from '../main/core/config';
import { findModel } from '../main/core/config/model-lookup';
import { createEventBus } from '../main/core/events/event-bus';
import { createIdentityStats } from '../main/core/events/identity-stats';
import * as history from '../main/core/events/jsonl-history';
import { createMetrics } from '../main/core/events/metrics';
import { createRequestCaptures } from '../main/core/events/request-captures';
import { createRequestLog } from '../main/core/events/request-log';
import { createRequestTracker } from '../main/core/events/request-trace';
import { hasValidKey, keyChecker } from '../main/core/http/auth';
import { parseJsonObject, readBody } from '../main/core/http/read-body';
import { passBackHeaders } from '../main/core/providers/upstream-headers';
import { usageFromBody } from '../main/core/providers/usage';
import { prepareBody } from '../main/core/backends/sdk/prepare-body';
import { upstreamTarget } from '../main/core/backends/sdk/upstream-target';
import { openaiRequestToAnthropic, anthropicResponseToOpenai } from '../main/core/translate';
import { ANTHROPIC_MESSAGE, BENCH_ANTHROPIC_MODEL, BENCH_MODEL, BENCH_USER_AGENT, CHAT_PATH, COMPLETION, chatRequest } from './payloads';
import { seedHistory } from './history-seed';
import { benchConfigYaml } from './switchboard-process';

export interface StageResult {
  label: string;
  us: number;
  note?: string;
}

/** Reloading the request log at start, as the gateway does before it listens. */
export interface ReplayResult {
  records: number;
  ms: number;
  /** event-loop delay meanwhile (1 ms sampling interval included) */
  eldP99Ms: number;
  eldMaxMs: number;
}

/**
 * The start-up replay of a `records`-record request log with the gateway's own functions (read, parse,
 * then log, metrics and identity stats), with the event-loop delay measured around it. Here, unlike in
 * the Switchboard process, nothing else (module loading) shares the window.
 */
export async function measureReplay(records: number): Promise<ReplayResult> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-replay-'));
  try {
    await seedHistory(dir, records, Date.now());
    const sinks = { log: createRequestLog(5000), metrics: createMetrics(Date.now), identities: createIdentityStats() };
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const start = performance.now();
    const loaded = await history.loadJsonlHistory(dir, 5000, 3);
    // older builds replayed in the composition root with a plain loop; the same loop stands in for them
    const replay = (history as { replayHistory?: (r: typeof loaded.records, s: typeof sinks) => Promise<void> }).replayHistory;
    if (replay) await replay(loaded.records, sinks);
    else for (const record of loaded.records) {
      sinks.log.upsert(record);
      sinks.metrics.record(record);
      sinks.identities.record(record);
    }
    const ms = performance.now() - start;
    // one more turn, so a block that ended the work is sampled too
    await new Promise((resolve) => setTimeout(resolve, 5));
    delay.disable();
    return { records: loaded.records.length, ms, eldP99Ms: delay.percentile(99) / 1e6, eldMaxMs: delay.max / 1e6 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function timeSync(label: string, iterations: number, fn: (i: number) => unknown, note?: string): StageResult {
  for (let i = 0; i < Math.max(200, iterations / 10); i++) fn(i);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const us = ((performance.now() - start) * 1000) / iterations;
  return note ? { label, us, note } : { label, us };
}

async function timeAsync(label: string, iterations: number, fn: (i: number) => Promise<unknown>, cpu: boolean, note?: string): Promise<StageResult> {
  for (let i = 0; i < Math.max(100, iterations / 10); i++) await fn(i);
  const wall = performance.now();
  const used = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await fn(i);
  const spent = process.cpuUsage(used);
  const us = cpu ? (spent.user + spent.system) / iterations : ((performance.now() - wall) * 1000) / iterations;
  return note ? { label, us, note } : { label, us };
}

const HEADERS = {
  host: '127.0.0.1:8765', 'content-type': 'application/json', 'user-agent': BENCH_USER_AGENT,
  authorization: 'Bearer sk-sb-bench-stages-key', accept: 'application/json', 'content-length': '1024',
};

export async function runStages(iterations: number, upstreamPort: number | null): Promise<StageResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-stages-'));
  try {
    const file = join(dir, 'config.yaml');
    await writeFile(file, benchConfigYaml(upstreamPort ?? 9, 'sdk', null));
    const config = await loadConfig({
      flags: { config: file, dataDir: dir },
      env: { SWITCHBOARD_MASTER_KEY: 'sk-sb-bench-stages-key', SWITCHBOARD_ADMIN_TOKEN: 'sb-bench-admin-stages' },
      platform: process.platform,
      homeDir: dir,
    });
    return await measureStages(config, iterations, upstreamPort);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureStages(config: Awaited<ReturnType<typeof loadConfig>>, n: number, upstreamPort: number | null): Promise<StageResult[]> {
  const out: StageResult[] = [];
  const small = chatRequest(1024, false);
  const large = chatRequest(100 * 1024, false);
  const check = keyChecker(config.masterKey);

  const incoming = () => Object.assign(Readable.from([small], { objectMode: false }), { headers: { 'content-length': String(small.length) } });
  out.push(await timeAsync('body read, 1 KB (one chunk, stream stand-in)', n, () => readBody(incoming() as unknown as IncomingMessage, 1 << 25), false));
  out.push(timeSync('auth (master key, constant time)', n, () => hasValidKey(HEADERS, check)));
  out.push(timeSync('identity (User-Agent patterns)', n, () => resolveIdentity(HEADERS, config.identity)));
  out.push(timeSync('JSON.parse request, 1 KB', n, () => parseJsonObject(small)));
  out.push(timeSync('JSON.parse request, 100 KB', Math.max(200, n / 20), () => parseJsonObject(large)));
  out.push(timeSync('model lookup', n, () => findModel(config.models, BENCH_MODEL)));
  const body = parseJsonObject(small);
  const found = findModel(config.models, BENCH_MODEL)!;
  const model = { config: found.config, requestedName: BENCH_MODEL, providerModel: found.providerModel };
  const identity = resolveIdentity(HEADERS, config.identity);
  out.push(timeSync('prepare body (unchanged: raw bytes go up)', n, () => prepareBody(body, 'openai', model, () => undefined)));
  out.push(timeSync('upstream target and headers', n, () => upstreamTarget({
    model: model.config, endpoint: 'chat.completions', identity: identity.userId, stream: false, userAgent: 'switchboard/bench',
    supermemoryApiKey: null, clientHeaders: HEADERS, search: '',
  })));

  const bus = createEventBus(Date.now);
  const tracker = createRequestTracker({
    bus, log: createRequestLog(5000), captures: createRequestCaptures({ entries: 200, bytes: 65536 }), jsonl: null,
    metrics: createMetrics(Date.now), identities: createIdentityStats(), now: Date.now, hrNow: () => performance.now(),
    fingerprint: () => 'fp', secrets: () => ['sk-bench-provider-key-not-secret'],
  });
  const upstreamHeaders = { 'content-type': 'application/json', 'content-length': String(COMPLETION.length), 'x-request-id': 'req_1' };
  let seq = 0;
  const traceOnce = () => {
    const trace = tracker.start({
      id: `stage-${seq++}`, method: 'POST', path: CHAT_PATH, endpoint: 'chat.completions', dialect: 'openai', stream: false,
      identity, backend: 'sdk', bytesIn: small.length, model: BENCH_MODEL,
    });
    trace.captureRequest(HEADERS, small, 'application/json');
    trace.setModel({ model: BENCH_MODEL, providerModel: BENCH_MODEL, provider: 'openai', upstreamHost: '127.0.0.1', translated: false });
    trace.dispatched();
    trace.upstreamRequest({ 'content-type': 'application/json' });
    trace.upstreamResponse(200, upstreamHeaders);
    trace.responseStarted(200, { 'content-type': 'application/json' });
    trace.responseChunk(COMPLETION);
    trace.usage({ input: 250, output: 9 });
    trace.finish();
  };
  out.push(timeSync('trace + log + metrics + identities (no dashboard)', n, traceOnce));
  const stop = bus.on(() => undefined);
  out.push(timeSync('the same with a dashboard listening (events, copies)', n, traceOnce));
  stop();
  const record = tracker.log.list().at(-1)!;
  out.push(timeSync('log record to a JSONL line (JSON.stringify, batched later)', n, () => JSON.stringify(record)));
  out.push(timeSync('response usage (JSON.parse of the answer)', n, () => usageFromBody('openai', JSON.parse(COMPLETION.toString('utf8')))));
  out.push(timeSync('pass-back headers', n, () => passBackHeaders(upstreamHeaders)));

  const anthropicModel = findModel(config.models, BENCH_ANTHROPIC_MODEL)!;
  const notes = { push: () => undefined };
  out.push(timeSync('translate request OpenAI → Anthropic, 1 KB', n, () => openaiRequestToAnthropic(body, {
    providerModel: anthropicModel.providerModel, providerPrefix: 'anthropic', defaultMaxTokens: 4096, notes,
  })));
  out.push(timeSync('translate answer Anthropic → OpenAI (parse + map + stringify)', n, () => JSON.stringify(anthropicResponseToOpenai(
    JSON.parse(ANTHROPIC_MESSAGE.toString('utf8')) as Record<string, unknown>, { requestedModel: BENCH_ANTHROPIC_MODEL, notes, created: 1 },
  ))));

  if (upstreamPort !== null) {
    const origin = `http://127.0.0.1:${upstreamPort}`;
    const agent = new Agent({ pipelining: 1 });
    const headers = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'switchboard/bench', 'x-sm-user-id': 'pycharm-ai' };
    out.push(await timeAsync('undici request + answer, 1 KB (client CPU)', Math.max(500, n / 10), async () => {
      const res = await agent.request({ origin, path: CHAT_PATH, method: 'POST', headers, body: small });
      await res.body.arrayBuffer();
    }, true, 'what the SDK backend uses'));
    await agent.close();
    const httpAgent = new HttpAgent({ keepAlive: true });
    out.push(await timeAsync('node:http request + answer, 1 KB (client CPU)', Math.max(500, n / 10), () => new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: upstreamPort, method: 'POST', path: CHAT_PATH, agent: httpAgent, headers: { ...headers, 'content-length': String(small.length) } }, (res) => {
        res.on('data', () => undefined);
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(small);
    }), true, "what the bare floor's client uses"));
    httpAgent.destroy();
  }
  tracker.close();
  return out;
}
