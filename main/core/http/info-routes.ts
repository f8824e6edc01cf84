// Unauthenticated routes the system we replace had too: HEAD / (Claude Code's probe), /health and
// /memory-routing/info. None of them echoes a secret.
import type { Express, Request, Response } from 'express';
import { GatewayError, renderErrorBody } from '../../../shared/errors';
import { resolveIdentity, toRoutingInfo } from '../clients/identity';
import type { IdentityConfig } from '../config/types';

export interface HealthInfo {
  status: 'healthy';
  mode: string;
  backend: string;
  models_configured: number;
  uptime_s: number;
  cookie_count: number;
  version: string;
}

export function mountInfoRoutes(app: Express, deps: { health: () => HealthInfo; identity: IdentityConfig }): void {
  app.head('/', (_req, res) => {
    res.status(200).end();
  });
  app.get('/', (_req, res) => {
    res.json({ name: 'switchboard', dashboard: '/ui/', health: '/health' });
  });
  app.get('/health', (_req, res) => {
    res.json(deps.health());
  });
  app.get('/memory-routing/info', (req: Request, res: Response) => {
    try {
      res.json(toRoutingInfo(resolveIdentity(req.headers, deps.identity)));
    } catch (error) {
      const e = error instanceof GatewayError ? error : new GatewayError('INTERNAL', 'Could not resolve the identity');
      res.status(e.status).json(renderErrorBody(e, 'openai'));
    }
  });
}
