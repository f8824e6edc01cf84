// The probe upstream: a loopback-only stand-in for a provider (and for the Supermemory router) that the
// migration assistant points a temporary model set at. It answers both dialects, stream and not, offers a
// tool call, hands out a Cloudflare-like cookie pair (`__cf_bm`, `_cfuvid`) and records what each request
// carried, so identities, cookies and framing can be checked end to end without spending tokens.
// Cookie values and keys are never recorded: only names and fingerprints.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dialect } from '../../../shared/protocol/records';
import { fingerprint } from '../events/fingerprint';
import { IDENTITY_HEADER, SUPERMEMORY_KEY_HEADER } from '../providers/upstream-headers';
import { anthropicMessage, anthropicStream, decideAnswer, errorBody, openaiCompletion, openaiStream } from './probe-replies';
import type { ProbeTurn } from './probe-replies';

export const PROBE_COOKIE_NAMES = ['__cf_bm', '_cfuvid'] as const;
const MARKER = /probe:[\w.-]+/;

/** What one request to the probe carried. */
export interface ProbeHit {
  at: number;
  path: string;
  dialect: Dialect | null;
  /** `probe:<id>` found in the messages, so a check finds the request it sent */
  marker: string | null;
  stream: boolean;
  identity: string | null;
  supermemoryKeyFingerprint: string | null;
  cookieNames: string[];
  /** both probe cookies came back with the values the probe handed out */
  cookiesReturned: boolean;
}

export interface ProbeUpstream {
  url: string;
  hits(): ProbeHit[];
  /** the newest hit whose marker is `marker` */
  hitFor(marker: string): ProbeHit | null;
  close(): Promise<void>;
}

export async function startProbeUpstream(now: () => number = Date.now): Promise<ProbeUpstream> {
  const cookieValues = { __cf_bm: randomBytes(16).toString('hex'), _cfuvid: randomBytes(16).toString('hex') };
  const hits: ProbeHit[] = [];
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://probe').pathname;
    const text = await readText(req);
    const cookies = parseCookies(req.headers.cookie);
    const cookiesReturned = PROBE_COOKIE_NAMES.every((name) => cookies.get(name) === cookieValues[name]);
    if (!cookiesReturned) {
      // like Cloudflare: a bot-management cookie with a lifetime and a session cookie
      res.setHeader('set-cookie', [`__cf_bm=${cookieValues.__cf_bm}; Path=/; Max-Age=1800; HttpOnly`, `_cfuvid=${cookieValues._cfuvid}; Path=/; HttpOnly`]);
    }
    if (req.method === 'GET' && path.endsWith('/models')) {
      return sendJson(res, 200, { object: 'list', data: [{ id: 'probe-model', object: 'model', created: 0, owned_by: 'probe' }] });
    }
    const dialect: Dialect | null = path.endsWith('/chat/completions') ? 'openai' : /\/messages(\/count_tokens)?$/.test(path) ? 'anthropic' : null;
    const body = parseBody(text);
    if (!body) return sendJson(res, 400, errorBody(dialect ?? 'openai'));
    const marker = JSON.stringify(body.messages ?? '').match(MARKER)?.[0] ?? null;
    const supermemoryKey = header(req, SUPERMEMORY_KEY_HEADER);
    hits.push({
      at: now(),
      path,
      dialect,
      marker,
      stream: body.stream === true,
      identity: header(req, IDENTITY_HEADER),
      supermemoryKeyFingerprint: supermemoryKey ? fingerprint(supermemoryKey) : null,
      cookieNames: [...cookies.keys()],
      cookiesReturned,
    });
    if (req.method !== 'POST' || !dialect) return sendJson(res, 404, errorBody('openai'));
    if (path.endsWith('/count_tokens')) return sendJson(res, 200, { input_tokens: 12 });
    const turn = readTurn(dialect, body, marker ?? 'probe:unmarked');
    const answer = decideAnswer(turn);
    if (answer.kind === 'error') return sendJson(res, 400, errorBody(dialect));
    if (body.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const frames = dialect === 'anthropic' ? anthropicStream(turn, answer) : openaiStream(turn, answer);
      for (const frame of frames) res.write(frame);
      res.end();
      return;
    }
    sendJson(res, 200, dialect === 'anthropic' ? anthropicMessage(turn, answer) : openaiCompletion(turn, answer));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // loopback only: the probe must never be reachable from another machine
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => [...hits],
    hitFor: (marker) => [...hits].reverse().find((hit) => hit.marker === marker) ?? null,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function readTurn(dialect: Dialect, body: Record<string, unknown>, marker: string): ProbeTurn {
  const messages = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown>>) : [];
  const last = messages[messages.length - 1] ?? {};
  const tools = Array.isArray(body.tools) ? (body.tools as Array<Record<string, unknown>>) : [];
  const firstTool = tools[0];
  const toolName = firstTool
    ? dialect === 'anthropic'
      ? String(firstTool.name ?? 'tool')
      : String((firstTool.function as Record<string, unknown> | undefined)?.name ?? 'tool')
    : null;
  const streamOptions = body.stream_options as Record<string, unknown> | undefined;
  return {
    dialect,
    model: typeof body.model === 'string' ? body.model : 'probe-model',
    marker,
    toolName,
    toolResult: toolResultText(dialect, last),
    includeUsage: streamOptions?.include_usage === true,
  };
}

function toolResultText(dialect: Dialect, last: Record<string, unknown>): string | null {
  if (dialect === 'openai') return last.role === 'tool' ? contentText(last.content) : null;
  if (!Array.isArray(last.content)) return null;
  const block = (last.content as Array<Record<string, unknown>>).find((b) => b.type === 'tool_result');
  return block ? contentText(block.content) : null;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'object' && part !== null ? String((part as { text?: unknown }).text ?? '') : '')).join('');
  return '';
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function parseCookies(raw: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (raw ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return out;
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function parseBody(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
