// An /admin request body checked against its schema in the shared contract (shared/protocol/admin-bodies.ts);
// a body that does not fit is INVALID_REQUEST with the route's own hint and what was wrong.
import type { z } from 'zod';
import { GatewayError } from '../../../shared/errors';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown, hint: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new GatewayError('INVALID_REQUEST', `${hint} (${issues})`);
}
