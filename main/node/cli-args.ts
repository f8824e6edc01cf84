// argv -> a command. parseArgs gives strict flags; errors become one line plus usage.
import { parseArgs } from 'node:util';
import type { ValidationPhase } from '../../shared/protocol/validation';
import type { ConfigFlags } from '../core/config';

export const USAGE = `Usage:
  switchboard serve [--config FILE] [--port N] [--host HOST] [--data-dir DIR] [--mode sdk|binary]
  switchboard mode [sdk|binary|rollback] [--data-dir DIR]   (talks to the running instance)
  switchboard validate --phase pre|post|all [--json] [--live] [--dry-run] [--yes]
                       [--config FILE] [--data-dir DIR] [--port N]
  switchboard status [--json] [--data-dir DIR] [--port N]
  switchboard --version | --help`;

export type CliCommand =
  | { kind: 'serve'; flags: ConfigFlags }
  | { kind: 'mode'; action: 'sdk' | 'binary' | 'rollback' | 'status'; flags: ConfigFlags }
  | { kind: 'validate'; options: ValidateOptions; flags: ConfigFlags }
  | { kind: 'status'; json: boolean; flags: ConfigFlags }
  | { kind: 'help' }
  | { kind: 'version' };

export interface ValidateOptions {
  phase: ValidationPhase;
  json: boolean;
  live: boolean;
  dryRun: boolean;
  yes: boolean;
}

export class UsageError extends Error {}

export function parseCli(argv: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        mode: { type: 'string' },
        phase: { type: 'string' },
        json: { type: 'boolean' },
        live: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const flags: ConfigFlags = {};
  if (values.config !== undefined) flags.config = values.config;
  if (values.host !== undefined) flags.host = values.host;
  if (values['data-dir'] !== undefined) flags.dataDir = values['data-dir'];
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${values.port}"`);
    flags.port = port;
  }
  if (values.mode !== undefined) {
    if (values.mode !== 'sdk' && values.mode !== 'binary') throw new UsageError(`--mode must be sdk or binary, got "${values.mode}"`);
    flags.mode = values.mode;
  }
  const [command = 'serve', action, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`);
  if (command === 'serve') {
    if (action !== undefined) throw new UsageError(`Unexpected argument: ${action}`);
    return { kind: 'serve', flags };
  }
  if (command === 'mode') {
    const which = action ?? 'status';
    if (which !== 'sdk' && which !== 'binary' && which !== 'rollback' && which !== 'status') {
      throw new UsageError(`switchboard mode takes sdk, binary or rollback, got "${which}"`);
    }
    return { kind: 'mode', action: which, flags };
  }
  if (command === 'validate') {
    if (action !== undefined) throw new UsageError(`Unexpected argument: ${action}`);
    const phase = values.phase;
    if (phase !== 'pre' && phase !== 'post' && phase !== 'all') throw new UsageError(`switchboard validate needs --phase pre, post or all${phase === undefined ? '' : `, got "${phase}"`}`);
    return {
      kind: 'validate',
      flags,
      options: { phase, json: values.json === true, live: values.live === true, dryRun: values['dry-run'] === true, yes: values.yes === true },
    };
  }
  if (command === 'status') {
    if (action !== undefined) throw new UsageError(`Unexpected argument: ${action}`);
    return { kind: 'status', json: values.json === true, flags };
  }
  throw new UsageError(`Unknown command: ${command}`);
}
