// Finds a free port to offer when the configured one is taken. Probing binds and closes at once, so the
// answer can be stale by the time the gateway binds; the gateway then reports "in use" again and the
// user gets a fresh suggestion. Loopback only, like everything the gateway binds.
import { createServer } from 'node:net';

const ATTEMPTS = 20;

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(preferred: number, host: string): Promise<number | null> {
  for (let port = preferred; port < preferred + ATTEMPTS && port <= 65535; port += 1) {
    if (await isFree(port, host)) return port;
  }
  return null;
}
