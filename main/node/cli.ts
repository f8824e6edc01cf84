#!/usr/bin/env node
// The headless entry: `switchboard serve | mode | validate | status`. Composition root for plain Node.
import pkg from '../../package.json' with { type: 'json' };
import { isGatewayError } from '../../shared/errors';
import { parseCli, UsageError, USAGE } from './cli-args';
import type { CliIo } from './cli-io';
import { modeCommand } from './mode-command';
import { fileSystemErrorLine, isFileSystemError } from './fs-error';
import { serve } from './serve';
import { askOnTerminal } from './ask';
import { statusCommand } from './status-command';
import { validateCommand } from './validate-command';

async function main(): Promise<number> {
  const io: CliIo = {
    env: process.env,
    version: pkg.version,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    onSignal: (signal, handler) => {
      process.on(signal, handler);
    },
    onExit: (handler) => {
      process.on('exit', handler);
    },
    ask: (question) => askOnTerminal(question, process.stdin, process.stderr),
  };
  try {
    const command = parseCli(process.argv.slice(2));
    switch (command.kind) {
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'version':
        io.stdout(pkg.version);
        return 0;
      case 'serve':
        return await serve(command.flags, io);
      case 'mode':
        return await modeCommand(command.action, command.flags, io);
      case 'validate':
        return await validateCommand(command.options, command.flags, io);
      case 'status':
        return await statusCommand(command.json, command.flags, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`switchboard: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (isFileSystemError(error)) io.stderr(`switchboard: ${fileSystemErrorLine(error, null)}`);
    else io.stderr(`switchboard: ${isGatewayError(error) ? error.message : ((error as Error).stack ?? String(error))}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
