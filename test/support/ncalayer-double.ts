// A stand-in for NCALayer, the National Certification Centre's signing application, for the
// browser journeys: a WebSocket server on 127.0.0.1 speaking NCALayer's JSON protocol as its
// clients document it (sigex-kz/ncalayer-js-client): a greeting `{result: {version}}` when the
// page connects, then for module `kz.gov.pki.knca.commonUtils`, method `createCAdESFromBase64`,
// args [storage, keyType, base64 data, attach], the answer `{code: '200', responseObject: <CMS in
// base64>}`, made with the key of a test PKI's certificate; other requests get an error code.
// The WebSocket framing is written here (RFC 6455, text frames, no extensions): it is all a
// browser sends for this.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TestSigner } from './pki.js';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface NcaLayerRequest {
  module?: string;
  method?: string;
  args?: unknown[];
}

export interface NcaLayerDouble {
  /** ws://127.0.0.1:<port>, for NCALAYER_URL */
  readonly url: string;
  /** the requests received, in order */
  readonly requests: NcaLayerRequest[];
  /** the key and certificate chosen by the person in the next signings */
  use(signer: TestSigner): void;
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  let head: Buffer;
  if (n < 126) head = Buffer.from([0x80 | opcode, n]);
  else if (n < 65_536) {
    head = Buffer.alloc(4);
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(n, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}

/** One whole frame from the front of `buf` (a browser masks its frames), or null to wait for more. */
function parseFrame(buf: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (buf.length < 2) return null;
  const opcode = buf[0]! & 0x0f;
  const masked = (buf[1]! & 0x80) !== 0;
  let length = buf[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = buf.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return null;
    length = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskSize = masked ? 4 : 0;
  if (buf.length < offset + maskSize + length) return null;
  const mask = buf.subarray(offset, offset + maskSize);
  const payload = Buffer.from(buf.subarray(offset + maskSize, offset + maskSize + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return { opcode, payload, size: offset + maskSize + length };
}

export async function startNcaLayerDouble(): Promise<NcaLayerDouble> {
  const requests: NcaLayerRequest[] = [];
  const sockets = new Set<Socket>();
  let signer: TestSigner | null = null;
  const answer = (request: NcaLayerRequest): Record<string, unknown> => {
    if (request.module !== 'kz.gov.pki.knca.commonUtils' || request.method !== 'createCAdESFromBase64')
      return { code: '500', message: `unsupported: ${request.module}.${request.method}` };
    const [, keyType, data, attach] = request.args ?? [];
    if (!signer) return { code: '500', message: 'no key in the storage' };
    if (keyType !== 'AUTHENTICATION') return { code: '500', message: 'no key of this type' };
    const content = Buffer.from(String(data), 'base64');
    return { code: '200', responseObject: signer.signBase64(content, { detached: attach !== true }) };
  };
  const server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const sendText = (value: unknown) => socket.write(frame(0x1, Buffer.from(JSON.stringify(value))));
    sendText({ result: { version: '1.4' } });
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let f = parseFrame(pending); f; f = parseFrame(pending)) {
        pending = pending.subarray(f.size);
        if (f.opcode === 0x8) {
          socket.end(frame(0x8, f.payload.subarray(0, 2)));
          return;
        }
        if (f.opcode === 0x9) socket.write(frame(0xa, f.payload));
        if (f.opcode !== 0x1) continue;
        const request = JSON.parse(f.payload.toString('utf8')) as NcaLayerRequest;
        requests.push(request);
        sendText(answer(request));
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    requests,
    use: (s) => void (signer = s),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
