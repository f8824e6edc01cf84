// Child role `bare`: the floor for any Node gateway. It parses nothing (no JSON, no auth, no routing):
// it pipes the request to the upstream over a keep-alive agent and pipes the answer back.
import { Agent, createServer, request } from 'node:http';
import { reportReady } from './role-ipc';

export interface BareProxyOptions {
  upstreamPort: number;
}

export function runBareProxy(options: BareProxyOptions): void {
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 256 });
  const server = createServer({ keepAliveTimeout: 120_000, noDelay: true }, (req, res) => {
    const upstream = request(
      { host: '127.0.0.1', port: options.upstreamPort, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // without it an SSE event could wait for Nagle on the upstream socket
    upstream.setNoDelay(true);
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') reportReady(address.port);
  });
}
