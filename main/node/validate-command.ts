// `switchboard validate --phase pre|post|all [--json] [--live] [--dry-run] [--yes]`: runs the migration
// assistant on the running instance or on one started for the run. Exit 0 only when every item passes;
// 1 when one fails; 2 for a refused --live; 130 when interrupted (Ctrl-C cancels the run, whose temporary
// gateway and LiteLLM child stop; the user's mode is never changed by a run).
import { isConfigError } from '../core/config';
import type { ConfigFlags } from '../core/config';
import type { CliIo } from './cli-io';
import type { ValidateOptions } from './cli-args';
import { findInstance } from './instance-client';
import { SessionError, localSession, remoteSession } from './validation-session';
import type { ValidationSession } from './validation-session';
import { checklistLines, livePlanLines, progressLine, resultLine } from './validate-output';

export const EXIT_INTERRUPTED = 130;
const REPEAT_SIGNAL_WINDOW_MS = 1_000;

export async function validateCommand(options: ValidateOptions, flags: ConfigFlags, io: CliIo): Promise<number> {
  // with --json, stdout carries the report only; progress goes to stderr
  const say = options.json ? io.stderr : io.stdout;
  const found = await findInstance(flags, io);
  if (found.kind === 'unusable') {
    io.stderr(`switchboard: ${found.reason}`);
    return 1;
  }
  if (found.kind === 'running' && flags.config !== undefined) {
    io.stderr(`switchboard: --config is ignored: the running instance at ${found.client.baseUrl} validates the config it was started with`);
  }
  let session: ValidationSession;
  try {
    session = found.kind === 'running' ? remoteSession(found.client) : await localSession(flags, io);
  } catch (error) {
    if (isConfigError(error)) {
      io.stderr(`Configuration error:\n${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    if (options.live || options.dryRun) {
      const plan = options.live ? await session.livePlan() : [];
      if (options.dryRun) {
        for (const line of options.live ? livePlanLines(plan) : [`validate --phase ${options.phase} talks only to a local probe upstream: it sends nothing to real providers.`]) io.stdout(line);
        io.stdout('Dry run: nothing was sent.');
        return 0;
      }
      for (const line of livePlanLines(plan)) say(line);
      if (!options.yes) {
        const answer = io.ask ? await io.ask('Send them? [y/N] ') : null;
        if (answer === null) {
          io.stderr('switchboard: --live costs tokens and there is no terminal to ask: pass --yes to confirm (or --dry-run to only list them)');
          return 2;
        }
        if (!/^y(es)?$/i.test(answer.trim())) {
          io.stderr('switchboard: not confirmed; nothing was sent');
          return 2;
        }
      }
    }
    say(`Switchboard validation, phase ${options.phase}${options.live ? ' with live requests' : ''}, on ${session.where}`);
    let interrupted = false;
    let firstSignalAt = 0;
    let forceExit!: (code: number) => void;
    const forced = new Promise<number>((resolve) => {
      forceExit = resolve;
    });
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) {
        // one Ctrl-C reaches every process of the terminal's group (and npm forwards it): only a later
        // press means "do not wait for the clean-up"
        if (Date.now() - firstSignalAt < REPEAT_SIGNAL_WINDOW_MS) return;
        io.stderr(`switchboard: ${signal} again, exiting without waiting`);
        forceExit(EXIT_INTERRUPTED);
        return;
      }
      interrupted = true;
      firstSignalAt = Date.now();
      io.stderr(`switchboard: ${signal}, stopping the run (the temporary gateway and any LiteLLM child)… (again to exit at once)`);
      void session.cancel();
    };
    io.onSignal('SIGINT', onSignal);
    io.onSignal('SIGTERM', onSignal);
    const lastStep = { value: '' };
    const run = session
      .run({ phase: options.phase, live: options.live, confirmCost: options.live }, (progress) => {
        const line = progressLine(progress, lastStep);
        if (line) say(line);
      })
      .then((report) => ({ report }));
    const outcome = await Promise.race([run, forced.then((code) => ({ code }))]);
    if ('code' in outcome) return outcome.code;
    const { report } = outcome;
    if (options.json) io.stdout(JSON.stringify(report, null, 2));
    else for (const line of checklistLines(report)) io.stdout(line);
    say('');
    say(resultLine(report));
    if (report.interrupted || interrupted) return EXIT_INTERRUPTED;
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof SessionError) {
      io.stderr(`switchboard: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await session.close();
  }
}
