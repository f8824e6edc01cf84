// Every config problem names where it is (file and line) and which key, and the loader reports all of
// them at once so the user fixes the file in one pass instead of one error per restart.
import type { ErrorCode } from '../../../shared/errors';

export interface ConfigProblem {
  /** config file, or null for flags, env and the data dir */
  file: string | null;
  /** 1-based line in `file`, when known */
  line: number | null;
  /** e.g. `model_list[2].litellm_params.api_key`, `switchboard.port`, `--port`, `env SWITCHBOARD_LOG_LEVEL` */
  keyPath: string;
  problem: string;
}

/** One line: `<file>:<line>: <key.path>: <problem>`, leaving out the parts that are unknown. */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.file === null ? '' : problem.line === null ? `${problem.file}: ` : `${problem.file}:${problem.line}: `;
  const key = problem.keyPath ? `${problem.keyPath}: ` : '';
  return `${where}${key}${problem.problem}`;
}

export class ConfigError extends Error {
  /** its code in the one error vocabulary (shared/errors.ts), so a runtime tells it apart by code like any other */
  readonly code = 'CONFIG_INVALID' satisfies ErrorCode;
  /** location of the first problem (the CLI may show it alone); `problems` holds them all */
  readonly file: string | null;
  readonly line: number | null;
  readonly keyPath: string;
  readonly problems: readonly ConfigProblem[];

  constructor(problems: ConfigProblem[] | ConfigProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    if (list.length === 0) throw new TypeError('ConfigError needs at least one problem');
    super(list.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
    const first = list[0] as ConfigProblem;
    this.file = first.file;
    this.line = first.line;
    this.keyPath = first.keyPath;
    this.problems = list;
  }
}

export function isConfigError(value: unknown): value is ConfigError {
  return value instanceof ConfigError;
}
