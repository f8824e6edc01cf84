// Known secret values go in through every door the events layer has; none may come out of any output:
// events, log records, details, JSONL lines, snapshots, process logs.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../main/core/events/fingerprint';
import { openJsonlLog, type JsonlLog } from '../../../main/core/events/jsonl-log';
import { createLogger } from '../../../main/core/events/logger';
import { GatewayError } from '../../../shared/errors';
import { captureLog } from './log-capture';
import { harness, init } from './tracker-harness';

const MASTER = 'sk-switchboard-master-5e1f0a9b3c';
const PROVIDER = 'sk-ant-api03-provider-key-77aa88bb';
const SUPERMEMORY = 'sm_live_supermemory-key-1234abcd';
const COOKIE = 'cfbm-cookie-value-0f9e8d7c6b5a';
const SECRETS = [MASTER, PROVIDER, SUPERMEMORY, COOKIE];

/** a secret and its first 10 characters (what a cut at a length cap could leave behind) */
function leaks(text: string): string[] {
  return SECRETS.flatMap((s) => [s, s.slice(0, 10)]).filter((s) => text.includes(s));
}

let dir: string;
let jsonl: JsonlLog;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-secrets-'));
  jsonl = await openJsonlLog({ dir, maxBytes: 1_000_000, files: 1 });
});

afterEach(async () => {
  await jsonl.close();
  await rm(dir, { recursive: true, force: true });
});

describe('secrets never leave the events layer', () => {
  it('are absent from events, records, details, JSONL, metrics, identities and process logs', async () => {
    const h = harness({ jsonl, secrets: SECRETS, bytes: 90 });
    const out = captureLog();
    const logger = createLogger({ level: 'debug', destination: out.stream, secrets: () => SECRETS });

    // 1: a streamed request whose every part carries secrets
    const body = Buffer.from(JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: `my key is ${PROVIDER}` }], note: `sm ${SUPERMEMORY}` }));
    const a = h.tracker.start(init({ id: 'a', path: `/v1/messages?beta=true&key=${PROVIDER}`, identity: { ...init().identity, userAgent: `claude-cli/2.0 token=${MASTER}` } }));
    a.captureRequest(
      {
        authorization: `Bearer ${MASTER}`,
        'x-api-key': MASTER,
        cookie: `__cf_bm=${COOKIE}; _cfuvid=${COOKIE}`,
        'x-custom-echo': SUPERMEMORY,
        'content-type': 'application/json',
      },
      body,
      'application/json',
    );
    a.upstreamRequest({ 'x-api-key': PROVIDER, 'x-supermemory-api-key': SUPERMEMORY, cookie: `__cf_bm=${COOKIE}`, 'x-sm-user-id': 'claude-cli' });
    a.dispatched();
    a.upstreamResponse(200, { 'set-cookie': [`__cf_bm=${COOKIE}; Path=/; HttpOnly`], 'content-type': 'text/event-stream' });
    a.responseStarted(200, { 'content-type': 'text/event-stream', 'x-echo': `Bearer ${PROVIDER}` });
    // the capture cap (90 bytes) falls inside the secret in this chunk
    a.responseChunk(`event: content_block_delta\ndata: {"delta":{"text":"the upstream says ${PROVIDER.padEnd(40, 'x')}"}}\n\n`);
    a.note(`translation note mentioning ${SUPERMEMORY}`);
    a.retry({ attempt: 1, reason: `503 from host with key ${PROVIDER}`, delayMs: 10 });
    a.finish();

    // 2: a failure whose message echoes keys (JSON-escaped and URL-encoded forms too)
    const b = h.tracker.start(init({ id: 'b' }));
    b.captureRequest({ 'x-api-key': MASTER }, Buffer.from(`{"k":${JSON.stringify(PROVIDER)}}`), 'application/json');
    b.fail(new GatewayError('UPSTREAM_ERROR', `invalid x-api-key ${PROVIDER}; cookie ${COOKIE}; url ?k=${encodeURIComponent(SUPERMEMORY)}`, { status: 401 }));

    // 3: a failure with a long message cut at the cap right inside a secret
    const c = h.tracker.start(init({ id: 'c' }));
    c.fail(new Error(`${'x'.repeat(490)}${MASTER}`));

    // process logs about the same traffic
    logger.info({ headers: { authorization: `Bearer ${MASTER}`, cookie: `__cf_bm=${COOKIE}` } }, 'incoming');
    logger.warn({ err: new Error(`upstream rejected ${PROVIDER}`), config: { supermemoryApiKey: SUPERMEMORY } }, 'upstream problem');
    logger.debug(`cookie jar now holds ${COOKIE}`);

    h.fireTimers();
    await jsonl.flush();

    const details = ['a', 'b', 'c'].map((id) => h.tracker.detail(id));
    const outputs = {
      events: JSON.stringify(h.events),
      log: JSON.stringify(h.tracker.log.list()),
      details: JSON.stringify(details),
      metrics: JSON.stringify(h.tracker.metrics.snapshot()),
      identities: JSON.stringify(h.tracker.identities.list()),
      jsonl: (await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')))).join('\n'),
      logger: out.text(),
    };
    for (const [name, text] of Object.entries(outputs) as Array<[string, string]>) expect({ name, leaks: leaks(text) }).toEqual({ name, leaks: [] });

    // the outputs are not empty: the data went through and was redacted, not dropped
    expect(outputs.jsonl.split('\n').filter(Boolean)).toHaveLength(3);
    expect(h.events.some((e) => e.type === 'metrics.updated')).toBe(true);
    expect(out.lines()).toHaveLength(3);
    const [da, db] = details;
    expect(da?.requestHeaders.authorization).toBe(`Bearer [redacted] fp:${fingerprint(MASTER)}`);
    expect(da?.requestHeaders.cookie).toBe('[redacted] (2 cookies: __cf_bm, _cfuvid)');
    expect(da?.requestHeaders['x-custom-echo']).toBe('[redacted]');
    expect(da?.upstreamRequestHeaders['x-supermemory-api-key']).toBe(`[redacted] fp:${fingerprint(SUPERMEMORY)}`);
    expect(da?.upstreamRequestHeaders['x-sm-user-id']).toBe('claude-cli');
    expect(da?.requestBody?.text).toContain('my key is [redacted]');
    expect(da?.responseBody?.truncated).toBe(true);
    expect(da?.responseBody?.text).toContain('the upstream says [redacted]');
    expect(da?.record.path).toBe('/v1/messages?beta=true&key=[redacted]');
    expect(db?.record.errorMessage).toContain('invalid x-api-key [redacted]');
    expect(db?.requestBody?.text).toBe('{"k":"[redacted]"}');
  });
});
