// The migration assistant's /admin routes (MIGRATION_PATHS): validation runs, the live plan, the cutover
// state and actions, and the status report. A thin skin over the MigrationModel, behind the admin token;
// request bodies are checked against the shared contract (shared/protocol/admin-bodies.ts). Mounted before the admin router, whose last handler answers 404.
import type { Express, NextFunction, Request, Response } from 'express';
import { GatewayError } from '../../../shared/errors';
import { emptyBody, startValidationBody } from '../../../shared/protocol/admin-bodies';
import { MIGRATION_PATHS } from '../../../shared/protocol/validation';
import type { StartValidationRequest } from '../../../shared/protocol/validation';
import type { KeyCheck } from '../http/auth';
import type { ExpressModule } from '../http/express-module';
import type { MigrationModel } from './migration-model';
import { adminTokenGuard, route, sendAdminError } from '../admin/admin-routes';
import { parseBody } from '../admin/parse-body';

export function mountMigrationRoutes(express: ExpressModule, app: Express, migration: MigrationModel, checkToken: KeyCheck): void {
  const router = express.Router();
  router.use(adminTokenGuard(checkToken));
  // parsed per route: other /admin routes pass through this router with their own limits
  const json = express.json({ limit: '4kb' });
  const rel = (path: string) => path.slice('/admin'.length);

  router.post(rel(MIGRATION_PATHS.validation), json, route(async (req, res) => {
    const request: StartValidationRequest = parseBody(startValidationBody, req.body, 'Body must be {"phase":"pre"|"post"|"all","live"?:boolean,"confirmCost"?:boolean}');
    const started = await migration.startValidation(request);
    res.status(202);
    return started;
  }));
  router.post(rel(MIGRATION_PATHS.cancelValidation), json, route((req) => {
    parseBody(emptyBody, req.body, 'Body must be {}');
    return { cancelled: migration.cancelValidation() };
  }));
  router.get(rel(MIGRATION_PATHS.livePlan), route(() => migration.livePlan()));
  router.get(rel(MIGRATION_PATHS.cutover), route(() => migration.cutover()));
  router.post(rel(MIGRATION_PATHS.makeDefault), json, route((req) => {
    parseBody(emptyBody, req.body, 'Body must be {}');
    return migration.makeDefault();
  }));
  router.post(rel(MIGRATION_PATHS.testRollback), json, route((req) => {
    parseBody(emptyBody, req.body, 'Body must be {}');
    return migration.testRollback();
  }));
  router.get(rel(MIGRATION_PATHS.status), route(() => migration.status()));
  // body-parser failures (bad JSON, over 4 KB)
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status;
    sendAdminError(res, new GatewayError(status === 413 ? 'BODY_TOO_LARGE' : 'BAD_JSON', status === 413 ? 'Admin request body too large' : 'Admin request body is not valid JSON'));
  });
  app.use('/admin', router);
}
