import { describe, it, expect } from 'vitest';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { findFreePort } from '../../../main/core/backends/supervisor';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}

describe('findFreePort', () => {
  it('returns the preferred port when it is free', async () => {
    const probe = await listen(0);
    const port = portOf(probe);
    await new Promise((resolve) => probe.close(resolve));
    expect(await findFreePort(port, '127.0.0.1')).toBe(port);
  });

  it('returns another free port when the preferred one is taken', async () => {
    const holder = await listen(0);
    const taken = portOf(holder);
    try {
      const port = await findFreePort(taken, '127.0.0.1');
      expect(port).not.toBe(taken);
      const check = await listen(port); // really free
      await new Promise((resolve) => check.close(resolve));
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
