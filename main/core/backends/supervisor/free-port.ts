import { createServer } from 'node:net';
import { GatewayError } from '../../../../shared/errors';

/**
 * `preferred` when it can be bound on `host`, otherwise a port the OS hands out. There is a window between
 * this check and the child binding; the supervisor recognises the child's "address already in use" and
 * tries once more on a fresh port.
 */
export async function findFreePort(preferred: number, host: string): Promise<number> {
  if (preferred > 0) {
    const port = await tryListen(preferred, host);
    if (port !== null) return port;
  }
  const port = await tryListen(0, host);
  if (port === null) throw new GatewayError('BINARY_PORT_CONFLICT', `No free port on ${host} for LiteLLM`);
  return port;
}

function tryListen(port: number, host: string): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}
