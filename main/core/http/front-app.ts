// The front server on 127.0.0.1:8765: every client, the dashboard and the tray talk to this one app.
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { GatewayError, renderErrorBody } from '../../../shared/errors';
import type { Dialect } from '../../../shared/protocol/records';
import { mountAdminRoutes } from '../admin/admin-routes';
import type { AdminModel } from '../admin/admin-model-types';
import type { KeyCheck } from './auth';
import { allowedHostSet, hostGuard } from './host-guard';
import type { HealthInfo } from './info-routes';
import { mountInfoRoutes } from './info-routes';
import type { ProxyRouteDeps } from './proxy-route';
import { proxyRoute } from './proxy-route';
import { mountUi } from './ui-route';

export interface FrontAppDeps extends ProxyRouteDeps {
  admin: AdminModel;
  checkAdminToken: KeyCheck;
  health: () => HealthInfo;
  rendererDir: string | null;
  /** open /admin/events responses, ended on shutdown */
  eventStreams: Set<Response>;
}

export function createFrontApp(deps: FrontAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  const { host, allowedHosts } = deps.config.switchboard;
  app.use(hostGuard(allowedHostSet(host, allowedHosts)));

  mountInfoRoutes(app, { health: deps.health, identity: deps.config.identity });

  const chat = proxyRoute('chat.completions', 'openai', deps);
  const messages = proxyRoute('messages', 'anthropic', deps);
  const countTokens = proxyRoute('messages.count_tokens', 'anthropic', deps);
  const modelsOpenAI = proxyRoute('models', 'openai', deps);
  const modelsAnthropic = proxyRoute('models', 'anthropic', deps);
  for (const prefix of ['/v1', '']) {
    // JetBrains and the OpenAI SDKs use /v1; some clients are pointed at the bare origin
    app.post(`${prefix}/chat/completions`, chat);
  }
  app.post('/v1/messages', messages);
  app.post('/v1/messages/count_tokens', countTokens);
  app.get('/v1/models', (req, res) => (req.headers['anthropic-version'] ? modelsAnthropic : modelsOpenAI)(req, res));

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

function dialectOfPath(path: string): Dialect {
  return path.startsWith('/v1/messages') ? 'anthropic' : 'openai';
}
