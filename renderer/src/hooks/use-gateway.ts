// Wires the connection to the reducer. Events are queued and applied once per animation frame, so 100
// requests a second (several events each) cost one render per frame, not one per event. A hidden tab gets
// no frames, so a timer flushes too, keeping the queue short.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { AdminClient } from '../api/admin-client';
import { startConnection, type Connection } from '../api/connection';
import { dashboardReducer, type DashboardAction } from '../state/dashboard-reducer';
import { initialDashboardState, type DashboardState } from '../state/dashboard-state';

const HIDDEN_FLUSH_MS = 250;

export interface Gateway {
  state: DashboardState;
  dispatch: (action: DashboardAction) => void;
  retryNow: () => void;
}

export function useGateway(client: AdminClient): Gateway {
  const [state, dispatch] = useReducer(dashboardReducer, initialDashboardState);
  const connectionRef = useRef<Connection | null>(null);

  useEffect(() => {
    let queue: GatewayEvent[] = [];
    let frame: number | null = null;
    let timer: number | null = null;

    const flush = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = null;
      timer = null;
      if (queue.length === 0) return;
      const events = queue;
      queue = [];
      dispatch({ type: 'events', events });
    };
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(flush);
      if (timer === null) timer = window.setTimeout(flush, HIDDEN_FLUSH_MS);
    };

    const connection = startConnection({
      client,
      onSnapshot: (snapshot) => {
        // the snapshot supersedes whatever the old stream left queued (its seq may even have restarted)
        queue = [];
        dispatch({ type: 'snapshot', snapshot });
      },
      onEvents: (events) => {
        queue.push(...events);
        schedule();
      },
      onConnection: (connection) => dispatch({ type: 'connection', connection }),
      timers: {
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (handle) => window.clearTimeout(handle as number),
      },
      random: Math.random,
      now: Date.now,
    });
    connectionRef.current = connection;

    const retry = () => connection.retryNow();
    const onVisible = () => {
      if (document.visibilityState === 'visible') connection.retryNow();
    };
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
      connection.stop();
      connectionRef.current = null;
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [client]);

  const retryNow = useCallback(() => connectionRef.current?.retryNow(), []);
  return useMemo(() => ({ state, dispatch, retryNow }), [state, retryNow]);
}
