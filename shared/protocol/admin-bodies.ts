// The request bodies of the admin API as zod schemas: the one contract the core's /admin routes validate
// with (main/core/admin/parse-body.ts) and the dashboard's client builds its bodies from (the request
// types below are inferred from these schemas, so a change here fails the type check on both sides).
import { z } from 'zod';

/** POST /admin/mode */
export const setModeBody = z.object({ mode: z.enum(['sdk', 'binary']) });

/** POST /admin/cookies/clear: no domain clears every domain. */
export const clearCookiesBody = z.object({ domain: z.string().optional() }).optional();

/** POST /admin/identity/resolve: the headers a client would send (non-string values are ignored). */
export const resolveIdentityBody = z.object({ headers: z.record(z.string(), z.unknown()) });

/** POST /admin/identity/rules[/preview]: the rule to add to `user_id_mappings.header_patterns`. */
export const identityRuleBody = z.strictObject({
  header: z.string().trim().toLowerCase().regex(/^[a-z0-9-]{1,64}$/, 'a header name (letters, digits, dashes)'),
  pattern: z.string().min(1).max(200),
  user_id: z.string(),
});

/** POST /admin/validation */
export const startValidationBody = z.strictObject({
  phase: z.enum(['pre', 'post', 'all']),
  /** adds one tiny real request per configured model (costs tokens); needs `confirmCost: true` */
  live: z.boolean().optional(),
  confirmCost: z.boolean().optional(),
});

/** Actions without parameters: `{}` or no body. */
export const emptyBody = z.union([z.strictObject({}), z.undefined()]);

/** POST /admin/replay: anything but `confirmCost: true` is a replay the user did not agree to pay for. */
export const replayBody = z
  .object({ requestId: z.string().min(1), confirmCost: z.unknown().optional() })
  .transform((body) => ({ requestId: body.requestId, confirmCost: body.confirmCost === true }));

export type SetModeBody = z.input<typeof setModeBody>;
export type ClearCookiesBody = z.input<typeof clearCookiesBody>;
export type ResolveIdentityBody = z.input<typeof resolveIdentityBody>;
export type IdentityRuleBody = z.input<typeof identityRuleBody>;
export type StartValidationBody = z.input<typeof startValidationBody>;
export type ReplayBody = z.input<typeof replayBody>;
