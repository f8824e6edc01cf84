// When to restart a crashed child and when to give up: N crashes inside a sliding window end the retries.

export interface CrashVerdict {
  /** crashes inside the window, this one included */
  count: number;
  giveUp: boolean;
  /** wait before the restart (meaningless when giveUp) */
  delayMs: number;
}

export interface CrashPolicy {
  record(): CrashVerdict;
  reset(): void;
}

export interface CrashPolicyOptions {
  now: () => number;
  backoffMs: number[];
  maxCrashes: number;
  windowMs: number;
}

export function createCrashPolicy(options: CrashPolicyOptions): CrashPolicy {
  let times: number[] = [];
  return {
    record() {
      const at = options.now();
      times = times.filter((t) => at - t < options.windowMs);
      times.push(at);
      const count = times.length;
      const steps = options.backoffMs;
      const delayMs = steps.length === 0 ? 0 : (steps[Math.min(count - 1, steps.length - 1)] ?? 0);
      return { count, giveUp: count >= options.maxCrashes, delayMs };
    },
    reset() {
      times = [];
    },
  };
}
