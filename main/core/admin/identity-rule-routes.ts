// POST /admin/identity/rules/preview and /admin/identity/rules: the rule that catches a client app which
// lands on the default identity, previewed as the change to the user's config file and then written.
// The file is edited as a YAML document (the `yaml` package's Document API), so its comments, key order
// and layout stay as the user wrote them; the running gateway uses the rule at once.
import { readFile } from 'node:fs/promises';
import type { Express } from 'express';
import { isMap, isSeq, parseDocument, stringify, type Document } from 'yaml';
import { GatewayError } from '../../../shared/errors';
import { identityRuleBody } from '../../../shared/protocol/admin-bodies';
import { ADMIN_PATHS, type IdentityRulePreview, type IdentityRuleResult } from '../../../shared/protocol/admin-api';
import type { HeaderPattern } from '../../../shared/protocol/records';
import { writeFileAtomic } from '../atomic-file';
import { isValidIdentity } from '../config/identity-value';
import { compilePattern } from '../config/build-identity';
import { KNOWN_CLIENT_PATTERNS } from '../config/known-clients';
import type { GatewayConfig } from '../config/types';
import type { KeyCheck } from '../http/auth';
import type { ExpressModule } from '../http/express-module';
import { identityRulesOf } from './admin-model';
import { adminTokenGuard, route } from './admin-routes';

/** The shared contract's rule, plus the checks only the core can make (the pattern compiles, the identity is valid). */
export const IdentityRuleBody = identityRuleBody.superRefine((rule, ctx) => {
  if (typeof compilePattern(rule.pattern) === 'string') ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'a valid regular expression' });
  if (!isValidIdentity(rule.user_id)) ctx.addIssue({ code: 'custom', path: ['user_id'], message: 'an identity: 1-128 printable ASCII characters, no surrounding spaces' });
});

function parseRule(body: unknown): HeaderPattern {
  const parsed = IdentityRuleBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GatewayError('INVALID_REQUEST', `Body must be {"header","pattern","user_id"}: ${issue ? `${issue.path.join('.') || 'body'} must be ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}

/**
 * The file with the rule appended to `user_id_mappings.header_patterns`. When that is a block list the
 * rule's lines are inserted as text after its last item, in the list's own indentation, so nothing else
 * in the file moves (the Document's own printer would re-space comments); otherwise (no section, a flow
 * list) the Document is changed and printed. A missing section is created with the built-in rules it
 * stood for, so the clients they caught stay caught.
 */
export function addRuleToText(text: string, rule: HeaderPattern): string {
  const doc = parseDocument(text);
  const mappings = doc.get('user_id_mappings');
  const patterns = isMap(mappings) ? mappings.get('header_patterns', true) : null;
  if (isSeq(patterns) && !patterns.flow && patterns.items.length > 0) {
    const first = patterns.items[0] as { range?: [number, number, number] };
    const last = patterns.items[patterns.items.length - 1] as { range?: [number, number, number] };
    if (first.range && last.range) {
      const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
      const prefix = text.slice(lineStart, first.range[0]);
      if (/^\s*-\s+$/.test(prefix)) {
        const more = ' '.repeat(prefix.length);
        const scalar = (value: string) => stringify(value).trimEnd();
        const lines = `${prefix}header: ${scalar(rule.header)}\n${more}pattern: ${scalar(rule.pattern)}\n${more}user_id: ${scalar(rule.user_id)}\n`;
        const eol = text.indexOf('\n', last.range[1] - 1);
        const at = eol === -1 ? text.length : eol + 1;
        const joined = eol === -1 ? `${text}\n${lines}` : text.slice(0, at) + lines + text.slice(at);
        if (rulesIn(joined).some((r) => r.header === rule.header && r.pattern === rule.pattern && r.user_id === rule.user_id)) return joined;
      }
    }
  }
  addRuleToDocument(doc, rule);
  return doc.toString();
}

function rulesIn(text: string): HeaderPattern[] {
  const value = parseDocument(text).toJS() as { user_id_mappings?: { header_patterns?: HeaderPattern[] } } | null;
  return value?.user_id_mappings?.header_patterns ?? [];
}

/** Appends the rule through the Document API (the fallback of addRuleToText). Appends the rule to `user_id_mappings.header_patterns`, creating the section (with the built-in rules it replaces) when missing. */
export function addRuleToDocument(doc: Document, rule: HeaderPattern): void {
  const mappings = doc.get('user_id_mappings');
  if (!isMap(mappings)) {
    // a file without the section gets the known clients' rules; written out, it must keep them
    doc.set('user_id_mappings', doc.createNode({ header_patterns: [...KNOWN_CLIENT_PATTERNS.map((p) => ({ ...p })), rule] }));
    return;
  }
  const patterns = mappings.get('header_patterns');
  if (isSeq(patterns)) patterns.add(doc.createNode({ ...rule }));
  else mappings.set('header_patterns', doc.createNode([{ ...rule }]));
}

/** The changed region of `after` against `before`, with two lines of context. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let top = 0;
  while (top < a.length && top < b.length && a[top] === b[top]) top++;
  let bottom = 0;
  while (bottom < a.length - top && bottom < b.length - top && a[a.length - 1 - bottom] === b[b.length - 1 - bottom]) bottom++;
  const from = Math.max(0, top - 2);
  const out: string[] = [];
  for (let i = from; i < top; i++) out.push(`  ${b[i]}`);
  for (let i = top; i < a.length - bottom; i++) out.push(`- ${a[i]}`);
  for (let i = top; i < b.length - bottom; i++) out.push(`+ ${b[i]}`);
  for (let i = b.length - bottom; i < Math.min(b.length, b.length - bottom + 2); i++) out.push(`  ${b[i]}`);
  return out;
}

async function planChange(config: GatewayConfig, rule: HeaderPattern): Promise<{ path: string; before: string; after: string }> {
  const path = config.source.path;
  if (!path) throw new GatewayError('CONFIG_NOT_WRITABLE', 'Switchboard runs on its built-in config; start it with --config <file> to keep rules in a file');
  let before: string;
  try {
    before = await readFile(path, 'utf8');
  } catch (error) {
    throw new GatewayError('CONFIG_NOT_WRITABLE', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const doc = parseDocument(before);
  if (doc.errors.length > 0) throw new GatewayError('CONFIG_NOT_WRITABLE', `${path} no longer parses as YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first`);
  return { path, before, after: addRuleToText(before, rule) };
}

export function mountIdentityRuleRoutes(express: ExpressModule, app: Express, config: GatewayConfig, checkToken: KeyCheck): void {
  const router = express.Router();
  router.use(adminTokenGuard(checkToken));
  router.use(express.json({ limit: '8kb' }));
  const rel = (path: string) => path.slice('/admin'.length);

  router.post(rel(ADMIN_PATHS.identityRulePreview), route(async (req): Promise<IdentityRulePreview> => {
    const plan = await planChange(config, parseRule(req.body));
    return { configPath: plan.path, diff: lineDiff(plan.before, plan.after) };
  }));
  router.post(rel(ADMIN_PATHS.identityRule), route(async (req): Promise<IdentityRuleResult> => {
    const rule = parseRule(req.body);
    const plan = await planChange(config, rule);
    try {
      await writeFileAtomic(plan.path, plan.after);
    } catch (error) {
      throw new GatewayError('CONFIG_NOT_WRITABLE', `Cannot write ${plan.path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    // the resolver reads these patterns on every request: the rule applies from the next request on
    config.identity.patterns.push({ ...rule, regex: compilePattern(rule.pattern) as RegExp });
    return { configPath: plan.path, diff: lineDiff(plan.before, plan.after), rules: identityRulesOf(config) };
  }));
  app.use('/admin', router);
}
