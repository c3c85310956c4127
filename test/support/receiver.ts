// A real receiving HTTP server on 127.0.0.1 for the outbox's tests: it checks the signature,
// deduplicates by idempotency key, and answers as told (accept, accept with a receipt, 500,
// garbage, or never).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KEY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign } from '../../src/modules/outbox/index.js';

export type Behaviour = 'accept' | 'receipt' | 'error500' | 'garbage' | 'hang' | 'wrong-key';

export interface Received {
  key: string;
  path: string;
  body: {
    key: string;
    recipient: string;
    copies: number;
    documents: { name: string; content: string; sha256: string }[];
    metadata: Record<string, unknown>;
  };
  signatureValid: boolean;
}

export interface Receiver {
  url: string;
  /** every try that reached the server, in order */
  tries: Received[];
  /** one entry per key: what the receiver's system took in */
  accepted: Map<string, Received>;
  behaviour: Behaviour;
  /** the key it verifies with (a test rotates it) */
  secret: string;
  close(): Promise<void>;
}

export async function startReceiver(secret: string, behaviour: Behaviour = 'accept'): Promise<Receiver> {
  const tries: Received[] = [];
  const accepted = new Map<string, Received>();
  const open = new Set<http.ServerResponse>();
  const receiver: Receiver = {
    url: '',
    tries,
    accepted,
    behaviour,
    secret,
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const key = String(req.headers[KEY_HEADER] ?? '');
      const ts = Number(req.headers[TIMESTAMP_HEADER]);
      // one `v1=` signature per key of the sender during a rotation: one made with ours will do
      const signatures = String(req.headers[SIGNATURE_HEADER] ?? '').split(',');
      const signatureValid = signatures.some((s) => s.trim() === sign(receiver.secret, ts, raw));
      const body = JSON.parse(raw.toString('utf8')) as Received['body'];
      const entry = { key, path: req.url ?? '', body, signatureValid };
      tries.push(entry);
      const b = receiver.behaviour;
      if (b === 'hang') {
        open.add(res);
        return;
      }
      if (b === 'error500') return void res.writeHead(500).end('internal error');
      if (b === 'garbage')
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok?</html>');
      if (b === 'wrong-key')
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ key: 'other', status: 'accepted' }));
      const duplicate = accepted.has(key);
      if (!duplicate && signatureValid) accepted.set(key, entry);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          key,
          status: duplicate ? 'duplicate' : 'accepted',
          ...(b === 'receipt'
            ? { receipt: { reference: `IN-${accepted.size}`, receivedAt: '2024-04-02T10:00:00Z' } }
            : {}),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = async () => {
    for (const res of open) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}
