// The express app behind the front handler: every route but the hot /v1 POSTs (info, /v1/models, admin,
// migration, dashboard). It receives the express module instead of importing it, because front-app.ts
// loads express only when the first such request comes (see http/express-module.ts).
import type { NextFunction, Request, Response } from 'express';
import { GatewayError, renderErrorBody } from '../../shared/errors';
import { mountAdminRoutes } from './admin/admin-routes';
import { mountIdentityRuleRoutes } from './admin/identity-rule-routes';
import { mountReplayRoutes } from './migration/replay-routes';
import { mountMigrationRoutes } from './migration/migration-routes';
import type { ExpressModule } from './http/express-module';
import { hostGuard } from './http/host-guard';
import { mountInfoRoutes } from './http/info-routes';
import type { NodeHandler } from './http/lazy-handler';
import { proxyRoute } from './http/proxy-route';
import { dialectOfPath } from './http/render-error';
import { mountUi } from './http/ui-route';
import type { FrontAppDeps } from './front-app';

export function createFrontExpress(express: ExpressModule, deps: FrontAppDeps, allowed: Set<string>): NodeHandler {
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

  mountReplayRoutes(express, app, deps.replayer, deps.checkAdminToken);
  mountMigrationRoutes(express, app, deps.migration, deps.checkAdminToken);
  mountIdentityRuleRoutes(express, app, deps.config, deps.checkAdminToken);
  mountAdminRoutes(express, app, deps.admin, deps.checkAdminToken, deps.eventStreams);
  mountUi(express, app, deps.rendererDir);

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
