// A start-up check of the identity rules against what known clients really send: the migration guide's
// own config matches Claude Code with `Claude Code`, but Claude Code 2.x sends
// `claude-cli/<version> (external, cli)`, so all of its requests would land on the default identity and
// its memories would mix with every other unrecognised client's. Said once at start, with the fix.
import { describeRule, KNOWN_CLIENTS } from '../../../shared/identity-suggestions';
import type { IdentityConfig } from './types';

export function fallThroughWarnings(identity: IdentityConfig, file: string): string[] {
  const warnings: string[] = [];
  const told = new Set<string>();
  for (const client of KNOWN_CLIENTS) {
    if (told.has(client.rule.user_id)) continue;
    const caught = identity.patterns.some((p) => p.header === 'user-agent' && p.regex.test(client.sampleUserAgent));
    if (caught) continue;
    // only for apps the user's rules mean to catch: a rule naming the same identity shows that intent
    if (!identity.patterns.some((p) => p.user_id === client.rule.user_id)) continue;
    told.add(client.rule.user_id);
    warnings.push(
      `${file}: ${client.app} sends User-Agent "${client.sampleUserAgent}", which no rule in user_id_mappings matches, so it lands on ${identity.defaultUserId}; add ${describeRule(client.rule)} (the dashboard's map offers it in one click)`,
    );
  }
  return warnings;
}
