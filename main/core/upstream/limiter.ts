// A counting semaphore with a FIFO queue: at most `max` requests open to one upstream origin. Cloudflare
// answers a burst of queued requests with Error 1200, so a burst waits here instead of at the origin.
import { onAbort, UpstreamAbortError } from './abort';
import type { AnySignal } from './abort';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  /** removes the abort listener */
  stopWatching: (() => void) | undefined;
  prev: Waiter | null;
  next: Waiter | null;
}

export class ConcurrencyLimiter {
  readonly max: number;
  #active = 0;
  #queued = 0;
  // A doubly linked list, so an aborted waiter leaves from the middle in O(1).
  #head: Waiter | null = null;
  #tail: Waiter | null = null;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency cap must be a positive integer, got ${max}`);
    this.max = max;
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queued;
  }

  /** Takes a slot if one is free right now. The common path: no promise, no allocation. */
  tryAcquire(): boolean {
    if (this.#active >= this.max || this.#head !== null) return false;
    this.#active++;
    return true;
  }

  /** Waits in line for a slot. Rejects with UpstreamAbortError (and leaves the line) if `signal` aborts. */
  acquire(signal?: AnySignal): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    if (signal?.aborted) return Promise.reject(new UpstreamAbortError(signal.reason));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, stopWatching: undefined, prev: this.#tail, next: null };
      if (signal) {
        waiter.stopWatching = onAbort(signal, () => {
          this.#unlink(waiter);
          reject(new UpstreamAbortError(signal.reason));
        });
      }
      if (this.#tail) this.#tail.next = waiter;
      else this.#head = waiter;
      this.#tail = waiter;
      this.#queued++;
    });
  }

  /** Frees a slot; the longest waiter gets it directly, so a newcomer cannot jump the line. */
  release(): void {
    const next = this.#head;
    if (next === null) {
      if (this.#active > 0) this.#active--;
      return;
    }
    this.#unlink(next);
    next.stopWatching?.();
    next.resolve();
  }

  #unlink(waiter: Waiter): void {
    if (waiter.prev) waiter.prev.next = waiter.next;
    else if (this.#head === waiter) this.#head = waiter.next;
    else return; // already out of the list
    if (waiter.next) waiter.next.prev = waiter.prev;
    else this.#tail = waiter.prev;
    waiter.prev = null;
    waiter.next = null;
    this.#queued--;
  }
}
