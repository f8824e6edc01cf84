import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../../main/core/upstream/abort';
import { ConcurrencyLimiter } from '../../../main/core/upstream/limiter';

/** lets already-settled promise callbacks run */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimiter', () => {
  it('hands out slots up to the cap without waiting', () => {
    const limiter = new ConcurrencyLimiter(2);
    expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.tryAcquire()).toBe(false);
    expect(limiter.active).toBe(2);
  });

  it('grants queued waiters in arrival order, one per release', async () => {
    const limiter = new ConcurrencyLimiter(1);
    expect(limiter.tryAcquire()).toBe(true);
    const order: string[] = [];
    const a = limiter.acquire().then(() => order.push('a'));
    const b = limiter.acquire().then(() => order.push('b'));
    const c = limiter.acquire().then(() => order.push('c'));
    expect(limiter.queued).toBe(3);
    await settle();
    expect(order).toEqual([]);
    limiter.release();
    await a;
    expect(order).toEqual(['a']);
    limiter.release();
    await b;
    limiter.release();
    await c;
    expect(order).toEqual(['a', 'b', 'c']);
    expect(limiter.active).toBe(1);
    expect(limiter.queued).toBe(0);
    limiter.release();
    expect(limiter.active).toBe(0);
  });

  it('does not let a newcomer jump the queue', async () => {
    const limiter = new ConcurrencyLimiter(1);
    limiter.tryAcquire();
    const waiting = limiter.acquire();
    limiter.release();
    // the slot went to the waiter, so it is not free for tryAcquire
    expect(limiter.tryAcquire()).toBe(false);
    await waiting;
  });

  it('an aborted waiter leaves the queue and its turn goes to the next', async () => {
    const limiter = new ConcurrencyLimiter(1);
    limiter.tryAcquire();
    const controller = new AbortController();
    const first = limiter.acquire(controller.signal);
    let secondGranted = false;
    const second = limiter.acquire().then(() => {
      secondGranted = true;
    });
    expect(limiter.queued).toBe(2);
    controller.abort();
    await expect(first).rejects.toSatisfy(isAbortError);
    expect(limiter.queued).toBe(1);
    limiter.release();
    await second;
    expect(secondGranted).toBe(true);
    expect(limiter.active).toBe(1);
  });

  it('aborting the middle waiter keeps the order of the others', async () => {
    const limiter = new ConcurrencyLimiter(1);
    limiter.tryAcquire();
    const controller = new AbortController();
    const order: string[] = [];
    const a = limiter.acquire().then(() => order.push('a'));
    const b = limiter.acquire(controller.signal).then(
      () => order.push('b'),
      () => order.push('b aborted'),
    );
    const c = limiter.acquire().then(() => order.push('c'));
    controller.abort();
    await b;
    limiter.release();
    await a;
    limiter.release();
    await c;
    expect(order).toEqual(['b aborted', 'a', 'c']);
  });

  it('rejects at once for an already aborted signal, and ignores an abort after the grant', async () => {
    const limiter = new ConcurrencyLimiter(1);
    limiter.tryAcquire();
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toSatisfy(isAbortError);
    expect(limiter.queued).toBe(0);
    const controller = new AbortController();
    const granted = limiter.acquire(controller.signal);
    limiter.release();
    await granted;
    controller.abort();
    expect(limiter.active).toBe(1);
    expect(limiter.queued).toBe(0);
  });

  it('refuses a cap that is not a positive integer', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(RangeError);
    expect(() => new ConcurrencyLimiter(1.5)).toThrow(RangeError);
  });
});
