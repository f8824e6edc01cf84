// A gateway with Switchboard's structure and none of its features, for comparison (three-way.mjs):
// a node:http server that reads the whole request body, one request through undici's agent with the
// same bytes, the whole answer read and written back with content-length. Forked with the upstream's
// port as its argument; sends { port } over IPC once listening.
import { createServer } from 'node:http';
import Agent from 'undici/lib/dispatcher/agent.js';
import request from 'undici/lib/api/api-request.js';

const upstream = `http://127.0.0.1:${process.argv[2]}`;
const agent = new Agent({ pipelining: 1 });

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const answer = await request.call(agent, {
      origin: upstream,
      path: req.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'user-agent': req.headers['user-agent'] ?? '' },
      body,
    });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    res.writeHead(answer.statusCode, { 'content-type': answer.headers['content-type'] ?? 'application/json', 'content-length': String(bytes.length) });
    res.end(bytes);
  });
});

server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
