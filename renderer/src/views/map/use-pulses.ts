// Which links of the routing map pulse right now: every request that settles sends a pulse along its
// path. Watches the log the reducer keeps (one pass per frame's batch); requests already there when the
// map opened do not pulse. Off when the user prefers reduced motion.
import { useEffect, useRef, useState } from 'react';
import type { RequestRecord } from '../../../../shared/protocol/records';
import { recordLinkIds } from '../../lib/routing-graph';
import type { RequestLog } from '../../state/request-log';
import type { Pulse } from './routing-map';

/** At 100 requests a second a frame brings several; a few pulses per frame already read as "busy". */
const MAX_PULSES_PER_BATCH = 6;
const QUIET_MS = 1_600;
const SEEN_LIMIT = 20_000;

const settled = (r: RequestRecord) => r.phase === 'done' || r.phase === 'error';

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function usePulses(log: RequestLog, skipBackend: boolean): ReadonlyMap<string, Pulse> {
  const [pulses, setPulses] = useState<ReadonlyMap<string, Pulse>>(() => new Map());
  const seen = useRef<Set<string> | null>(null);
  const counter = useRef(0);

  useEffect(() => {
    const known = seen.current;
    if (known === null) {
      seen.current = new Set([...log.entries.values()].filter((e) => settled(e.record)).map((e) => e.record.id));
      return;
    }
    const fresh: RequestRecord[] = [];
    for (const { record } of log.entries.values()) {
      if (settled(record) && !known.has(record.id)) {
        known.add(record.id);
        fresh.push(record);
      }
    }
    if (known.size > SEEN_LIMIT) seen.current = new Set(log.entries.keys());
    if (fresh.length === 0 || reducedMotion()) return;
    setPulses((previous) => {
      const next = new Map(previous);
      for (const record of fresh.slice(-MAX_PULSES_PER_BATCH)) {
        recordLinkIds(record, skipBackend).forEach((id, hop) => next.set(id, { hop, key: ++counter.current, failed: record.phase === 'error' }));
      }
      return next;
    });
  }, [log, skipBackend]);

  useEffect(() => {
    if (pulses.size === 0) return;
    const timer = window.setTimeout(() => setPulses(new Map()), QUIET_MS);
    return () => window.clearTimeout(timer);
  }, [pulses]);

  return pulses;
}
