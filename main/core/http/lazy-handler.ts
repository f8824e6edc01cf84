// A request handler built on the first request that needs it, for routes most gateways rarely see
// (dashboard, admin, models): what they need stays out of an idle gateway's memory until then.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `build` runs once. Requests that arrive while it runs share its promise and are handed on in arrival
 * order (promise reactions run in the order they were registered). If it fails, every waiting request
 * goes to `fail`, and the next request tries again.
 */
export function lazyHandler(
  build: () => Promise<NodeHandler>,
  fail: (req: IncomingMessage, res: ServerResponse, error: unknown) => void,
): NodeHandler {
  let ready: NodeHandler | null = null;
  let building: Promise<NodeHandler> | null = null;
  return (req, res) => {
    if (ready) {
      ready(req, res);
      return;
    }
    building ??= Promise.resolve().then(build).then(
      (handler) => (ready = handler),
      (error: unknown) => {
        building = null;
        throw error;
      },
    );
    building.then((handler) => handler(req, res), (error: unknown) => fail(req, res, error));
  };
}
