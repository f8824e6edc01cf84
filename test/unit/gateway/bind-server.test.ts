// Binding the front server: a port held by someone else and a port this user may not take are different
// problems with different fixes, so they get different codes.
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bindServer } from '../../../main/core/bind-server';

/** A server whose listen() fails the way the kernel refuses a privileged port to a normal user. */
function refusingServer(code: string): Server {
  const server = new EventEmitter() as unknown as Server;
  (server as unknown as { listen: () => void }).listen = () => {
    const error = Object.assign(new Error(`listen ${code}: permission denied 127.0.0.1:80`), { code, syscall: 'listen' });
    queueMicrotask(() => server.emit('error', error));
  };
  return server;
}

describe('bindServer', () => {
  it('EACCES (a privileged port) is PORT_FORBIDDEN, not PORT_IN_USE', async () => {
    await expect(bindServer(refusingServer('EACCES'), 80, '127.0.0.1')).rejects.toMatchObject({
      code: 'PORT_FORBIDDEN',
      message: expect.stringContaining('--port'),
    });
  });

  it('a port someone holds is PORT_IN_USE', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    const server = createHttpServer();
    try {
      await expect(bindServer(server, port, '127.0.0.1')).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    } finally {
      blocker.close();
    }
  });
});
