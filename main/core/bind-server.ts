// Binding the front server, with the two refusals a user can fix told apart: a port someone else holds
// (PORT_IN_USE) and a port this user may not take (PORT_FORBIDDEN: below 1024, or a sandbox rule).
import type { Server } from 'node:http';
import { GatewayError } from '../../shared/errors';

export function bindServer(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new GatewayError('PORT_IN_USE', `Port ${port} on ${host} is already in use; start with --port <N> (or set switchboard.port) to use another`, { cause: error }));
      } else if (error.code === 'EACCES') {
        reject(new GatewayError('PORT_FORBIDDEN', `Not allowed to listen on ${host}:${port}; start with --port <N> above 1024`, { cause: error }));
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
