// GET /admin/events: server-sent events, one `id: <seq>` per event, heartbeat comments every 15 s.
// The stream replays nothing (the client takes a snapshot after connecting and drops seq <= snapshot.seq),
// and each event is serialized once however many dashboards listen.
import type { Request, Response } from 'express';
import { ADMIN_HEARTBEAT_MS } from '../../../shared/protocol/admin-api';
import type { GatewayEvent } from '../../../shared/protocol/events';
import type { AdminModel } from './admin-model-types';

/** A dashboard this far behind is dropped; it resynchronises from a fresh snapshot. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function createEventFormatter(): (event: GatewayEvent) => string {
  const cache = new WeakMap<GatewayEvent, string>();
  return (event) => {
    let text = cache.get(event);
    if (text === undefined) {
      text = `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
      cache.set(event, text);
    }
    return text;
  };
}

export function streamEvents(
  admin: AdminModel,
  format: (event: GatewayEvent) => string,
  open: Set<Response>,
  heartbeatMs: number = ADMIN_HEARTBEAT_MS,
) {
  return (req: Request, res: Response): void => {
    // tracked so shutdown can end them: an open event stream would keep the server from closing
    open.add(res);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    res.write(`: connected seq=${admin.currentSeq()}\n\n`);
    const unsubscribe = admin.onEvent((event) => {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy();
        return;
      }
      res.write(format(event));
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    const close = () => {
      open.delete(res);
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.on('close', close);
    res.on('close', close);
  };
}
