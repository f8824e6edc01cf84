import type { ChildProcess, SpawnOptions } from 'node:child_process';

/** The slice of child_process.spawn the supervisor uses; injected so tests can observe it. */
export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
