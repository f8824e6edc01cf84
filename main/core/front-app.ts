// The front server on 127.0.0.1:8765: every client, the dashboard and the tray talk to this one handler.
// The /v1 POST routes are dispatched by hand before express: they are the hot path, and express's
// router costs about as much as the rest of a pass-through request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { GatewayError, renderErrorBody } from '../../shared/errors';
import type { Dialect } from '../../shared/protocol/records';
import { mountAdminRoutes } from './admin/admin-routes';
import { mountIdentityRuleRoutes } from './admin/identity-rule-routes';
import { mountReplayRoutes } from './migration/replay-routes';
import { mountMigrationRoutes } from './migration/migration-routes';
import type { MigrationModel } from './migration/migration-model';
import type { Replayer } from './migration/replay';
import type { AdminModel } from './admin/admin-model-types';
import type { KeyCheck } from './http/auth';
import { allowedHostSet, forbiddenHost, hostGuard, isAllowedHost } from './http/host-guard';
import type { HealthInfo } from './http/info-routes';
import { mountInfoRoutes } from './http/info-routes';
import type { ProxyHandler, ProxyRouteDeps } from './http/proxy-route';
import { proxyRoute } from './http/proxy-route';
import { mountUi } from './http/ui-route';

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
  const app = createExpressApp(deps, allowed);
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

function createExpressApp(deps: FrontAppDeps, allowed: Set<string>): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(hostGuard(allowed));

  mountInfoRoutes(app, { health: deps.health, identity: deps.config.identity });
  const modelsOpenAI = proxyRoute('models', 'openai', deps);
  const modelsAnthropic = proxyRoute('models', 'anthropic', deps);
  app.get('/v1/models', (req, res) => {
    const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    (req.headers['anthropic-version'] ? modelsAnthropic : modelsOpenAI)(req, res, req.path, search);
  });

  mountReplayRoutes(app, deps.replayer, deps.checkAdminToken);
  mountMigrationRoutes(app, deps.migration, deps.checkAdminToken);
  mountIdentityRuleRoutes(app, deps.config, deps.checkAdminToken);
  mountAdminRoutes(app, deps.admin, deps.checkAdminToken, deps.eventStreams);
  mountUi(app, deps.rendererDir);

  app.use((req: Request, res: Response) => {
    const error = new GatewayError('NOT_FOUND', `No route for ${req.method} ${req.path}`);
    res.status(404).json(renderErrorBody(error, dialectOfPath(req.path)));
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    const gatewayError = status === 404
      ? new GatewayError('NOT_FOUND', `No route for ${req.method} ${req.path}`)
      : new GatewayError('INTERNAL', 'Internal gateway error; see the Switchboard log');
    if (status !== 404) deps.logger.error({ err: error }, 'unhandled error');
    if (!res.headersSent) res.status(gatewayError.status).json(renderErrorBody(gatewayError, dialectOfPath(req.path)));
  });
  return app;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function dialectOfPath(path: string): Dialect {
  return path.startsWith('/v1/messages') ? 'anthropic' : 'openai';
}
