// The front server on 127.0.0.1:8765: every client, the dashboard and the tray talk to this one handler.
// The /v1 POST routes are dispatched by hand before express: they are the hot path, and express's
// router costs about as much as the rest of a pass-through request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import { GatewayError, renderErrorBody } from '../../shared/errors';
import type { MigrationModel } from './migration/migration-model';
import type { Replayer } from './migration/replay';
import type { AdminModel } from './admin/admin-model-types';
import type { KeyCheck } from './http/auth';
import { allowedHostSet, forbiddenHost, isAllowedHost } from './http/host-guard';
import type { HealthInfo } from './http/info-routes';
import { lazyHandler } from './http/lazy-handler';
import type { ProxyHandler, ProxyRouteDeps } from './http/proxy-route';
import { proxyRoute } from './http/proxy-route';
import { dialectOfPath } from './http/render-error';
import { createFrontExpress } from './front-express';

export interface FrontAppDeps extends ProxyRouteDeps {
  admin: AdminModel;
  checkAdminToken: KeyCheck;
  health: () => HealthInfo;
  rendererDir: string | null;
  /** open /admin/events responses, ended on shutdown */
  eventStreams: Set<Response>;
  /** Compare: replays a logged request through the other backend */
  replayer: Replayer;
  /** the migration assistant's routes (validation, cutover, status) */
  migration: MigrationModel;
}

export type FrontHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createFrontHandler(deps: FrontAppDeps): FrontHandler {
  const { host, allowedHosts } = deps.config.switchboard;
  const allowed = allowedHostSet(host, allowedHosts);
  const messages = proxyRoute('messages', 'anthropic', deps);
  const chat = proxyRoute('chat.completions', 'openai', deps);
  // JetBrains and the OpenAI SDKs use /v1; some clients are pointed at the bare origin
  const hot = new Map<string, ProxyHandler>([
    ['/v1/messages', messages],
    ['/v1/chat/completions', chat],
    ['/chat/completions', chat],
    ['/v1/messages/count_tokens', proxyRoute('messages.count_tokens', 'anthropic', deps)],
  ]);
  // express and the routes behind it cost an idle gateway ~7 MB of RSS, and most gateways serve only
  // the hot path for hours (issue 14): loaded by the first request that needs them
  const app = lazyHandler(
    async () => {
      try {
        const { default: express } = await import('express');
        return createFrontExpress(express, deps, allowed);
      } catch (error) {
        deps.logger.error({ err: error }, 'could not load the admin and dashboard routes');
        throw error;
      }
    },
    (req, res) => {
      const error = new GatewayError('INTERNAL', 'Internal gateway error; see the Switchboard log');
      if (!res.headersSent) sendJson(res, error.status, renderErrorBody(error, dialectOfPath(pathOf(req.url))));
    },
  );
  return (req, res) => {
    if (req.method === 'POST') {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q === -1 ? url : url.slice(0, q);
      const handler = hot.get(path);
      if (handler) {
        if (!isAllowedHost(allowed, req.headers.host)) {
          sendJson(res, 403, renderErrorBody(forbiddenHost(req.headers.host ?? ''), dialectOfPath(path)));
          return;
        }
        handler(req, res, path, q === -1 ? '' : url.slice(q));
        return;
      }
    }
    app(req, res);
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function pathOf(url = '/'): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
