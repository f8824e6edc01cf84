// /admin/*: a thin HTTP skin over the admin model, behind the admin token.
import type { Express, NextFunction, Request, Response } from 'express';
import { GatewayError, isGatewayError } from '../../../shared/errors';
import { ADMIN_PATHS } from '../../../shared/protocol/admin-api';
import { clearCookiesBody, resolveIdentityBody, setModeBody } from '../../../shared/protocol/admin-bodies';
import { normalizeHeaders } from '../clients/identity';
import { bearerToken } from '../http/auth';
import type { KeyCheck } from '../http/auth';
import type { ExpressModule } from '../http/express-module';
import type { AdminModel } from './admin-model-types';
import { createEventFormatter, streamEvents } from './event-stream';
import { parseBody } from './parse-body';

export function sendAdminError(res: Response, error: GatewayError): void {
  res.status(error.status).json({ error: { code: error.code, message: error.message } });
}

export function route(handler: (req: Request, res: Response) => unknown | Promise<unknown>) {
  return async (req: Request, res: Response) => {
    try {
      const result = await handler(req, res);
      if (result !== undefined && !res.headersSent) res.json(result);
    } catch (error) {
      sendAdminError(res, isGatewayError(error) ? error : new GatewayError('INTERNAL', 'Admin action failed'));
    }
  };
}

/** Every /admin route, wherever it is mounted, answers only to the admin token. */
export function adminTokenGuard(checkToken: KeyCheck) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (checkToken(bearerToken(req.headers))) return next();
    sendAdminError(res, new GatewayError('ADMIN_UNAUTHORIZED', 'Missing or wrong admin token (Authorization: Bearer <admin token>)'));
  };
}

export function mountAdminRoutes(express: ExpressModule, app: Express, admin: AdminModel, checkToken: KeyCheck, openStreams: Set<Response>): void {
  const requireToken = adminTokenGuard(checkToken);
  const router = express.Router();
  router.use(requireToken);
  router.use(express.json({ limit: '64kb' }));
  const format = createEventFormatter();
  const rel = (path: string) => path.slice('/admin'.length);

  router.get(rel(ADMIN_PATHS.snapshot), route(() => admin.snapshot()));
  router.get(rel(ADMIN_PATHS.events), streamEvents(admin, format, openStreams));
  router.get(`${rel(ADMIN_PATHS.request)}:id`, route((req) => {
    const detail = admin.requestDetail(String(req.params.id));
    if (!detail) throw new GatewayError('NOT_FOUND', 'No such request (details are kept for the most recent requests only)');
    return detail;
  }));
  router.post(rel(ADMIN_PATHS.clearLog), route(() => {
    admin.clearLog();
    return { ok: true };
  }));
  router.post(rel(ADMIN_PATHS.mode), route(async (req, res) => {
    const { mode } = parseBody(setModeBody, req.body, 'Body must be {"mode":"sdk"} or {"mode":"binary"}');
    const result = await admin.setMode(mode);
    res.status(result.ok ? 200 : 409);
    return result;
  }));
  router.post(rel(ADMIN_PATHS.rollback), route(async (_req, res) => {
    const result = await admin.rollback();
    res.status(result.ok ? 200 : 409);
    return result;
  }));
  router.post(rel(ADMIN_PATHS.clearCookies), route((req) => {
    const body = parseBody(clearCookiesBody, req.body, 'Body must be {} or {"domain":"<domain>"}');
    return admin.clearCookies(body?.domain);
  }));
  router.post(rel(ADMIN_PATHS.resolveIdentity), route((req) => {
    const { headers } = parseBody(resolveIdentityBody, req.body, 'Body must be {"headers":{...}}');
    return admin.resolveIdentity(normalizeHeaders(headers));
  }));
  router.get(rel(ADMIN_PATHS.revealKey), route((_req, res) => {
    res.setHeader('cache-control', 'no-store');
    return { key: admin.revealKey() };
  }));
  router.post(rel(ADMIN_PATHS.pause), route(() => admin.pause()));
  router.post(rel(ADMIN_PATHS.resume), route(() => admin.resume()));
  router.use((_req: Request, res: Response) => sendAdminError(res, new GatewayError('NOT_FOUND', 'No such admin route')));
  // body-parser failures (bad JSON, over 64 KB) arrive here
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    sendAdminError(res, new GatewayError(status === 413 ? 'BODY_TOO_LARGE' : 'BAD_JSON', status === 413 ? 'Admin request body too large' : 'Admin request body is not valid JSON'));
  });
  app.use('/admin', router);
}
