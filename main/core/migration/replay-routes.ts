// POST /admin/replay: a thin HTTP skin over the replayer (Compare in the dashboard), behind the admin
// token like every /admin route. Mounted before the admin router, whose last handler answers NOT_FOUND.
import type { Express, NextFunction, Request, Response } from 'express';
import { GatewayError } from '../../../shared/errors';
import { replayBody } from '../../../shared/protocol/admin-bodies';
import { MIGRATION_PATHS } from '../../../shared/protocol/validation';
import type { KeyCheck } from '../http/auth';
import type { ExpressModule } from '../http/express-module';
import type { Replayer } from './replay';
import { adminTokenGuard, route, sendAdminError } from '../admin/admin-routes';
import { parseBody } from '../admin/parse-body';

export function mountReplayRoutes(express: ExpressModule, app: Express, replayer: Replayer, checkToken: KeyCheck): void {
  app.post(
    MIGRATION_PATHS.replay,
    adminTokenGuard(checkToken),
    express.json({ limit: '4kb' }),
    route((req) => replayer.replay(parseBody(replayBody, req.body, 'Body must be {"requestId":"<id from the log>","confirmCost":true}'))),
    // body-parser failures land here, answered like the other admin routes'
    (_error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      sendAdminError(res, new GatewayError('BAD_JSON', 'Admin request body is not valid JSON (or over 4 KB)'));
    },
  );
}
