// Run as a separate Node process by orphans.test.ts: starts a supervisor with the fake LiteLLM, prints the
// child's pid as JSON, then waits to be killed (SIGKILL: no chance to stop its child).
import { spawn } from 'node:child_process';
import { pino } from 'pino';
import { createSupervisor } from '../../../main/core/backends/supervisor';
import { FAKE_LITELLM_PATH } from '../../fixtures/fake-litellm';
import { MODEL_DOC } from './harness';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: parent-process.ts <dataDir>');
const supervisor = createSupervisor({
  command: FAKE_LITELLM_PATH,
  args: [],
  spawn,
  dataDir,
  litellmDocument: MODEL_DOC,
  preferredPort: 0,
  readyTimeoutMs: 10_000,
  stopGraceMs: 2_000,
  pinnedVersion: '1.77.5',
  // the test decides whether the fake behaves like real LiteLLM (FAKE_LITELLM_IGNORE_STDIN=1)
  env: { PATH: process.env.PATH, FAKE_LITELLM_IGNORE_STDIN: process.env.FAKE_LITELLM_IGNORE_STDIN },
  logger: pino({ level: 'silent' }),
  secrets: () => [],
  pollIntervalMs: 50,
});
await supervisor.start();
process.stdout.write(`${JSON.stringify({ pid: supervisor.state().pid })}\n`);
setInterval(() => undefined, 60_000);
