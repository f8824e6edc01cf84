// Counts requests between arrival and their last byte, so shutdown can wait for them.
export interface InFlight {
  begin(): void;
  end(): void;
  count(): number;
  /** resolves when nothing is in flight, or after `timeoutMs` */
  idle(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    begin() {
      count++;
    },
    end() {
      count--;
      if (count === 0) {
        const pending = waiters;
        waiters = [];
        for (const wake of pending) wake();
      }
    },
    count: () => count,
    idle(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
