import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../main/core/events/event-bus';
import type { GatewayEvent } from '../../../shared/protocol/events';

const notice = (code: string) => ({ type: 'notice', level: 'info', code, message: code }) as const;

describe('event bus', () => {
  it('stamps a strictly increasing seq from 1 and the injected time', () => {
    let t = 100;
    const bus = createEventBus(() => t);
    expect(bus.seq()).toBe(0);
    const a = bus.emit(notice('a'));
    t = 250;
    const b = bus.emit({ type: 'log.cleared' });
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect([a.ts, b.ts]).toEqual([100, 250]);
    expect(bus.seq()).toBe(2);
    expect(b).toEqual({ type: 'log.cleared', seq: 2, ts: 250 });
  });

  it('hands every listener the same event object, and a throwing listener breaks no other', () => {
    const errors: unknown[] = [];
    const bus = createEventBus(() => 0, (error) => errors.push(error));
    const first: GatewayEvent[] = [];
    const last: GatewayEvent[] = [];
    bus.on((e) => first.push(e));
    bus.on(() => {
      throw new Error('listener bug');
    });
    bus.on((e) => last.push(e));
    const emitted = bus.emit(notice('x'));
    bus.emit(notice('y'));
    expect(first.map((e) => e.seq)).toEqual([1, 2]);
    expect(last.map((e) => e.seq)).toEqual([1, 2]);
    expect(last[0]).toBe(emitted);
    expect(first[0]).toBe(last[0]);
    expect(errors).toHaveLength(2);
  });

  it('survives a throwing error reporter', () => {
    const bus = createEventBus(
      () => 0,
      () => {
        throw new Error('reporter bug');
      },
    );
    const seen: number[] = [];
    bus.on(() => {
      throw new Error('listener bug');
    });
    bus.on((e) => seen.push(e.seq));
    expect(() => bus.emit(notice('x'))).not.toThrow();
    expect(seen).toEqual([1]);
  });

  it('stops delivering after unsubscribe, also when a listener unsubscribes mid-dispatch', () => {
    const bus = createEventBus(() => 0);
    const seen: string[] = [];
    const offA = bus.on(() => {
      seen.push('a');
      offA();
    });
    bus.on(() => seen.push('b'));
    bus.emit(notice('1'));
    bus.emit(notice('2'));
    expect(seen).toEqual(['a', 'b', 'b']);
  });

  it('delivers events emitted from inside a listener after the current one, so every listener sees seq order', () => {
    const bus = createEventBus(() => 0);
    const seenByLater: number[] = [];
    const seenByFirst: number[] = [];
    bus.on((e) => {
      seenByFirst.push(e.seq);
      if (e.type === 'notice' && e.code === 'outer') bus.emit(notice('inner'));
    });
    bus.on((e) => seenByLater.push(e.seq));
    const outer = bus.emit(notice('outer'));
    expect(outer.seq).toBe(1);
    expect(seenByFirst).toEqual([1, 2]);
    expect(seenByLater).toEqual([1, 2]);
  });

  it('a listener that names its types hears only those, and counts only for them in hasListeners', () => {
    const bus = createEventBus(() => 0);
    const heard: string[] = [];
    expect(bus.hasListeners()).toBe(false);
    const stop = bus.on((e) => heard.push(e.type), ['log.cleared']);
    expect(bus.hasListeners('log.cleared')).toBe(true);
    // request paths ask per type: a watcher of one rare event must not make them build every event
    expect(bus.hasListeners('request.started')).toBe(false);
    expect(bus.hasListeners()).toBe(true);
    bus.emit(notice('skipped'));
    bus.emit({ type: 'log.cleared' });
    expect(heard).toEqual(['log.cleared']);
    // an untyped listener hears everything, so every type has a listener
    const stopAll = bus.on(() => undefined);
    expect(bus.hasListeners('request.started')).toBe(true);
    stopAll();
    stop();
    expect(bus.hasListeners('log.cleared')).toBe(false);
    expect(bus.hasListeners()).toBe(false);
  });
});
