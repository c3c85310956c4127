// The runtime's limit: plain node:http answering each fixture's bytes from memory — its status,
// Content-Type, Content-Encoding and Content-Length, nothing else — at /<key>, for any method (a
// request body is read and dropped). No framework, no hooks, no logging.
import http from 'node:http';
import { fromWire, type Fixture, type ToServer } from './fixtures.js';

const fixtures = new Map<string, Fixture>();
const server = http.createServer((req, res) => {
  const f = fixtures.get((req.url ?? '/').slice(1));
  req.resume();
  req.on('end', () => {
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    const headers: http.OutgoingHttpHeaders = { 'content-type': f.type, 'content-length': f.body.length };
    if (f.encoding) headers['content-encoding'] = f.encoding;
    res.writeHead(f.status, headers).end(f.body);
  });
});
server.keepAliveTimeout = 65_000;
process.on('message', (m: ToServer) => {
  if (m.kind === 'same-bytes') fixtures.set(m.key, fromWire(m.fixture));
  process.send!({ kind: 'done', id: m.id });
});
server.listen(0, '127.0.0.1', () => {
  process.send!({ kind: 'ready', port: (server.address() as { port: number }).port });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
