// What every check of a run shares: the clock, the abort signal (Ctrl-C, stop), progress reporting and
// the list of finished items. `check` times one item and turns a thrown error into a failed item, so one
// broken check never ends the run; only an abort does.
import type { ValidationItem, ValidationItemPhase } from '../../../shared/protocol/validation';

export interface ItemSpec {
  id: string;
  phase: ValidationItemPhase;
  title: string;
}

export interface CheckOutcome {
  ok: boolean;
  detail: string;
  /** what to do about a failure (ignored when ok) */
  fix?: string | null;
}

export class RunAborted extends Error {
  constructor() {
    super('validation run interrupted');
    this.name = 'RunAborted';
  }
}

export interface RunContext {
  now: () => number;
  signal: AbortSignal;
  /** progress without a finished item */
  step(text: string): void;
  check(spec: ItemSpec, run: () => Promise<CheckOutcome> | CheckOutcome): Promise<ValidationItem>;
  /** an item that could not run because something before it failed */
  skip(spec: ItemSpec, reason: string, fix: string | null): ValidationItem;
  items(): ValidationItem[];
  throwIfAborted(): void;
}

export function createRunContext(options: { now: () => number; signal: AbortSignal; onProgress: (step: string, item: ValidationItem | null, done: number) => void }): RunContext {
  const { now, signal } = options;
  const items: ValidationItem[] = [];
  let lastStep = 'starting';
  const throwIfAborted = () => {
    if (signal.aborted) throw new RunAborted();
  };
  const add = (item: ValidationItem) => {
    items.push(item);
    options.onProgress(lastStep, item, items.length);
    return item;
  };
  return {
    now,
    signal,
    step(text) {
      throwIfAborted();
      lastStep = text;
      options.onProgress(text, null, items.length);
    },
    async check(spec, run) {
      throwIfAborted();
      const started = now();
      let outcome: CheckOutcome;
      try {
        outcome = await run();
      } catch (error) {
        if (signal.aborted) throw new RunAborted();
        outcome = { ok: false, detail: `the check itself failed: ${(error as Error).message}`, fix: 'Run it again; if it keeps failing, report it with the detail above.' };
      }
      throwIfAborted();
      return add({ ...spec, ok: outcome.ok, skipped: false, detail: outcome.detail, fix: outcome.ok ? null : (outcome.fix ?? null), durationMs: now() - started });
    },
    skip(spec, reason, fix) {
      return add({ ...spec, ok: false, skipped: true, detail: reason, fix, durationMs: 0 });
    },
    items: () => [...items],
    throwIfAborted,
  };
}
